/** Training configuration and observation: {@link dev.lamina.train.Fit}, History, and callbacks. */
package dev.lamina.train;

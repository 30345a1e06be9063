/** The fluent Java API: {@code Lamina.sequential().dense(...).compile(...).build()}. */
package dev.lamina.fluent;

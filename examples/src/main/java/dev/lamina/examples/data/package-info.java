/** The generator of the bundled synthetic churn data ({@code data/churn.csv}). */
package dev.lamina.examples.data;

/** Runnable examples: the article's churn model with the fluent Java API. */
package dev.lamina.examples;

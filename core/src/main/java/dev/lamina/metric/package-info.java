/**
 * Stateful epoch metrics with Keras's names, rules and weighting: accuracies, precision, recall
 * and AUC, resolved by name (including Keras's {@code accuracy} shortcut) through
 * {@link dev.lamina.metric.Metrics}.
 */
package dev.lamina.metric;

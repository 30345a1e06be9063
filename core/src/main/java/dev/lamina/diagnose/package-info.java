/**
 * Why an initialization works or fails, measured: per-layer statistics of a built model on a batch
 * of real rows (weights, activations, gradients, dead and saturated units, broken symmetry) with
 * plain-word warnings, from Java ({@link dev.lamina.diagnose.Diagnostics}), after each epoch
 * ({@link dev.lamina.diagnose.DiagnosticsCallback}) and from {@code builder.jar inspect}.
 */
package dev.lamina.diagnose;

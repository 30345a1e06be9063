/**
 * The records of what a {@code model.yaml} says about a run, apart from the model itself
 * ({@code spec.ModelSpec}) and its data ({@code table.DataSpec}): {@link dev.lamina.runspec.RunSpec}
 * (model, data, fit, predict), {@link dev.lamina.runspec.PredictSpec} and
 * {@link dev.lamina.runspec.ThresholdStrategy}. Every front end (the YAML reader and writer, the
 * fluent API, the sweep and the search) produces or reads them, and the run, the model file and the
 * reports consume them; they depend on nothing of those, so no package cycle goes through them.
 */
package dev.lamina.runspec;

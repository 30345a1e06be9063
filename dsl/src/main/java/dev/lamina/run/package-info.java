/**
 * One run of a spec from data to results: {@link dev.lamina.runspec.RunSpec} (what a model.yaml says, in {@code runspec}),
 * {@link dev.lamina.run.Runner} (prepare, train, evaluate, write the run folder) and
 * {@link dev.lamina.run.CsvScorer} (score a CSV file with a saved model; {@link dev.lamina.predict.Predictor} scores rows from Java).
 */
package dev.lamina.run;

import dev.lamina.runspec.RunSpec;

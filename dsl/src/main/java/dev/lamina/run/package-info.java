/**
 * One run of a spec from data to results: {@link dev.lamina.run.RunSpec} (what a model.yaml says),
 * {@link dev.lamina.run.Runner} (prepare, train, evaluate, write the run folder) and
 * {@link dev.lamina.run.Predictor} (score raw rows with a saved model).
 */
package dev.lamina.run;

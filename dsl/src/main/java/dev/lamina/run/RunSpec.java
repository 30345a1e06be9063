package dev.lamina.run;

import dev.lamina.spec.ModelSpec;
import dev.lamina.table.DataSpec;
import dev.lamina.train.Fit;

/**
 * Everything one {@code model.yaml} says: the model, its data, how to fit it and how to predict.
 *
 * @param model layers, compile and seed
 * @param data the data section, or null (a model-only spec)
 * @param fit the fit section (Keras defaults when absent)
 * @param predict the predict section
 */
public record RunSpec(ModelSpec model, DataSpec data, Fit fit, PredictSpec predict) {
  /** Fills in defaults. */
  public RunSpec {
    fit = fit == null ? Fit.epochs(1) : fit;
    predict = predict == null ? PredictSpec.DEFAULT : predict;
  }
}

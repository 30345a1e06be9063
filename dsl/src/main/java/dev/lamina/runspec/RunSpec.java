package dev.lamina.runspec;

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
  /** Keras's {@code fit(epochs=1)}: the epochs of a spec whose fit section gives none. */
  public static final int DEFAULT_EPOCHS = 1;
  /** The fit of a spec without a fit section, and every fit key's default. */
  public static final Fit DEFAULT_FIT = Fit.epochs(DEFAULT_EPOCHS);

  /** Fills in defaults. */
  public RunSpec {
    fit = fit == null ? DEFAULT_FIT : fit;
    predict = predict == null ? PredictSpec.DEFAULT : predict;
  }
}

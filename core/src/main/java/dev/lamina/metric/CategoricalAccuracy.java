package dev.lamina.metric;

/**
 * How often the predicted class (argmax of the row) is the one-hot target's class (its argmax),
 * as Keras's {@code keras.metrics.CategoricalAccuracy} (name {@code categorical_accuracy});
 * weighted mean over rows. Ties go to the first column, as argmax does.
 */
public final class CategoricalAccuracy extends MeanMetric {
  /** Keras's default name. */
  public static final String DEFAULT_NAME = "categorical_accuracy";

  /** With Keras's default name. */
  public CategoricalAccuracy() {
    this(DEFAULT_NAME);
  }

  /** @param name the history key */
  public CategoricalAccuracy(String name) {
    super(name);
  }

  @Override
  double rowValue(double[] pred, double[] target, int r, int cols) {
    int base = r * cols;
    return argmax(pred, base, cols) == argmax(target, base, cols) ? 1.0 : 0.0;
  }
}

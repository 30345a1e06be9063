package dev.lamina.metric;

/**
 * How often the predicted class (argmax of the row) equals the integer target class, as Keras's
 * {@code keras.metrics.SparseCategoricalAccuracy} (name {@code sparse_categorical_accuracy}).
 * {@code target} holds one class index per row; weighted mean over rows.
 */
public final class SparseCategoricalAccuracy extends MeanMetric {
  /** Keras's default name. */
  public static final String DEFAULT_NAME = "sparse_categorical_accuracy";

  /** With Keras's default name. */
  public SparseCategoricalAccuracy() {
    this(DEFAULT_NAME);
  }

  /** @param name the history key */
  public SparseCategoricalAccuracy(String name) {
    super(name);
  }

  @Override
  double rowValue(double[] pred, double[] target, int r, int cols) {
    return argmax(pred, r * cols, cols) == target[r] ? 1.0 : 0.0;
  }
}

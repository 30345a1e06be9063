package dev.lamina.metric;

/**
 * The fraction of predictions on the right side of a threshold, as Keras's
 * {@code keras.metrics.BinaryAccuracy} (name {@code binary_accuracy}):
 * <pre>{@code
 * row value = mean over columns of [ target == (pred > threshold ? 1 : 0) ]
 * result    = sum(w * row value) / sum(w)
 * }</pre>
 * The comparison is strictly greater, so a prediction equal to the threshold counts as 0.
 * Default {@code threshold=0.5}.
 */
public final class BinaryAccuracy extends MeanMetric {
  /** Keras's default threshold. */
  public static final double DEFAULT_THRESHOLD = 0.5;
  /** Keras's default name. */
  public static final String DEFAULT_NAME = "binary_accuracy";

  private final double threshold;

  /** With Keras's defaults. */
  public BinaryAccuracy() {
    this(DEFAULT_NAME, DEFAULT_THRESHOLD);
  }

  /**
   * @param name the history key
   * @param threshold a prediction strictly above it is class 1
   */
  public BinaryAccuracy(String name, double threshold) {
    super(name);
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be a finite number, got " + threshold);
    }
    this.threshold = threshold;
  }

  /** The decision threshold. */
  public double threshold() {
    return threshold;
  }

  @Override
  double rowValue(double[] pred, double[] target, int r, int cols) {
    int base = r * cols;
    double hits = 0;
    for (int j = 0; j < cols; j++) {
      double predicted = pred[base + j] > threshold ? 1.0 : 0.0;
      if (target[base + j] == predicted) {
        hits++;
      }
    }
    return hits / cols;
  }
}

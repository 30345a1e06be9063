package dev.lamina.metric;

/**
 * Weighted true-positive, false-positive and false-negative counts at one threshold, as Keras's
 * {@code update_confusion_matrix_variables}: each element (or only column {@code class_id}) is a
 * separate decision; a target is positive when it is non-zero; a prediction is positive when it
 * is strictly above the threshold; each row's weight applies to all of its elements.
 */
abstract class ThresholdConfusion implements Metric {
  /** Keras's default threshold ({@code thresholds=None} means 0.5). */
  static final double DEFAULT_THRESHOLD = 0.5;
  /** No class filter. */
  static final int ALL_CLASSES = -1;

  private final String name;
  private final double threshold;
  private final int classId;
  double truePositives;
  double falsePositives;
  double falseNegatives;

  ThresholdConfusion(String name, double threshold, int classId) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    if (classId < ALL_CLASSES) {
      throw new IllegalArgumentException("class_id must be a column index >= 0, got " + classId);
    }
    this.name = name;
    this.threshold = threshold;
    this.classId = classId;
  }

  /** The decision threshold. */
  public double threshold() {
    return threshold;
  }

  /** The column scored, or -1 for all columns. */
  public int classId() {
    return classId;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    truePositives = 0;
    falsePositives = 0;
    falseNegatives = 0;
  }

  @Override
  public void update(double[] pred, double[] target, double[] weights, int rows, int cols) {
    if (classId >= cols) {
      throw new IllegalArgumentException(name + ": class_id " + classId + " is out of range for " + cols + " outputs");
    }
    int from = classId == ALL_CLASSES ? 0 : classId;
    int to = classId == ALL_CLASSES ? cols : classId + 1;
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1.0 : weights[r];
      int base = r * cols;
      for (int j = from; j < to; j++) {
        boolean actual = target[base + j] != 0;
        boolean predicted = pred[base + j] > threshold;
        if (predicted && actual) {
          truePositives += w;
        } else if (predicted) {
          falsePositives += w;
        } else if (actual) {
          falseNegatives += w;
        }
      }
    }
  }

  /** {@code a / (a + b)}, or 0 when the denominator is 0 (Keras's {@code divide_no_nan}). */
  static double ratio(double a, double b) {
    double d = a + b;
    return d == 0 ? 0.0 : a / d;
  }

  @Override
  public String toString() {
    return name;
  }
}

package dev.lamina.metric;

/**
 * A weighted mean of one value per row, as Keras's {@code MeanMetricWrapper}: the result is
 * {@code sum(w_i * value_i) / sum(w_i)} over every row since the last reset (0 when no weight has
 * been seen), with {@code w_i = 1} when no weights are given.
 */
abstract class MeanMetric implements Metric {
  private final String name;
  private double total;
  private double count;

  MeanMetric(String name) {
    this.name = name;
  }

  /** The value of row {@code r}, for example 1 when it is classified correctly and 0 if not. */
  abstract double rowValue(double[] pred, double[] target, int r, int cols);

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    total = 0;
    count = 0;
  }

  @Override
  public void update(double[] pred, double[] target, double[] weights, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1.0 : weights[r];
      total += rowValue(pred, target, r, cols) * w;
      count += w;
    }
  }

  @Override
  public double result() {
    return count == 0 ? 0.0 : total / count;
  }

  /** Index of the largest of {@code values[from..from+n)}, the first on ties (as argmax). */
  static int argmax(double[] values, int from, int n) {
    int best = 0;
    double max = values[from];
    for (int j = 1; j < n; j++) {
      double v = values[from + j];
      if (v > max || (Double.isNaN(v) && !Double.isNaN(max))) {
        max = v;
        best = j;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return name;
  }
}

package dev.lamina.metric;

/**
 * A Keras mean regression metric: the weighted mean over rows of a {@link RowError}, as Keras's
 * {@code MeanMetricWrapper}: {@code sum(w_i * row_i) / sum(w_i)}, {@code w_i = 1} without sample
 * weights (for example {@code mae}: {@code keras.metrics.MeanAbsoluteError}).
 */
public final class RowErrorMean extends MeanMetric {
  private final RowError error;

  /**
   * @param name the history key
   * @param error the per-row value
   */
  public RowErrorMean(String name, RowError error) {
    super(name);
    this.error = error;
  }

  /** With the metric's Keras name as its key. */
  public RowErrorMean(RowError error) {
    this(error.metricName(), error);
  }

  /** The per-row value averaged. */
  public RowError error() {
    return error;
  }

  @Override
  double rowValue(double[] pred, double[] target, int r, int cols) {
    return error.row(pred, target, r, cols);
  }

  @Override
  public boolean higherIsBetter() {
    return error.higherIsBetter();
  }

  @Override
  public boolean regression() {
    return true;
  }
}

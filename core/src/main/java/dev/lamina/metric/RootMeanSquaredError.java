package dev.lamina.metric;

/**
 * Keras's {@code keras.metrics.RootMeanSquaredError} (name {@code root_mean_squared_error}, alias
 * {@code rmse}): the square root of the weighted mean squared error over every row since the last
 * reset, {@code sqrt(sum(w_i * mean_j (pred_ij - target_ij)^2) / sum(w_i))} - the root of the
 * epoch's mean, not a mean of per-batch roots.
 */
public final class RootMeanSquaredError implements Metric {
  /** Keras's default name. */
  public static final String DEFAULT_NAME = "root_mean_squared_error";

  private final RowErrorMean squared;

  /** @param name the history key */
  public RootMeanSquaredError(String name) {
    this.squared = new RowErrorMean(name, RowError.MEAN_SQUARED_ERROR);
  }

  @Override
  public String name() {
    return squared.name();
  }

  @Override
  public void reset() {
    squared.reset();
  }

  @Override
  public void update(double[] pred, double[] target, double[] weights, int rows, int cols) {
    squared.update(pred, target, weights, rows, cols);
  }

  @Override
  public double result() {
    return Math.sqrt(squared.result());
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public boolean regression() {
    return true;
  }

  @Override
  public String toString() {
    return name();
  }
}

package dev.lamina.metric;

import java.util.Arrays;
import java.util.List;

/**
 * The coefficient of determination, as Keras's {@code keras.metrics.R2Score} (name {@code r2_score},
 * alias {@code r2}) and scikit-learn's {@code r2_score}, streamed over batches. Per output {@code j},
 * over every row since the last reset, with sample weights {@code w} (1 when none):
 * <pre>{@code
 * ss_res_j = sum w (target_j - pred_j)^2
 * ss_tot_j = sum w target_j^2 - (sum w target_j)^2 / sum w
 * r2_j     = 1 - ss_res_j / ss_tot_j      (0 when that is infinite, as Keras)
 * }</pre>
 * then {@code class_aggregation}: {@code uniform_average} (the default) averages the outputs'
 * {@code r2_j}; {@code variance_weighted} weights each by {@code ss_tot_j}. With
 * {@code num_regressors = p > 0} the result is adjusted: {@code 1 - (1 - r2) (n - 1) / (n - p - 1)},
 * n the number of rows (left unadjusted when {@code n <= p + 1}, as Keras). Keras's third
 * aggregation, none (one value per output), is not a single number; a run reports each target's
 * R2 by itself.
 */
public final class R2Score implements Metric {
  /** Keras's default name. */
  public static final String DEFAULT_NAME = "r2_score";
  /** Keras's default aggregation. */
  public static final String UNIFORM_AVERAGE = "uniform_average";
  /** Aggregation weighting each output by the variance of its targets. */
  public static final String VARIANCE_WEIGHTED = "variance_weighted";
  /** The aggregations this metric takes. */
  public static final List<String> AGGREGATIONS = List.of(UNIFORM_AVERAGE, VARIANCE_WEIGHTED);

  private final String name;
  private final boolean varianceWeighted;
  private final int numRegressors;
  private double[] sum = new double[0];
  private double[] squaredSum = new double[0];
  private double[] residual = new double[0];
  private double[] count = new double[0];
  private long rows;

  /**
   * @param name the history key
   * @param classAggregation {@link #UNIFORM_AVERAGE} or {@link #VARIANCE_WEIGHTED}
   * @param numRegressors p for the adjusted R2, 0 for the plain one
   */
  public R2Score(String name, String classAggregation, int numRegressors) {
    if (!AGGREGATIONS.contains(classAggregation)) {
      throw new IllegalArgumentException("class_aggregation must be one of " + AGGREGATIONS + ", got " + classAggregation);
    }
    if (numRegressors < 0) {
      throw new IllegalArgumentException("num_regressors must be >= 0, got " + numRegressors);
    }
    this.name = name;
    this.varianceWeighted = classAggregation.equals(VARIANCE_WEIGHTED);
    this.numRegressors = numRegressors;
  }

  /** Keras's defaults: uniform average, not adjusted. */
  public R2Score() {
    this(DEFAULT_NAME, UNIFORM_AVERAGE, 0);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    Arrays.fill(sum, 0);
    Arrays.fill(squaredSum, 0);
    Arrays.fill(residual, 0);
    Arrays.fill(count, 0);
    rows = 0;
  }

  @Override
  public void update(double[] pred, double[] target, double[] weights, int rows, int cols) {
    if (sum.length != cols) {
      // The first batch fixes the width (Keras builds its state on the first update too).
      sum = new double[cols];
      squaredSum = new double[cols];
      residual = new double[cols];
      count = new double[cols];
    }
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1.0 : weights[r];
      for (int j = 0; j < cols; j++) {
        double t = target[r * cols + j];
        double d = t - pred[r * cols + j];
        sum[j] += w * t;
        squaredSum[j] += w * t * t;
        residual[j] += w * d * d;
        count[j] += w;
      }
    }
    this.rows += rows;
  }

  /** Each output's R2 over the rows seen (before aggregation and adjustment). */
  public double[] perOutput() {
    double[] r2 = new double[sum.length];
    for (int j = 0; j < r2.length; j++) {
      double v = 1 - residual[j] / total(j);
      r2[j] = Double.isInfinite(v) ? 0 : v;
    }
    return r2;
  }

  private double total(int j) {
    return squaredSum[j] - sum[j] * (sum[j] / count[j]);
  }

  @Override
  public double result() {
    if (sum.length == 0) {
      return 0;
    }
    double[] r2 = perOutput();
    double score = 0;
    if (varianceWeighted) {
      double totals = 0;
      for (int j = 0; j < r2.length; j++) {
        totals += total(j);
      }
      for (int j = 0; j < r2.length; j++) {
        score += r2[j] * total(j) / totals;
      }
    } else {
      for (double v : r2) {
        score += v;
      }
      score /= r2.length;
    }
    if (numRegressors > 0 && rows > numRegressors + 1) {
      score = 1 - (1 - score) * (rows - 1) / (rows - numRegressors - 1);
    }
    return score;
  }

  @Override
  public boolean regression() {
    return true;
  }

  @Override
  public String toString() {
    return name;
  }
}

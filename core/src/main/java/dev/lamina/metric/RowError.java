package dev.lamina.metric;

/**
 * The per-row values of Keras's mean regression metrics ({@code keras/src/metrics/regression_metrics.py}),
 * each a mean over the row's {@code cols} outputs of an element-wise error, except
 * {@link #COSINE_SIMILARITY}, which is one value per row. {@link RowErrorMean} averages them over
 * rows, weighted as Keras's {@code MeanMetricWrapper}.
 *
 * <p>With {@code d = pred - target} and Keras's epsilon {@value #EPSILON}:
 * <ul>
 *   <li>{@code mean_absolute_error} ({@code mae}, {@code MeanAbsoluteError}): {@code mean |d|}</li>
 *   <li>{@code mean_squared_error} ({@code mse}, {@code MeanSquaredError}): {@code mean d^2}</li>
 *   <li>{@code mean_absolute_percentage_error} ({@code mape}, {@code MeanAbsolutePercentageError}):
 *       {@code 100 * mean |d| / max(|target|, eps)}, in percent (scikit-learn's
 *       {@code mean_absolute_percentage_error} is the same as a fraction: 100 times smaller)</li>
 *   <li>{@code mean_squared_logarithmic_error} ({@code msle}, {@code MeanSquaredLogarithmicError}):
 *       {@code mean (log(max(pred, eps) + 1) - log(max(target, eps) + 1))^2}</li>
 *   <li>{@code log_cosh} ({@code logcosh}, {@code LogCoshError}): {@code mean log(cosh(d))}, computed
 *       as {@code |d| + log1p(exp(-2|d|)) - log 2} so that large errors do not overflow</li>
 *   <li>{@code cosine_similarity} ({@code CosineSimilarity}): {@code sum(target * pred) /
 *       (max(|target|, 1e-6) * max(|pred|, 1e-6))} over the row, Keras's {@code l2_normalize} with its
 *       epsilon of {@code 1e-12} on the squared norm</li>
 * </ul>
 */
public enum RowError {
  /** Mean absolute error. */
  MEAN_ABSOLUTE_ERROR("mean_absolute_error", "MeanAbsoluteError", "mae", false) {
    @Override
    double element(double pred, double target) {
      return Math.abs(pred - target);
    }
  },
  /** Mean squared error. */
  MEAN_SQUARED_ERROR("mean_squared_error", "MeanSquaredError", "mse", false) {
    @Override
    double element(double pred, double target) {
      double d = pred - target;
      return d * d;
    }
  },
  /** Mean absolute percentage error, in percent. */
  MEAN_ABSOLUTE_PERCENTAGE_ERROR("mean_absolute_percentage_error", "MeanAbsolutePercentageError", "mape", false) {
    @Override
    double element(double pred, double target) {
      return PERCENT * Math.abs((target - pred) / Math.max(Math.abs(target), EPSILON));
    }
  },
  /** Mean squared logarithmic error. */
  MEAN_SQUARED_LOGARITHMIC_ERROR("mean_squared_logarithmic_error", "MeanSquaredLogarithmicError", "msle", false) {
    @Override
    double element(double pred, double target) {
      double d = Math.log(Math.max(pred, EPSILON) + 1) - Math.log(Math.max(target, EPSILON) + 1);
      return d * d;
    }
  },
  /** Mean logarithm of the hyperbolic cosine of the error. */
  LOG_COSH("log_cosh", "LogCoshError", "logcosh", false) {
    @Override
    double element(double pred, double target) {
      double a = Math.abs(pred - target);
      return a + Math.log1p(Math.exp(-2 * a)) - LOG_2;
    }
  },
  /** Cosine of the angle between the row's targets and predictions. */
  COSINE_SIMILARITY("cosine_similarity", "CosineSimilarity", null, true) {
    @Override
    double element(double pred, double target) {
      throw new UnsupportedOperationException("cosine_similarity is a value per row");
    }

    @Override
    double row(double[] pred, double[] target, int r, int cols) {
      double dot = 0;
      double pp = 0;
      double tt = 0;
      for (int j = r * cols, end = j + cols; j < end; j++) {
        dot += pred[j] * target[j];
        pp += pred[j] * pred[j];
        tt += target[j] * target[j];
      }
      return dot / (Math.sqrt(Math.max(tt, NORM_EPSILON)) * Math.sqrt(Math.max(pp, NORM_EPSILON)));
    }
  };

  /** Keras's {@code backend.epsilon()}. */
  public static final double EPSILON = 1e-7;
  /** Keras's {@code l2_normalize} floor on the squared norm. */
  static final double NORM_EPSILON = 1e-12;
  private static final double PERCENT = 100;
  private static final double LOG_2 = Math.log(2);

  private final String metricName;
  private final String kerasClassName;
  private final String alias;
  private final boolean higherIsBetter;

  RowError(String metricName, String kerasClassName, String alias, boolean higherIsBetter) {
    this.metricName = metricName;
    this.kerasClassName = kerasClassName;
    this.alias = alias;
    this.higherIsBetter = higherIsBetter;
  }

  /** Keras's function name, also the metric's default history key ({@code mean_absolute_error}). */
  public String metricName() {
    return metricName;
  }

  /** Keras's class name ({@code MeanAbsoluteError}). */
  public String kerasClassName() {
    return kerasClassName;
  }

  /** Keras's short alias ({@code mae}), or null. */
  public String alias() {
    return alias;
  }

  /** Whether a larger value is better (only for the cosine similarity). */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The error of one output. */
  abstract double element(double pred, double target);

  /** The value of row {@code r}: the mean of {@link #element} over its {@code cols} outputs. */
  double row(double[] pred, double[] target, int r, int cols) {
    double sum = 0;
    for (int j = r * cols, end = j + cols; j < end; j++) {
      sum += element(pred[j], target[j]);
    }
    return sum / cols;
  }
}

package dev.lamina.metric;

/**
 * A stateful metric aggregated over an epoch, as a Keras metric object: {@link #reset()},
 * {@link #update} once per batch, {@link #result()} at the end.
 *
 * <p>{@code pred} is row-major {@code rows x cols} (probabilities); {@code target} has the same
 * layout, or one class index per row for sparse targets. Implementations allocate nothing per
 * update.
 */
public interface Metric {
  /** The key under which the metric appears in the history, for example {@code accuracy}. */
  String name();

  /** Clears the state. */
  void reset();

  /** Adds one batch; {@code weights} are per-row sample weights or null. */
  void update(double[] pred, double[] target, double[] weights, int rows, int cols);

  /** The aggregate over all batches since the last reset. */
  double result();

  /**
   * Whether larger is better: what {@code EarlyStopping}, {@code ReduceLROnPlateau} and
   * {@code ModelCheckpoint} use in {@code mode: auto}, and how a sweep ranks by this metric. True
   * for the classification metrics and for {@code r2_score} and {@code cosine_similarity}; false for
   * the regression errors.
   */
  default boolean higherIsBetter() {
    return true;
  }

  /**
   * Whether the metric compares real-valued predictions with real targets (a regression metric);
   * false for metrics of classes (accuracy, precision, recall, AUC). The task of a run decides
   * which kind it accepts.
   */
  default boolean regression() {
    return false;
  }
}

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

  /** Whether larger is better (used by callbacks in {@code mode: auto}). */
  default boolean higherIsBetter() {
    return true;
  }
}

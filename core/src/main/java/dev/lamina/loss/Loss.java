package dev.lamina.loss;

/**
 * A loss over a batch of predictions, reduced as Keras's default {@code sum_over_batch_size}: the
 * mean over rows of each row's loss (each row's loss is itself the mean over its columns for the
 * element-wise losses).
 *
 * <p>{@code pred} is row-major {@code rows x cols}. {@code target} has the same layout, except for
 * sparse categorical cross-entropy where it holds one class index per row. Buffers may be longer
 * than needed. Implementations allocate nothing.
 */
public interface Loss {
  /** The canonical Keras name, for example {@code binary_crossentropy}. */
  String name();

  /**
   * Computes the batch loss and, when {@code grad != null}, writes dLoss/dPred (already divided by
   * {@code rows}) into {@code grad[0..rows*cols)}.
   *
   * @param weights per-row sample weights or null; Keras weights each row's loss and still divides
   *     by the number of rows
   */
  double compute(double[] pred, double[] target, double[] weights, double[] grad, int rows, int cols);

  /** Checks a target value before training; returns an error message or null when it is valid. */
  default String checkTarget(double y, int cols) {
    return Double.isFinite(y) ? null : "target value " + y + " is not a finite number";
  }
}

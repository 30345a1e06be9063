package dev.lamina.loss;

/**
 * Base for regression losses that are a function of the error e = pred - target at each element,
 * averaged over the columns of a row (Keras's mean over axis -1) and then over the rows, each row
 * multiplied by its sample weight. A subclass writes only {@link #value(double)} and
 * {@link #derivative(double)}.
 *
 * <p>Per element the gradient is w_r * f'(e) / (cols * rows).
 */
public abstract class ElementwiseLoss implements Loss {
  private final String name;

  /** A loss with canonical Keras name {@code name}. */
  protected ElementwiseLoss(String name) {
    this.name = name;
  }

  /** The per-element loss f(e) of the error e = pred - target. */
  public abstract double value(double error);

  /** f'(e); at a kink a subgradient (0 for the absolute error at e = 0). */
  public abstract double derivative(double error);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final double compute(double[] pred, double[] target, double[] weights, double[] grad, int rows, int cols) {
    if (rows == 0) {
      return 0;
    }
    double scale = 1.0 / ((double) cols * rows);
    double total = 0;
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1 : weights[r];
      double rowSum = 0;
      int off = r * cols;
      for (int i = off; i < off + cols; i++) {
        double e = pred[i] - target[i];
        rowSum += value(e);
        if (grad != null) {
          grad[i] = w * derivative(e) * scale;
        }
      }
      total += w * rowSum;
    }
    return total * scale;
  }

  @Override
  public String toString() {
    return name;
  }
}

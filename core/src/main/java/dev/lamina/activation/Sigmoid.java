package dev.lamina.activation;

/**
 * Keras's {@code sigmoid}: f(x) = 1 / (1 + e^-x), f'(x) = f(x) (1 - f(x)).
 *
 * <p>Evaluated through e^-|x| so it never overflows: for x &lt; 0 it is e^x / (1 + e^x). At
 * |x| = 1e4 the result is exactly 0 or 1 and the derivative exactly 0, with no NaN.
 */
public final class Sigmoid extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "sigmoid";

  /** The logistic sigmoid. */
  public Sigmoid() {
    super(NAME);
  }

  /** The numerically stable logistic function, shared with the losses and swish. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  @Override
  public double apply(double x) {
    return sigmoid(x);
  }

  @Override
  public double derivative(double x, double y) {
    return y * (1 - y);
  }

  @Override
  public boolean saturates() {
    return true;
  }
}

package dev.lamina.activation;

/**
 * Keras's {@code exponential}: f(x) = e^x, f'(x) = e^x. Unbounded: it overflows to infinity above
 * x of about 709.78, exactly as e^x does in double precision.
 */
public final class Exponential extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "exponential";

  /** The exponential. */
  public Exponential() {
    super(NAME);
  }

  @Override
  public double apply(double x) {
    return Math.exp(x);
  }

  @Override
  public double derivative(double x, double y) {
    return y;
  }
}

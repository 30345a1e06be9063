package dev.lamina.activation;

/** Keras's {@code tanh}: f(x) = (e^x - e^-x) / (e^x + e^-x), f'(x) = 1 - f(x)^2. */
public final class Tanh extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "tanh";

  /** The hyperbolic tangent. */
  public Tanh() {
    super(NAME);
  }

  @Override
  public double apply(double x) {
    return Math.tanh(x);
  }

  @Override
  public double derivative(double x, double y) {
    return 1 - y * y;
  }

  @Override
  public boolean saturates() {
    return true;
  }
}

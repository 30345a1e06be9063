package dev.lamina.activation;

/** Keras's {@code softsign}: f(x) = x / (|x| + 1), f'(x) = 1 / (|x| + 1)^2. */
public final class Softsign extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "softsign";

  /** Softsign. */
  public Softsign() {
    super(NAME);
  }

  @Override
  public double apply(double x) {
    return x / (Math.abs(x) + 1);
  }

  @Override
  public double derivative(double x, double y) {
    double d = Math.abs(x) + 1;
    return 1 / (d * d);
  }

  @Override
  public boolean saturates() {
    return true;
  }
}

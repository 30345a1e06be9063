package dev.lamina.activation;

/**
 * Keras's {@code softplus}: f(x) = log(1 + e^x), f'(x) = sigmoid(x).
 *
 * <p>Evaluated as max(x, 0) + log1p(e^-|x|) (Keras's {@code logaddexp(x, 0)}), which neither
 * overflows for large x nor loses the small tail for very negative x.
 */
public final class Softplus extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "softplus";

  /** Softplus. */
  public Softplus() {
    super(NAME);
  }

  /** The stable log(1 + e^x), shared with the logits form of binary cross-entropy. */
  public static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  @Override
  public double apply(double x) {
    return softplus(x);
  }

  @Override
  public double derivative(double x, double y) {
    return Sigmoid.sigmoid(x);
  }
}

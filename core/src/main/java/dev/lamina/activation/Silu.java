package dev.lamina.activation;

/**
 * Keras 3's {@code silu}, also registered as {@code swish} (Ramachandran et al., 2017; Elfwing et
 * al., 2017; Hendrycks and Gimpel, 2016): f(x) = x sigmoid(x),
 * f'(x) = s (1 + x (1 - s)) with s = sigmoid(x).
 *
 * <p>Uses the overflow-free {@link Sigmoid#sigmoid(double)}: at x = -1e4 the output is 0 (not
 * NaN), at x = 1e4 it is x.
 */
public final class Silu extends ElementwiseActivation {
  /** The canonical name (Keras 3 serializes swish as silu). */
  public static final String NAME = "silu";
  /** The other name Keras registers for it. */
  public static final String ALIAS = "swish";

  /** SiLU / swish. */
  public Silu() {
    super(NAME);
  }

  @Override
  public double apply(double x) {
    return x * Sigmoid.sigmoid(x);
  }

  @Override
  public double derivative(double x, double y) {
    double s = Sigmoid.sigmoid(x);
    return s * (1 + x * (1 - s));
  }

  @Override
  public boolean isReluFamily() {
    return true;
  }
}

package dev.lamina.activation;

/**
 * Keras's {@code elu(x, alpha=1.0)} (Clevert et al., 2015, "Fast and Accurate Deep Network
 * Learning by Exponential Linear Units"): f(x) = x for x &gt;= 0, alpha (e^x - 1) otherwise;
 * f'(x) = 1 or alpha e^x.
 *
 * <p>e^x - 1 is computed with {@code expm1}, exact near 0 and never overflowing (x &lt; 0 there).
 */
public final class Elu extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "elu";
  /** Keras's default alpha. */
  public static final double DEFAULT_ALPHA = 1.0;

  private final double alpha;

  /** With alpha = 1. */
  public Elu() {
    this(DEFAULT_ALPHA);
  }

  /** With the given saturation value for negative inputs, finite and &gt;= 0. */
  public Elu(double alpha) {
    super(NAME);
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("elu alpha must be a finite number >= 0, got " + alpha);
    }
    this.alpha = alpha;
  }

  /** The saturation value for negative inputs. */
  public double alpha() {
    return alpha;
  }

  @Override
  public double apply(double x) {
    return x >= 0 ? x : alpha * Math.expm1(x);
  }

  @Override
  public double derivative(double x, double y) {
    return x >= 0 ? 1 : alpha * Math.exp(x);
  }

  @Override
  public boolean isReluFamily() {
    return true;
  }
}

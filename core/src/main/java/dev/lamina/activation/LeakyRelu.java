package dev.lamina.activation;

/**
 * Keras 3's {@code leaky_relu(x, negative_slope=0.2)} (Maas et al., 2013): f(x) = x for x &gt;= 0,
 * negative_slope * x otherwise; f'(x) = 1 or negative_slope (1 at 0).
 *
 * <p>Mind the two defaults: the function (and the string {@code "leaky_relu"}, also in Keras 2
 * where it resolves to {@code tf.nn.leaky_relu}) uses 0.2, while the {@code LeakyReLU} layer uses
 * 0.3 ({@code dev.lamina.spec.LeakyReluSpec}). Keras 2 called the argument {@code alpha}.
 */
public final class LeakyRelu extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "leaky_relu";
  /** Keras 3's default slope for the function (the layer's is 0.3). */
  public static final double DEFAULT_NEGATIVE_SLOPE = 0.2;

  private final double negativeSlope;

  /** With Keras's function default slope, 0.2. */
  public LeakyRelu() {
    this(DEFAULT_NEGATIVE_SLOPE);
  }

  /** With the given slope for negative inputs, finite and &gt;= 0. */
  public LeakyRelu(double negativeSlope) {
    super(NAME);
    if (!(negativeSlope >= 0) || Double.isInfinite(negativeSlope)) {
      throw new IllegalArgumentException("leaky_relu negative_slope must be a finite number >= 0, got " + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
  }

  /** The slope for negative inputs. */
  public double negativeSlope() {
    return negativeSlope;
  }

  @Override
  public double apply(double x) {
    return x >= 0 ? x : negativeSlope * x;
  }

  @Override
  public double derivative(double x, double y) {
    return x >= 0 ? 1 : negativeSlope;
  }

  @Override
  public boolean isReluFamily() {
    return true;
  }
}

package dev.lamina.activation;

/**
 * Keras 3's {@code hard_sigmoid}: f(x) = clip(x / 6 + 0.5, 0, 1), so 0 for x &lt;= -3 and 1 for
 * x &gt;= 3; f'(x) = 1/6 on (-3, 3) and 0 outside.
 *
 * <p>Keras 2 ({@code tf.keras}) used a steeper line, clip(0.2 x + 0.5, 0, 1), saturating at
 * x = -2.5 and 2.5; a model trained there computes different outputs here. The Keras 3 v3.0.0
 * docstring still describes the old line, but its backend already computed x / 6 + 0.5.
 */
public final class HardSigmoid extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "hard_sigmoid";
  /** The slope of the linear piece in Keras 3 (1/6; Keras 2 used 0.2). */
  public static final double SLOPE = 1.0 / 6.0;
  /** The value at x = 0. */
  public static final double OFFSET = 0.5;
  /** |x| at which the output reaches 0 or 1: OFFSET / SLOPE = 3. */
  public static final double SATURATION = 3.0;

  /** Keras 3's hard sigmoid. */
  public HardSigmoid() {
    super(NAME);
  }

  @Override
  public double apply(double x) {
    return Math.min(1, Math.max(0, SLOPE * x + OFFSET));
  }

  @Override
  public double derivative(double x, double y) {
    return x > -SATURATION && x < SATURATION ? SLOPE : 0;
  }

  @Override
  public boolean saturates() {
    return true;
  }
}

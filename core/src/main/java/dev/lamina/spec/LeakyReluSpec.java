package dev.lamina.spec;

/**
 * Keras 3's {@code LeakyReLU(negative_slope=0.3)} layer: f(x) = x for x &gt;= 0, slope * x otherwise.
 * (Keras 2 called the argument {@code alpha}; both are accepted by the readers.)
 *
 * @param negativeSlope slope for negative inputs, &gt;= 0 (Keras default 0.3)
 * @param name the layer's name, or null
 */
public record LeakyReluSpec(double negativeSlope, String name) implements LayerSpec {
  /** Keras 3's default slope. */
  public static final double DEFAULT_NEGATIVE_SLOPE = 0.3;

  /** Validates. */
  public LeakyReluSpec {
    if (!(negativeSlope >= 0) || Double.isInfinite(negativeSlope)) {
      throw new SpecException("negative_slope", "negative_slope must be a finite number >= 0, got " + negativeSlope);
    }
  }

  @Override
  public String type() {
    return "leaky_relu";
  }

  @Override
  public String kerasClassName() {
    return "LeakyReLU";
  }
}

package dev.lamina.init;

/**
 * Glorot (Xavier) uniform: U[-L, L) with {@code L = sqrt(6 / (fan_in + fan_out))}, variance
 * {@code 2 / (fan_in + fan_out)}.
 *
 * <p>Keras's {@code GlorotUniform} ({@code glorot_uniform}; Dense's default kernel initializer),
 * {@code VarianceScaling(scale=1, mode="fan_avg", distribution="uniform")}; PyTorch's
 * {@code nn.init.xavier_uniform_} (gain 1). Dense 4 to 8: L = 0.70711. Paper: Glorot and Bengio,
 * "Understanding the difficulty of training deep feedforward neural networks", AISTATS 2010, eq. 16.
 */
public final class GlorotUniform extends VarianceScalingPreset {
  /** Canonical name. */
  public static final String NAME = "glorot_uniform";
  /** The variance numerator. */
  public static final double SCALE = 1.0;
  /** The fan that divides it. */
  public static final VarianceScaling.Mode MODE = VarianceScaling.Mode.FAN_AVG;
  /** The distribution. */
  public static final VarianceScaling.Distribution DISTRIBUTION =
      VarianceScaling.Distribution.UNIFORM;

  /** Unseeded: the weights come from the generator derived for the parameter. */
  public GlorotUniform() {
    this(null);
  }

  /** With its own seed (null for none), as Keras's {@code seed=} argument. */
  public GlorotUniform(Long seed) {
    super(NAME, SCALE, MODE, DISTRIBUTION, seed);
  }
}

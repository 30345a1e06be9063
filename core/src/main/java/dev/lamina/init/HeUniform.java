package dev.lamina.init;

/**
 * He (Kaiming) uniform: U[-L, L) with {@code L = sqrt(6 / fan_in)}, variance {@code 2 / fan_in},
 * which keeps the variance of ReLU activations constant through depth.
 *
 * <p>Keras's {@code HeUniform} ({@code he_uniform}),
 * {@code VarianceScaling(scale=2, mode="fan_in", distribution="uniform")}; PyTorch's
 * {@code nn.init.kaiming_uniform_(t, a=0, nonlinearity="relu")} on the transposed weight. Dense 4
 * to 8: L = 1.22474. Paper: He, Zhang, Ren and Sun, "Delving Deep into Rectifiers", ICCV 2015.
 */
public final class HeUniform extends VarianceScalingPreset {
  /** Canonical name. */
  public static final String NAME = "he_uniform";
  /** The variance numerator. */
  public static final double SCALE = 2.0;
  /** The fan that divides it. */
  public static final VarianceScaling.Mode MODE = VarianceScaling.Mode.FAN_IN;
  /** The distribution. */
  public static final VarianceScaling.Distribution DISTRIBUTION =
      VarianceScaling.Distribution.UNIFORM;

  /** Unseeded: the weights come from the generator derived for the parameter. */
  public HeUniform() {
    this(null);
  }

  /** With its own seed (null for none), as Keras's {@code seed=} argument. */
  public HeUniform(Long seed) {
    super(NAME, SCALE, MODE, DISTRIBUTION, seed);
  }
}

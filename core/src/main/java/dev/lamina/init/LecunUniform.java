package dev.lamina.init;

/**
 * LeCun uniform: U[-L, L) with {@code L = sqrt(3 / fan_in)}, variance {@code 1 / fan_in}.
 *
 * <p>Keras's {@code LecunUniform} ({@code lecun_uniform}; tfjs {@code leCunUniform}),
 * {@code VarianceScaling(scale=1, mode="fan_in", distribution="uniform")}. PyTorch has no
 * named counterpart. (DL4J's LECUN_UNIFORM uses {@code 3 / sqrt(fan_in)}, 1.73 times wider.) Dense 4
 * to 8: L = 0.86603. Paper: LeCun, Bottou, Orr and Mueller, "Efficient BackProp", 1998.
 */
public final class LecunUniform extends VarianceScalingPreset {
  /** Canonical name. */
  public static final String NAME = "lecun_uniform";
  /** The variance numerator. */
  public static final double SCALE = 1.0;
  /** The fan that divides it. */
  public static final VarianceScaling.Mode MODE = VarianceScaling.Mode.FAN_IN;
  /** The distribution. */
  public static final VarianceScaling.Distribution DISTRIBUTION =
      VarianceScaling.Distribution.UNIFORM;

  /** Unseeded: the weights come from the generator derived for the parameter. */
  public LecunUniform() {
    this(null);
  }

  /** With its own seed (null for none), as Keras's {@code seed=} argument. */
  public LecunUniform(Long seed) {
    super(NAME, SCALE, MODE, DISTRIBUTION, seed);
  }
}

package dev.lamina.init;

/**
 * LeCun normal: a normal cut at 2 sigma whose actual standard deviation is
 * {@code sqrt(1 / fan_in)} (sigma before truncation is that divided by 0.8796...), the
 * initialization self-normalizing (SELU) networks assume.
 *
 * <p>Keras's {@code LecunNormal} ({@code lecun_normal}; tfjs {@code leCunNormal}),
 * {@code VarianceScaling(scale=1, mode="fan_in", distribution="truncated_normal")}. Dense 4 to
 * 8: std 0.5, sigma 0.56842. Papers: LeCun et al., "Efficient BackProp", 1998; Klambauer et al.,
 * "Self-Normalizing Neural Networks", NeurIPS 2017.
 */
public final class LecunNormal extends VarianceScalingPreset {
  /** Canonical name. */
  public static final String NAME = "lecun_normal";
  /** The variance numerator. */
  public static final double SCALE = 1.0;
  /** The fan that divides it. */
  public static final VarianceScaling.Mode MODE = VarianceScaling.Mode.FAN_IN;
  /** The distribution. */
  public static final VarianceScaling.Distribution DISTRIBUTION =
      VarianceScaling.Distribution.TRUNCATED_NORMAL;

  /** Unseeded: the weights come from the generator derived for the parameter. */
  public LecunNormal() {
    this(null);
  }

  /** With its own seed (null for none), as Keras's {@code seed=} argument. */
  public LecunNormal(Long seed) {
    super(NAME, SCALE, MODE, DISTRIBUTION, seed);
  }
}

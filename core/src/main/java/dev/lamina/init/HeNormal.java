package dev.lamina.init;

/**
 * He (Kaiming) normal: a normal cut at 2 sigma whose actual standard deviation is
 * {@code sqrt(2 / fan_in)} (sigma before truncation is that divided by 0.8796...).
 *
 * <p>Keras's {@code HeNormal} ({@code he_normal}),
 * {@code VarianceScaling(scale=2, mode="fan_in", distribution="truncated_normal")}. PyTorch's
 * {@code nn.init.kaiming_normal_(t, nonlinearity="relu")} draws the same std untruncated. Dense 4
 * to 8: std 0.70711, sigma 0.80387, cut +-1.60774. Paper: He, Zhang, Ren and Sun, ICCV 2015.
 */
public final class HeNormal extends VarianceScalingPreset {
  /** Canonical name. */
  public static final String NAME = "he_normal";
  /** The variance numerator. */
  public static final double SCALE = 2.0;
  /** The fan that divides it. */
  public static final VarianceScaling.Mode MODE = VarianceScaling.Mode.FAN_IN;
  /** The distribution. */
  public static final VarianceScaling.Distribution DISTRIBUTION =
      VarianceScaling.Distribution.TRUNCATED_NORMAL;

  /** Unseeded: the weights come from the generator derived for the parameter. */
  public HeNormal() {
    this(null);
  }

  /** With its own seed (null for none), as Keras's {@code seed=} argument. */
  public HeNormal(Long seed) {
    super(NAME, SCALE, MODE, DISTRIBUTION, seed);
  }
}

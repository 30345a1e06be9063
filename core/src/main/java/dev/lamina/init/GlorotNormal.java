package dev.lamina.init;

/**
 * Glorot (Xavier) normal: a normal cut at 2 sigma whose actual standard deviation is
 * {@code sqrt(2 / (fan_in + fan_out))} (sigma before truncation is that divided by 0.8796...).
 *
 * <p>Keras's {@code GlorotNormal} ({@code glorot_normal}),
 * {@code VarianceScaling(scale=1, mode="fan_avg", distribution="truncated_normal")}. PyTorch's
 * {@code nn.init.xavier_normal_} (and Keras 1) draw the same std <em>untruncated</em>. Dense 4 to 8:
 * std 0.40825, sigma 0.46412, cut +-0.92823. Paper: Glorot and Bengio, AISTATS 2010.
 */
public final class GlorotNormal extends VarianceScalingPreset {
  /** Canonical name. */
  public static final String NAME = "glorot_normal";
  /** The variance numerator. */
  public static final double SCALE = 1.0;
  /** The fan that divides it. */
  public static final VarianceScaling.Mode MODE = VarianceScaling.Mode.FAN_AVG;
  /** The distribution. */
  public static final VarianceScaling.Distribution DISTRIBUTION =
      VarianceScaling.Distribution.TRUNCATED_NORMAL;

  /** Unseeded: the weights come from the generator derived for the parameter. */
  public GlorotNormal() {
    this(null);
  }

  /** With its own seed (null for none), as Keras's {@code seed=} argument. */
  public GlorotNormal(Long seed) {
    super(NAME, SCALE, MODE, DISTRIBUTION, seed);
  }
}

package dev.lamina.init;

import dev.lamina.random.Rng;

/**
 * Draws every weight from N(mean, stddev^2) restricted to [mean - 2 stddev, mean + 2 stddev]: a draw
 * outside is discarded and redrawn.
 *
 * <p>Mirrors Keras's {@code TruncatedNormal} ({@code truncated_normal}) with its defaults
 * {@code mean=0, stddev=0.05}. As in Keras, {@code stddev} is the <em>pre-truncation</em> sigma and
 * is not corrected, so the values' actual standard deviation is
 * {@code VarianceScaling.TRUNCATED_STD_RATIO * stddev}, about {@code 0.88 * stddev} (the
 * variance-scaling schemes do correct it). PyTorch's {@code nn.init.trunc_normal_(t, mean, std, a, b)}
 * differs: its cut-offs {@code a=-2, b=2} are absolute values, not multiples of std.
 *
 * @param mean the mean
 * @param stddev the standard deviation before truncation, at least 0
 * @param seed this initializer's own seed, or null to use the one derived for the parameter
 */
public record TruncatedNormal(double mean, double stddev, Long seed) implements Initializer {
  /** Canonical name. */
  public static final String NAME = "truncated_normal";
  /** Keras's default mean. */
  public static final double DEFAULT_MEAN = 0.0;
  /** Keras's default pre-truncation standard deviation. */
  public static final double DEFAULT_STDDEV = 0.05;

  /** Validates the arguments. */
  public TruncatedNormal {
    RandomNormal.requireMeanAndStd(NAME, mean, stddev);
  }

  /** Keras's defaults, N(0, 0.05^2) cut at +-0.1, unseeded. */
  public TruncatedNormal() {
    this(DEFAULT_MEAN, DEFAULT_STDDEV, null);
  }

  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    int n = Initializer.size(shape);
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextTruncatedGaussian(mean, stddev);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The actual standard deviation after truncation, {@code 0.8796... * stddev}. */
  @Override
  public double targetStd(Fans fans) {
    return VarianceScaling.TRUNCATED_STD_RATIO * stddev;
  }
}

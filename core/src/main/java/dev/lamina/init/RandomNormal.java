package dev.lamina.init;

import dev.lamina.random.Rng;
import dev.lamina.spec.SpecException;

/**
 * Draws every weight from the normal distribution N(mean, stddev^2), untruncated, whatever the
 * tensor's fans.
 *
 * <p>Mirrors Keras's {@code RandomNormal} ({@code random_normal}, alias {@code normal}) with its
 * defaults {@code mean=0, stddev=0.05}; PyTorch's {@code nn.init.normal_(t, mean, std)} (whose
 * default std is 1). Compare {@link TruncatedNormal}, which cuts the tails at 2 stddev.
 *
 * @param mean the mean
 * @param stddev the standard deviation, at least 0
 * @param seed this initializer's own seed, or null to use the one derived for the parameter
 */
public record RandomNormal(double mean, double stddev, Long seed) implements Initializer {
  /** Canonical name. */
  public static final String NAME = "random_normal";
  /** Keras's default mean. */
  public static final double DEFAULT_MEAN = 0.0;
  /** Keras's default standard deviation. */
  public static final double DEFAULT_STDDEV = 0.05;

  /** Validates the arguments. */
  public RandomNormal {
    requireMeanAndStd(NAME, mean, stddev);
  }

  /** Keras's defaults, N(0, 0.05^2), unseeded. */
  public RandomNormal() {
    this(DEFAULT_MEAN, DEFAULT_STDDEV, null);
  }

  static void requireMeanAndStd(String owner, double mean, double stddev) {
    if (!Double.isFinite(mean)) {
      throw new SpecException("mean", owner + " needs a finite mean, got " + mean);
    }
    if (!Double.isFinite(stddev) || stddev < 0) {
      throw new SpecException("stddev", owner + " needs a finite stddev >= 0, got " + stddev);
    }
  }

  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    int n = Initializer.size(shape);
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextGaussian(mean, stddev);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@code stddev}. */
  @Override
  public double targetStd(Fans fans) {
    return stddev;
  }
}

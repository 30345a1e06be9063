package dev.lamina.layer;

import dev.lamina.random.Rng;

/**
 * Keras's {@code GaussianDropout(rate)} (Srivastava et al., 2014, section 10): in training
 * {@code y = x * N(1, rate / (1 - rate))}; the identity at inference.
 */
public final class GaussianDropout extends TrainingNoise {
  private final double stddev;

  /** Multiplicative noise for dropout rate {@code rate} in [0, 1). */
  public GaussianDropout(String name, int width, double rate, Rng rng) {
    super(name, width, rng);
    this.stddev = Math.sqrt(rate / (1.0 - rate));
  }

  @Override
  protected void draw(Rng rng, double[] ab) {
    ab[0] = rng.nextGaussian(1, stddev);
    ab[1] = 0;
  }

  @Override
  protected boolean active() {
    return stddev > 0;
  }

  @Override
  public String kerasClassName() {
    return "GaussianDropout";
  }
}

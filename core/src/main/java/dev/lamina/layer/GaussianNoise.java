package dev.lamina.layer;

import dev.lamina.random.Rng;

/** Keras's {@code GaussianNoise(stddev)}: in training {@code y = x + N(0, stddev^2)}; the identity at inference. */
public final class GaussianNoise extends TrainingNoise {
  private final double stddev;

  /** Noise of standard deviation {@code stddev} over {@code width} columns. */
  public GaussianNoise(String name, int width, double stddev, Rng rng) {
    super(name, width, rng);
    this.stddev = stddev;
  }

  @Override
  protected void draw(Rng rng, double[] ab) {
    ab[0] = 1;
    ab[1] = rng.nextGaussian(0, stddev);
  }

  @Override
  protected boolean active() {
    return stddev > 0;
  }

  @Override
  public String kerasClassName() {
    return "GaussianNoise";
  }
}

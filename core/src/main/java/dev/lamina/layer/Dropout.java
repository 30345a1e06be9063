package dev.lamina.layer;

import dev.lamina.random.Rng;

/**
 * Keras's {@code Dropout(rate)}, inverted dropout (Srivastava et al., 2014): in training each value
 * is kept with probability {@code 1 - rate} and scaled by {@code 1/(1 - rate)}, so inference is the
 * identity and expected activations match. The masks come from a generator seeded from the model
 * seed and the layer name (or the layer's own {@code seed}).
 */
public final class Dropout extends TrainingNoise {
  private final double rate;
  private final double scale;

  /** A dropout layer over {@code width} columns. */
  public Dropout(String name, int width, double rate, Rng rng) {
    super(name, width, rng);
    this.rate = rate;
    this.scale = 1.0 / (1.0 - rate);
  }

  @Override
  protected void draw(Rng rng, double[] ab) {
    ab[0] = rng.nextDouble() >= rate ? scale : 0.0;
    ab[1] = 0;
  }

  @Override
  protected boolean active() {
    return rate > 0;
  }

  /** The dropout rate. */
  public double rate() {
    return rate;
  }

  @Override
  public String kerasClassName() {
    return "Dropout";
  }
}

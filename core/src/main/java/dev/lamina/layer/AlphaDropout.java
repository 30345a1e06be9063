package dev.lamina.layer;

import dev.lamina.random.Rng;

/**
 * Keras's {@code AlphaDropout(rate)} for SELU networks (Klambauer et al., 2017): in training each
 * value is kept with probability {@code 1 - rate} or set to {@code alpha' = -alpha * scale} (SELU's
 * negative saturation), then {@code y = a * x' + b} with
 * {@code a = ((1 - rate)(1 + rate alpha'^2))^-1/2} and {@code b = -a alpha' rate}, keeping mean
 * and variance; the identity at inference.
 */
public final class AlphaDropout extends TrainingNoise {
  /** SELU's alpha (Klambauer et al.). */
  static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  /** SELU's scale (Klambauer et al.). */
  static final double SELU_SCALE = 1.0507009873554804934193349852946;
  private static final double ALPHA_P = -SELU_ALPHA * SELU_SCALE;

  private final double rate;
  private final double a;
  private final double b;

  /** Alpha dropout at rate {@code rate} in [0, 1). */
  public AlphaDropout(String name, int width, double rate, Rng rng) {
    super(name, width, rng);
    this.rate = rate;
    this.a = Math.pow((1 - rate) * (1 + rate * ALPHA_P * ALPHA_P), -0.5);
    this.b = -a * ALPHA_P * rate;
  }

  @Override
  protected void draw(Rng rng, double[] ab) {
    boolean kept = rng.nextDouble() >= rate;
    ab[0] = kept ? a : 0;
    ab[1] = kept ? b : a * ALPHA_P + b;
  }

  @Override
  protected boolean active() {
    return rate > 0;
  }

  @Override
  public String kerasClassName() {
    return "AlphaDropout";
  }
}

package dev.lamina.init;

import dev.lamina.random.Rng;
import dev.lamina.spec.SpecException;

/**
 * Draws every weight from the uniform distribution U[minval, maxval), whatever the tensor's fans.
 *
 * <p>Mirrors Keras's {@code RandomUniform} ({@code random_uniform}, alias {@code uniform}) with its
 * defaults {@code minval=-0.05, maxval=0.05}; PyTorch's {@code nn.init.uniform_(t, a, b)} (whose
 * defaults are 0 and 1). The fixed bounds do not scale with the layer width, which is why
 * Glorot and Bengio (AISTATS 2010) proposed fan-based bounds instead ({@link GlorotUniform},
 * {@link UniformFanIn}). Standard deviation: {@code (maxval - minval) / sqrt(12)}.
 *
 * @param minval lower bound, included
 * @param maxval upper bound, excluded; at least {@code minval}
 * @param seed this initializer's own seed, or null to use the one derived for the parameter
 */
public record RandomUniform(double minval, double maxval, Long seed) implements Initializer {
  /** Canonical name. */
  public static final String NAME = "random_uniform";
  /** Keras's default lower bound. */
  public static final double DEFAULT_MINVAL = -0.05;
  /** Keras's default upper bound. */
  public static final double DEFAULT_MAXVAL = 0.05;

  /** Validates the bounds. */
  public RandomUniform {
    if (!Double.isFinite(minval) || !Double.isFinite(maxval) || minval > maxval) {
      throw new SpecException("maxval", NAME + " needs finite bounds with minval <= maxval, got minval="
          + minval + ", maxval=" + maxval + "; swap or fix them");
    }
  }

  /** Keras's defaults, U[-0.05, 0.05), unseeded. */
  public RandomUniform() {
    this(DEFAULT_MINVAL, DEFAULT_MAXVAL, null);
  }

  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    int n = Initializer.size(shape);
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextDouble(minval, maxval);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@code (maxval - minval) / sqrt(12)}, the standard deviation of the uniform distribution. */
  @Override
  public double targetStd(Fans fans) {
    return (maxval - minval) / Math.sqrt(12);
  }
}

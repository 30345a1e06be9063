package dev.lamina.init;

import dev.lamina.random.Rng;
import java.util.Arrays;

/**
 * Sets every value to 0. Keras's {@code Zeros} ({@code zeros}, alias {@code zero}), the default
 * bias initializer of a Dense layer; PyTorch's {@code nn.init.zeros_}. A whole kernel of zeros makes
 * every unit of a layer identical (the symmetry that random initialization breaks).
 */
public record Zeros() implements Initializer {
  /** Canonical name. */
  public static final String NAME = "zeros";

  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    Arrays.fill(out, 0, Initializer.size(shape), 0.0);
  }

  @Override
  public String name() {
    return NAME;
  }
}

package dev.lamina.init;

import dev.lamina.random.Rng;
import java.util.Arrays;

/**
 * Sets every value to 1. Keras's {@code Ones} ({@code ones}, alias {@code one}); PyTorch's
 * {@code nn.init.ones_}. Used for scale parameters (for example a normalization's gamma).
 */
public record Ones() implements Initializer {
  /** Canonical name. */
  public static final String NAME = "ones";

  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    Arrays.fill(out, 0, Initializer.size(shape), 1.0);
  }

  @Override
  public String name() {
    return NAME;
  }
}

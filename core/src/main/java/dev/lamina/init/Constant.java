package dev.lamina.init;

import dev.lamina.random.Rng;
import dev.lamina.spec.SpecException;
import java.util.Arrays;

/**
 * Sets every value to {@code value}. Keras's {@code Constant} ({@code constant}; Keras 3 takes a
 * scalar, default {@code value=0.0}); PyTorch's {@code nn.init.constant_(t, val)}.
 *
 * @param value the value written everywhere, finite
 */
public record Constant(double value) implements Initializer {
  /** Canonical name. */
  public static final String NAME = "constant";
  /** Keras 3's default value. */
  public static final double DEFAULT_VALUE = 0.0;

  /** Validates the value. */
  public Constant {
    if (!Double.isFinite(value)) {
      throw new SpecException("value", NAME + " needs a finite value, got " + value);
    }
  }

  /** Keras's default, 0. */
  public Constant() {
    this(DEFAULT_VALUE);
  }

  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    Arrays.fill(out, 0, Initializer.size(shape), value);
  }

  @Override
  public String name() {
    return NAME;
  }
}

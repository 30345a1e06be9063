package dev.lamina.init;

import dev.lamina.random.Rng;
import dev.lamina.spec.SpecException;
import java.util.Arrays;

/**
 * {@code gain} times the identity matrix: {@code W[i][j] = gain} where {@code i == j}, else 0.
 * Rectangular kernels are allowed (the ones run along the main diagonal), only rank 2.
 *
 * <p>Keras's {@code Identity} ({@code identity}, alias {@code IdentityInitializer}), default
 * {@code gain=1.0}, computed as {@code gain * eye(rows, cols)}; PyTorch's {@code nn.init.eye_}
 * (no gain). tfjs and DL4J accept square shapes only. A square identity kernel makes a linear
 * layer pass its input through unchanged, as in Le, Jaitly and Hinton, "A Simple Way to Initialize
 * Recurrent Networks of Rectified Linear Units", 2015.
 *
 * @param gain the diagonal value, finite
 */
public record Identity(double gain) implements Initializer {
  /** Canonical name. */
  public static final String NAME = "identity";
  /** Keras's default gain. */
  public static final double DEFAULT_GAIN = 1.0;

  /** Validates the gain. */
  public Identity {
    if (!Double.isFinite(gain)) {
      throw new SpecException("gain", NAME + " needs a finite gain, got " + gain);
    }
  }

  /** Keras's default, gain 1. */
  public Identity() {
    this(DEFAULT_GAIN);
  }

  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    if (shape.length != 2) {
      throw new SpecException("", NAME + " needs a rank-2 kernel (rows, cols), got shape "
          + Arrays.toString(shape) + "; use it for Dense kernels only");
    }
    int rows = shape[0];
    int cols = shape[1];
    Arrays.fill(out, 0, rows * cols, 0.0);
    for (int i = 0; i < Math.min(rows, cols); i++) {
      out[i * cols + i] = gain;
    }
  }

  @Override
  public String name() {
    return NAME;
  }
}

package dev.lamina.activation;

/**
 * Keras's {@code softmax(x, axis=-1)}, applied to each row: out_i = e^(z_i - m) / sum_j e^(z_j - m)
 * with m the row's maximum, so no exponential overflows and the largest term is exactly 1.
 *
 * <p>Backward is the Jacobian-vector product without forming the Jacobian
 * (d out_i / d z_k = out_i (delta_ik - out_k)):
 * dZ_i = out_i (dOut_i - sum_k dOut_k out_k). The row's dot product is taken before any element
 * is written, so {@code dZ} may alias {@code dOut}.
 */
public final class Softmax implements Activation {
  /** The canonical name. */
  public static final String NAME = "softmax";

  /** Row-wise softmax. */
  public Softmax() {}

  /**
   * log(sum_j e^(z_j)) over {@code z[offset .. offset + cols)}, computed stably around the maximum.
   * Shared with the logits form of the categorical cross-entropies.
   */
  public static double logSumExp(double[] z, int offset, int cols) {
    double max = rowMax(z, offset, cols);
    if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int j = offset; j < offset + cols; j++) {
      sum += Math.exp(z[j] - max);
    }
    return max + Math.log(sum);
  }

  private static double rowMax(double[] z, int offset, int cols) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = offset; j < offset + cols; j++) {
      max = Math.max(max, z[j]);
    }
    return max;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void forward(double[] z, double[] out, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      int off = r * cols;
      double max = rowMax(z, off, cols);
      double sum = 0;
      for (int j = off; j < off + cols; j++) {
        double e = Math.exp(z[j] - max);
        out[j] = e;
        sum += e;
      }
      double inv = 1 / sum;
      for (int j = off; j < off + cols; j++) {
        out[j] *= inv;
      }
    }
  }

  @Override
  public void backward(double[] z, double[] out, double[] dOut, double[] dZ, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      int off = r * cols;
      double dot = 0;
      for (int j = off; j < off + cols; j++) {
        dot += dOut[j] * out[j];
      }
      for (int j = off; j < off + cols; j++) {
        dZ[j] = out[j] * (dOut[j] - dot);
      }
    }
  }

  @Override
  public String toString() {
    return NAME;
  }
}

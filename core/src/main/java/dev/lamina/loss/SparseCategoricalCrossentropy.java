package dev.lamina.loss;

import dev.lamina.activation.Softmax;

/**
 * Keras 3's {@code SparseCategoricalCrossentropy(from_logits=False)}
 * ({@code sparse_categorical_crossentropy}): categorical cross-entropy whose target is one class
 * index k per row ({@code target[r]}, Keras's shape (batch, 1) squeezed), l = -ln q_k.
 * Keras offers no label smoothing here, and {@code ignore_class} is not supported.
 *
 * <p>Probability form: q = p / sum(p), clipped to [1e-7, 1 - 1e-7];
 * dl/dp_i = (1 - [i = k] / q_k) / S with S = sum_j p_j, and 0 when q_k is clipped.
 *
 * <p>Logits form ({@code from_logits=True}, or the engine's fused softmax output):
 * l = ln sum_j e^(z_j) - z_k, dl/dz_j = softmax_j - [j = k].
 */
public final class SparseCategoricalCrossentropy implements FusedLogitsLoss {
  /** The canonical name. */
  public static final String NAME = "sparse_categorical_crossentropy";
  /** Keras's clipping epsilon, {@code keras.config.epsilon()} = 1e-7. */
  public static final double EPSILON = Labels.EPSILON;
  /** Keras's default: the predictions are probabilities. */
  public static final boolean DEFAULT_FROM_LOGITS = false;

  private final boolean fromLogits;

  /** With Keras's default, probabilities. */
  public SparseCategoricalCrossentropy() {
    this(DEFAULT_FROM_LOGITS);
  }

  /** @param fromLogits whether predictions are logits rather than probabilities */
  public SparseCategoricalCrossentropy(boolean fromLogits) {
    this.fromLogits = fromLogits;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean fromLogits() {
    return fromLogits;
  }

  @Override
  public String fusableActivation() {
    return Softmax.NAME;
  }

  private static int classOf(double[] target, int r, int cols) {
    double y = target[r];
    if (!(y >= 0 && y < cols) || y != Math.rint(y)) {
      throw new IllegalArgumentException("row " + r + ": class index " + Labels.format(y)
          + " is not a whole number in [0, " + cols + ")");
    }
    return (int) y;
  }

  @Override
  public double compute(double[] pred, double[] target, double[] weights, double[] grad, int rows, int cols) {
    if (fromLogits) {
      return computeFromLogits(pred, target, weights, grad, rows, cols);
    }
    if (rows == 0) {
      return 0;
    }
    double invRows = 1.0 / rows;
    double total = 0;
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1 : weights[r];
      int off = r * cols;
      int k = off + classOf(target, r, cols);
      double sum = 0;
      for (int i = off; i < off + cols; i++) {
        sum += pred[i];
      }
      double q = pred[k] / sum;
      boolean clipped = q < EPSILON || q > 1 - EPSILON;
      total -= w * Math.log(Math.min(Math.max(q, EPSILON), 1 - EPSILON));
      if (grad != null) {
        double c = w * invRows / sum;
        for (int i = off; i < off + cols; i++) {
          grad[i] = clipped ? 0 : c * (i == k ? 1 - 1 / q : 1);
        }
      }
    }
    return total * invRows;
  }

  @Override
  public double computeFromLogits(double[] logits, double[] target, double[] weights, double[] gradLogits, int rows, int cols) {
    if (rows == 0) {
      return 0;
    }
    double invRows = 1.0 / rows;
    double total = 0;
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1 : weights[r];
      int off = r * cols;
      int k = off + classOf(target, r, cols);
      double lse = Softmax.logSumExp(logits, off, cols);
      total += w * (lse - logits[k]);
      if (gradLogits != null) {
        double c = w * invRows;
        for (int i = off; i < off + cols; i++) {
          gradLogits[i] = c * (Math.exp(logits[i] - lse) - (i == k ? 1 : 0));
        }
      }
    }
    return total * invRows;
  }

  /** Rejects labels that are not whole numbers in [0, cols). */
  @Override
  public String checkTarget(double y, int cols) {
    if (!Double.isFinite(y)) {
      return "target value " + y + " is not a finite number";
    }
    if (!Labels.isWhole(y)) {
      return "labels must be whole class indices for " + NAME + ", got " + Labels.format(y)
          + ". For one-hot or soft targets use categorical_crossentropy";
    }
    if (y < 0 || y >= cols) {
      return "label " + Labels.format(y) + " is out of range for " + NAME + " with " + cols
          + " classes (expected 0.." + (cols - 1) + "). Give the output layer one unit per class";
    }
    return null;
  }

  @Override
  public String toString() {
    return NAME + "(from_logits=" + fromLogits + ")";
  }
}

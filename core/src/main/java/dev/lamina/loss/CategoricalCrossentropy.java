package dev.lamina.loss;

import dev.lamina.activation.Softmax;

/**
 * Keras 3's {@code CategoricalCrossentropy(from_logits=False, label_smoothing=0.0)}
 * ({@code categorical_crossentropy}) over one-hot (or soft) target rows of width {@code cols}.
 *
 * <p>Labels are smoothed first: y' = y (1 - ls) + ls / cols.
 *
 * <p>Probability form: each row is renormalised, q_j = p_j / S with S = sum_j p_j, clipped to
 * [1e-7, 1 - 1e-7] and l = -sum_j y'_j ln q_j. The gradient goes through the renormalisation:
 * with g_j = -y'_j / q_j (0 where the clip is active), dl/dp_i = (g_i - sum_j g_j q_j) / S.
 *
 * <p>Logits form ({@code from_logits=True}, or the engine's fused softmax output): with
 * lse = ln sum_j e^(z_j) computed around the maximum, l = sum_j y'_j (lse - z_j) and
 * dl/dz_j = softmax_j sum_k y'_k - y'_j, which is the familiar softmax - y' when each target row
 * sums to 1 (TensorFlow's kernel assumes that; the form here is exact for any row).
 */
public final class CategoricalCrossentropy extends SmoothedCrossentropy {
  /** The canonical name. */
  public static final String NAME = "categorical_crossentropy";

  /** With Keras's defaults. */
  public CategoricalCrossentropy() {
    this(DEFAULT_FROM_LOGITS, DEFAULT_LABEL_SMOOTHING);
  }

  /**
   * @param fromLogits whether predictions are logits rather than probabilities
   * @param labelSmoothing in [0, 1]
   */
  public CategoricalCrossentropy(boolean fromLogits, double labelSmoothing) {
    super(fromLogits, labelSmoothing);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String fusableActivation() {
    return Softmax.NAME;
  }

  @Override
  public double compute(double[] pred, double[] target, double[] weights, double[] grad, int rows, int cols) {
    if (fromLogits()) {
      return computeFromLogits(pred, target, weights, grad, rows, cols);
    }
    if (rows == 0) {
      return 0;
    }
    double invRows = 1.0 / rows;
    double uniform = labelSmoothing() / cols;
    double total = 0;
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1 : weights[r];
      int off = r * cols;
      double sum = 0;
      for (int i = off; i < off + cols; i++) {
        sum += pred[i];
      }
      double rowLoss = 0;
      // sum_j g_j q_j = -(sum of y'_j over unclipped j), since g_j q_j = -y'_j there.
      double gDotQ = 0;
      for (int i = off; i < off + cols; i++) {
        double y = target[i] * (1 - labelSmoothing()) + uniform;
        double q = pred[i] / sum;
        rowLoss -= y * Math.log(Math.min(Math.max(q, EPSILON), 1 - EPSILON));
        if (q >= EPSILON && q <= 1 - EPSILON) {
          gDotQ -= y;
        }
      }
      if (grad != null) {
        double k = w * invRows / sum;
        for (int i = off; i < off + cols; i++) {
          double y = target[i] * (1 - labelSmoothing()) + uniform;
          double q = pred[i] / sum;
          double g = q >= EPSILON && q <= 1 - EPSILON ? -y / q : 0;
          grad[i] = k * (g - gDotQ);
        }
      }
      total += w * rowLoss;
    }
    return total * invRows;
  }

  @Override
  public double computeFromLogits(double[] logits, double[] target, double[] weights, double[] gradLogits, int rows, int cols) {
    if (rows == 0) {
      return 0;
    }
    double invRows = 1.0 / rows;
    double uniform = labelSmoothing() / cols;
    double total = 0;
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1 : weights[r];
      int off = r * cols;
      double lse = Softmax.logSumExp(logits, off, cols);
      double rowLoss = 0;
      double ySum = 0;
      for (int i = off; i < off + cols; i++) {
        double y = target[i] * (1 - labelSmoothing()) + uniform;
        rowLoss += y * (lse - logits[i]);
        ySum += y;
      }
      if (gradLogits != null) {
        double k = w * invRows;
        for (int i = off; i < off + cols; i++) {
          double y = target[i] * (1 - labelSmoothing()) + uniform;
          gradLogits[i] = k * (Math.exp(logits[i] - lse) * ySum - y);
        }
      }
      total += w * rowLoss;
    }
    return total * invRows;
  }

  /** Rejects labels outside [0, 1]. */
  @Override
  public String checkTarget(double y, int cols) {
    if (!Double.isFinite(y)) {
      return "target value " + y + " is not a finite number";
    }
    if (!Labels.isProbability(y)) {
      return "labels must be one-hot (0 or 1) for " + NAME + ", got " + Labels.format(y)
          + ". If the target holds class indices, use sparse_categorical_crossentropy instead";
    }
    return null;
  }

  @Override
  public String toString() {
    return NAME + "(from_logits=" + fromLogits() + ", label_smoothing=" + labelSmoothing() + ")";
  }
}

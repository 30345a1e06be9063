package dev.lamina.loss;

import dev.lamina.activation.Sigmoid;

/**
 * Keras 3's {@code BinaryCrossentropy(from_logits=False, label_smoothing=0.0)}
 * ({@code binary_crossentropy}, {@code bce}), per element then averaged over the columns.
 *
 * <p>Labels are smoothed first: y' = y (1 - ls) + 0.5 ls.
 *
 * <p>Probability form: p is clipped to [1e-7, 1 - 1e-7] ({@link #EPSILON}) and
 * l = -[y' ln p + (1 - y') ln(1 - p)], dl/dp = -y'/p + (1 - y')/(1 - p) inside the interval and 0
 * where the clip is active. (Keras 2 also added epsilon inside both logarithms; Keras 3 does not.)
 *
 * <p>Logits form ({@code from_logits=True}, or the engine's fused sigmoid output, see
 * {@link FusedLogitsLoss}): l = max(z, 0) - z y' + ln(1 + e^-|z|), dl/dz = sigmoid(z) - y', exact
 * and finite for any z.
 */
public final class BinaryCrossentropy extends SmoothedCrossentropy {
  /** The canonical name. */
  public static final String NAME = "binary_crossentropy";
  /** The target a smoothed label moves towards: 0.5 for two classes. */
  private static final double SMOOTHING_CENTRE = 0.5;

  /** With Keras's defaults. */
  public BinaryCrossentropy() {
    this(DEFAULT_FROM_LOGITS, DEFAULT_LABEL_SMOOTHING);
  }

  /**
   * @param fromLogits whether predictions are logits rather than probabilities
   * @param labelSmoothing in [0, 1]
   */
  public BinaryCrossentropy(boolean fromLogits, double labelSmoothing) {
    super(fromLogits, labelSmoothing);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String fusableActivation() {
    return Sigmoid.NAME;
  }

  private double smooth(double y) {
    return y * (1 - labelSmoothing()) + SMOOTHING_CENTRE * labelSmoothing();
  }

  @Override
  public double compute(double[] pred, double[] target, double[] weights, double[] grad, int rows, int cols) {
    if (fromLogits()) {
      return computeFromLogits(pred, target, weights, grad, rows, cols);
    }
    if (rows == 0) {
      return 0;
    }
    double scale = 1.0 / ((double) cols * rows);
    double total = 0;
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1 : weights[r];
      double rowSum = 0;
      int off = r * cols;
      for (int i = off; i < off + cols; i++) {
        double y = smooth(target[i]);
        double p = pred[i];
        double pc = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
        rowSum -= y * Math.log(pc) + (1 - y) * Math.log(1 - pc);
        if (grad != null) {
          boolean clipped = p < EPSILON || p > 1 - EPSILON;
          grad[i] = clipped ? 0 : w * scale * ((1 - y) / (1 - pc) - y / pc);
        }
      }
      total += w * rowSum;
    }
    return total * scale;
  }

  @Override
  public double computeFromLogits(double[] logits, double[] target, double[] weights, double[] gradLogits, int rows, int cols) {
    if (rows == 0) {
      return 0;
    }
    double scale = 1.0 / ((double) cols * rows);
    double total = 0;
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1 : weights[r];
      double rowSum = 0;
      int off = r * cols;
      for (int i = off; i < off + cols; i++) {
        double y = smooth(target[i]);
        double z = logits[i];
        // e^-|z| is the one exponential both Softplus.softplus and Sigmoid.sigmoid take; computing
        // it once here gives their exact values.
        double e = Math.exp(-Math.abs(z));
        // max(z, 0) - z y + ln(1 + e^-|z|) = softplus(z) - z y, never overflowing; Log1p.log1p is
        // Math.log1p bit for bit without its native call.
        rowSum += Math.max(z, 0) + Log1p.log1p(e) - z * y;
        if (gradLogits != null) {
          double sigmoid = z >= 0 ? 1 / (1 + e) : e / (1 + e);
          gradLogits[i] = w * scale * (sigmoid - y);
        }
      }
      total += w * rowSum;
    }
    return total * scale;
  }

  /** Rejects labels outside [0, 1]; soft labels in between are accepted, as Keras accepts them. */
  @Override
  public String checkTarget(double y, int cols) {
    if (!Double.isFinite(y)) {
      return "target value " + y + " is not a finite number";
    }
    if (!Labels.isProbability(y)) {
      return "labels must be 0 or 1 for " + NAME + ", got " + Labels.format(y)
          + " (soft labels in [0, 1] are also accepted). Encode the two classes as 0 and 1, or use"
          + " sparse_categorical_crossentropy with a softmax output for more than two classes";
    }
    return null;
  }

  @Override
  public String toString() {
    return NAME + "(from_logits=" + fromLogits() + ", label_smoothing=" + labelSmoothing() + ")";
  }
}

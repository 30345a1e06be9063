package dev.lamina.loss;

/** Wording and limits shared by the cross-entropies. */
final class Labels {
  /**
   * Keras's {@code keras.config.epsilon()}: probabilities are clipped to [EPSILON, 1 - EPSILON]
   * before the logarithm, so a prediction of exactly 0 or 1 costs -ln(1e-7) = 16.118 instead of
   * infinity. Outside that interval the gradient is 0, as through TensorFlow's clip_by_value.
   */
  static final double EPSILON = 1e-7;

  private Labels() {}

  /** Whether {@code y} is an accepted label for a cross-entropy over probabilities: within [0, 1]. */
  static boolean isProbability(double y) {
    return y >= 0 && y <= 1;
  }

  /** A label as a person would write it: 2 rather than 2.0. */
  static String format(double y) {
    return isWhole(y) && Math.abs(y) < 1e15 ? Long.toString((long) y) : Double.toString(y);
  }

  static boolean isWhole(double y) {
    return Double.isFinite(y) && y == Math.rint(y);
  }
}

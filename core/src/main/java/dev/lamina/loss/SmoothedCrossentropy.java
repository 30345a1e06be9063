package dev.lamina.loss;

/**
 * What Keras's {@code BinaryCrossentropy} and {@code CategoricalCrossentropy} share: the
 * {@code from_logits} flag (default {@code False}: the predictions are probabilities) and the
 * {@code label_smoothing} factor in [0, 1] (default 0), checked once here. Each subclass says how a
 * label is smoothed (towards 1/2 for two classes, towards 1/k for k) and holds its formulas.
 */
abstract class SmoothedCrossentropy implements FusedLogitsLoss {
  /** Keras's clipping epsilon, {@code keras.config.epsilon()} = 1e-7. */
  public static final double EPSILON = Labels.EPSILON;
  /** Keras's default: the predictions are probabilities. */
  public static final boolean DEFAULT_FROM_LOGITS = false;
  /** Keras's default: no label smoothing. */
  public static final double DEFAULT_LABEL_SMOOTHING = 0.0;

  private final boolean fromLogits;
  private final double labelSmoothing;

  /**
   * @param fromLogits whether predictions are logits rather than probabilities
   * @param labelSmoothing in [0, 1]
   */
  SmoothedCrossentropy(boolean fromLogits, double labelSmoothing) {
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException("label_smoothing must be in [0, 1], got " + labelSmoothing);
    }
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
  }

  @Override
  public final boolean fromLogits() {
    return fromLogits;
  }

  /** The label smoothing factor. */
  public final double labelSmoothing() {
    return labelSmoothing;
  }
}

package dev.lamina.metric;

/**
 * Precision {@code TP / (TP + FP)} at a threshold, as Keras's {@code keras.metrics.Precision}
 * (name {@code precision}): a prediction strictly above the threshold is positive, a non-zero
 * target is positive; every output column counts unless {@code class_id} picks one; row weights
 * weight the counts. Result 0 when nothing was predicted positive. Defaults:
 * {@code thresholds=0.5}, no {@code class_id}.
 */
public final class Precision extends ThresholdConfusion {
  /** Keras's default name. */
  public static final String DEFAULT_NAME = "precision";

  /** With Keras's defaults. */
  public Precision() {
    this(DEFAULT_NAME, DEFAULT_THRESHOLD, ALL_CLASSES);
  }

  /**
   * @param name the history key
   * @param threshold in [0, 1]
   * @param classId the one column to score, or -1 for all
   */
  public Precision(String name, double threshold, int classId) {
    super(name, threshold, classId);
  }

  @Override
  public double result() {
    return ratio(truePositives, falsePositives);
  }
}

package dev.lamina.metric;

/**
 * Recall {@code TP / (TP + FN)} at a threshold, as Keras's {@code keras.metrics.Recall} (name
 * {@code recall}): a prediction strictly above the threshold is positive, a non-zero target is
 * positive; every output column counts unless {@code class_id} picks one; row weights weight the
 * counts. Result 0 when there were no positive targets. Defaults: {@code thresholds=0.5}, no
 * {@code class_id}.
 */
public final class Recall extends ThresholdConfusion {
  /** Keras's default name. */
  public static final String DEFAULT_NAME = "recall";

  /** With Keras's defaults. */
  public Recall() {
    this(DEFAULT_NAME, DEFAULT_THRESHOLD, ALL_CLASSES);
  }

  /**
   * @param name the history key
   * @param threshold in [0, 1]
   * @param classId the one column to score, or -1 for all
   */
  public Recall(String name, double threshold, int classId) {
    super(name, threshold, classId);
  }

  @Override
  public double result() {
    return ratio(truePositives, falseNegatives);
  }
}

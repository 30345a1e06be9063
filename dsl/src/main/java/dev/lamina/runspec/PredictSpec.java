package dev.lamina.runspec;

import dev.lamina.spec.SpecException;

/**
 * The {@code predict:} section: a row is class 1 when its probability is strictly greater than
 * the threshold (Keras's {@code predict(x) > 0.5}).
 *
 * <p>{@code threshold: 0.5} fixes it (the default); {@code threshold: best_f1} and
 * {@code threshold: {recall: 0.7}} choose it on the validation rows after training (see
 * {@link ThresholdStrategy}). Before a run chooses it, {@link #threshold()} of a chosen strategy is
 * {@link #DEFAULT_THRESHOLD}; the run stores the resolved value in the saved model, and
 * {@code predict} uses that.
 *
 * @param threshold the decision threshold in (0, 1): as written, or as resolved by a run
 * @param strategy how the threshold is set (default {@link ThresholdStrategy#FIXED})
 */
public record PredictSpec(double threshold, ThresholdStrategy strategy) {
  /** The article's threshold. */
  public static final double DEFAULT_THRESHOLD = 0.5;
  /** The default section. */
  public static final PredictSpec DEFAULT = new PredictSpec(DEFAULT_THRESHOLD);

  /** Validates. */
  public PredictSpec {
    strategy = strategy == null ? ThresholdStrategy.FIXED : strategy;
    if (!(threshold > 0 && threshold < 1)) {
      throw new SpecException("threshold", "threshold must be in (0, 1), got " + threshold
          + "; or write threshold: best_f1, or threshold: {recall: 0.7}");
    }
  }

  /** A fixed threshold. */
  public PredictSpec(double threshold) {
    this(threshold, ThresholdStrategy.FIXED);
  }

  /** A threshold chosen on the validation rows by {@code strategy}. */
  public static PredictSpec chosen(ThresholdStrategy strategy) {
    return new PredictSpec(DEFAULT_THRESHOLD, strategy);
  }

  /** The same strategy with the threshold a run resolved. */
  public PredictSpec resolved(double t) {
    return new PredictSpec(t, strategy);
  }
}

package dev.lamina.runspec;

import dev.lamina.metric.ThresholdChoice;
import dev.lamina.spec.SpecException;

/**
 * How the decision threshold of a binary model is set: {@code threshold: 0.5} (fixed, the
 * default), {@code threshold: best_f1} (the threshold with the best F1) or
 * {@code threshold: {recall: 0.7}} (the highest threshold reaching that recall). The chosen ones
 * are chosen on the <em>validation</em> rows after training, never on the test rows, so the test
 * metrics stay an honest estimate (see {@link ThresholdChoice}).
 *
 * @param kind fixed, best F1 or target recall
 * @param targetRecall the recall to reach, in (0, 1], for {@link Kind#RECALL}; NaN otherwise
 */
public record ThresholdStrategy(Kind kind, double targetRecall) {
  /** The ways to set the threshold. */
  public enum Kind {
    /** The threshold as written. */
    FIXED,
    /** The best F1 on the validation rows. */
    BEST_F1,
    /** The highest threshold whose validation recall reaches a target. */
    RECALL
  }

  /** The YAML word for {@link Kind#BEST_F1}. */
  public static final String BEST_F1_NAME = "best_f1";
  /** The YAML key for {@link Kind#RECALL}. */
  public static final String RECALL_NAME = "recall";
  /** A fixed threshold. */
  public static final ThresholdStrategy FIXED = new ThresholdStrategy(Kind.FIXED, Double.NaN);
  /** {@code threshold: best_f1}. */
  public static final ThresholdStrategy BEST_F1 = new ThresholdStrategy(Kind.BEST_F1, Double.NaN);

  /** Validates. */
  public ThresholdStrategy {
    if (kind == null) {
      throw new SpecException("threshold", "a threshold strategy needs a kind");
    }
    if (kind == Kind.RECALL && !(targetRecall > 0 && targetRecall <= 1)) {
      throw new SpecException("threshold.recall", "the target recall must be in (0, 1], got " + targetRecall
          + ", e.g. threshold: {recall: 0.7}");
    }
    if (kind != Kind.RECALL) {
      targetRecall = Double.NaN;
    }
  }

  /** {@code threshold: {recall: target}}. */
  public static ThresholdStrategy recall(double target) {
    return new ThresholdStrategy(Kind.RECALL, target);
  }

  /** Whether the threshold is chosen on the validation rows. */
  public boolean chosen() {
    return kind != Kind.FIXED;
  }

  /** Chooses the threshold on labelled validation scores (binary labels 0/1). */
  public double choose(double[] scores, double[] labels) {
    return switch (kind) {
      case BEST_F1 -> ThresholdChoice.bestF1(scores, labels);
      case RECALL -> ThresholdChoice.forRecall(scores, labels, targetRecall);
      case FIXED -> throw new IllegalStateException("a fixed threshold is not chosen");
    };
  }

  /** How the strategy reads in a message or in {@code metrics.json}: {@code best_f1}, {@code recall 0.7}. */
  public String describe() {
    return switch (kind) {
      case FIXED -> "fixed";
      case BEST_F1 -> BEST_F1_NAME;
      case RECALL -> RECALL_NAME + " " + targetRecall;
    };
  }
}

package dev.lamina.runspec;

import dev.lamina.spec.SpecException;
import dev.lamina.task.Thresholds;
import java.util.Map;

/**
 * The {@code predict:} section: how probabilities become decisions. A row is class 1 (a label is
 * 1) when its probability is strictly greater than the threshold (Keras's {@code predict(x) > 0.5}).
 *
 * <p>{@code threshold: 0.5} fixes it (the default, for every label of a multi-label model);
 * {@code threshold: {Weight: 0.4, Waist: 0.6}} gives a multi-label model one threshold per label,
 * by target name (labels not named keep 0.5; see {@link Thresholds}); {@code threshold: best_f1}
 * and {@code threshold: {recall: 0.7}} choose a binary model's threshold on the validation rows
 * after training (see {@link ThresholdStrategy}). Before a run chooses it, {@link #threshold()} of a
 * chosen strategy is {@link #DEFAULT_THRESHOLD}; the run stores the resolved value in the saved
 * model, and {@code predict} uses that.
 *
 * @param thresholds the decision thresholds: as written, or as resolved by a run
 * @param strategy how the threshold is set (default {@link ThresholdStrategy#FIXED})
 */
public record PredictSpec(Thresholds thresholds, ThresholdStrategy strategy) {
  /** The article's threshold. */
  public static final double DEFAULT_THRESHOLD = Thresholds.DEFAULT_VALUE;
  /** The default section. */
  public static final PredictSpec DEFAULT = new PredictSpec(DEFAULT_THRESHOLD);

  /** Fills in defaults; a chosen threshold is one threshold. */
  public PredictSpec {
    thresholds = thresholds == null ? Thresholds.DEFAULT : thresholds;
    strategy = strategy == null ? ThresholdStrategy.FIXED : strategy;
    if (strategy.chosen() && !thresholds.single()) {
      throw new SpecException(Thresholds.KEY, "a chosen threshold (" + strategy.describe() + ") is one threshold of a"
          + " binary model; it cannot also be given per label");
    }
  }

  /**
   * A fixed threshold for every output.
   *
   * @throws SpecException at {@code threshold} when it is outside (0, 1)
   */
  public PredictSpec(double threshold) {
    this(checked(threshold), ThresholdStrategy.FIXED);
  }

  private static Thresholds checked(double threshold) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new SpecException(Thresholds.KEY, "threshold must be in (0, 1), got " + threshold
          + "; or write threshold: best_f1, threshold: {recall: 0.7}, or one per label: threshold: {label: 0.4}");
    }
    return Thresholds.of(threshold);
  }

  /**
   * A fixed threshold per label, by target name (a multi-label model); labels not named keep
   * {@link #DEFAULT_THRESHOLD}.
   *
   * @throws SpecException at {@code threshold.<label>} for a value outside (0, 1)
   */
  public static PredictSpec perLabel(Map<String, Double> byLabel) {
    return new PredictSpec(Thresholds.of(byLabel), ThresholdStrategy.FIXED);
  }

  /** A threshold chosen on the validation rows by {@code strategy}. */
  public static PredictSpec chosen(ThresholdStrategy strategy) {
    return new PredictSpec(Thresholds.DEFAULT, strategy);
  }

  /** The one threshold of a binary model (as written or resolved), and that of every label not named. */
  public double threshold() {
    return thresholds.fallback();
  }

  /** The same strategy with the threshold a run resolved. */
  public PredictSpec resolved(double t) {
    return new PredictSpec(Thresholds.of(t), strategy);
  }
}

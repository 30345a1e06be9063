package dev.lamina.sweep;

import java.io.Serializable;
import java.util.Map;

/**
 * What one run produced. Serializable, so a cluster engine can send it back. Losses are NaN when
 * they do not exist (no validation rows, no test rows, a failed run).
 *
 * @param run the run
 * @param status how it ended
 * @param bestValLoss the lowest val_loss over the epochs (the training loss when there is no validation)
 * @param finalValLoss the last epoch's val_loss (or loss)
 * @param testLoss loss on the test split
 * @param testAccuracy accuracy on the test split (NaN when accuracy is not compiled)
 * @param epochsRun epochs trained
 * @param seconds wall time of the run (the only column that differs between identical sweeps)
 * @param loss training loss per epoch
 * @param valLoss val_loss (or loss) per epoch
 * @param error the exception message of a failed run, else empty
 * @param scores every other number the run gives, by key: each test metric ({@code test_mae},
 *     {@code test_r2}, ...; for a regression also MAE, RMSE and R2 as in {@code metrics.json}), and
 *     for each history key {@code k} its best value over the epochs as {@code best_<k>} (the lowest
 *     loss or error, the highest accuracy or R2)
 */
public record SweepResult(SweepRun run, RunStatus status, double bestValLoss, double finalValLoss, double testLoss,
    double testAccuracy, int epochsRun, double seconds, double[] loss, double[] valLoss, String error,
    Map<String, Double> scores) implements Serializable {
  /** Copies the scores. */
  public SweepResult {
    scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
  }

  /** A result with no other scores. */
  public SweepResult(SweepRun run, RunStatus status, double bestValLoss, double finalValLoss, double testLoss,
      double testAccuracy, int epochsRun, double seconds, double[] loss, double[] valLoss, String error) {
    this(run, status, bestValLoss, finalValLoss, testLoss, testAccuracy, epochsRun, seconds, loss, valLoss, error, Map.of());
  }

  /** The score {@code key} ({@code test_<metric>} or {@code best_<history key>}), NaN when the run has none. */
  public double score(String key) {
    return scores.getOrDefault(key, Double.NaN);
  }

  /** The first epoch (1-based) whose val_loss is at or below {@code target}, or -1 if none is. */
  public int epochsTo(double target) {
    for (int i = 0; i < valLoss.length; i++) {
      if (valLoss[i] <= target) {
        return i + 1;
      }
    }
    return -1;
  }
}

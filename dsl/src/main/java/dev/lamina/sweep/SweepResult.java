package dev.lamina.sweep;

import java.io.Serializable;

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
 */
public record SweepResult(SweepRun run, RunStatus status, double bestValLoss, double finalValLoss, double testLoss,
    double testAccuracy, int epochsRun, double seconds, double[] loss, double[] valLoss, String error)
    implements Serializable {

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

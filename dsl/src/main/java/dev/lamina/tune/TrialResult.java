package dev.lamina.tune;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training task produced: the trial's objective and metrics at one budget, averaged over
 * its seeds and folds ("units"). Serializable, so a cluster engine can send it back.
 *
 * @param trial the trial number
 * @param rung the rung
 * @param epochs the budget
 * @param failed whether a training failed or diverged (then {@code error} says how)
 * @param objective the objective's mean over units (NaN when failed)
 * @param units the objective of each unit (seed x fold), in order: the samples the winner's test uses
 * @param metrics the mean over units of every final held-out and test metric ({@code val_accuracy},
 *     {@code test_loss}, ...), in a stable order
 * @param curve the objective per epoch, mean over units (the learning curve)
 * @param seconds wall time of the task (the only value that differs between identical searches)
 * @param error why it failed, else empty
 */
public record TrialResult(int trial, int rung, int epochs, boolean failed, double objective, double[] units,
    Map<String, Double> metrics, double[] curve, double seconds, String error) implements Serializable {
  /** Copies the metrics. */
  public TrialResult {
    metrics = new LinkedHashMap<>(metrics);
  }
}

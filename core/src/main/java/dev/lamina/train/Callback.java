package dev.lamina.train;

import java.util.Map;

/**
 * Hooks into training, as Keras's {@code Callback}; also the listener interface for progress.
 * Every method has an empty default, so a listener overrides only what it needs.
 */
public interface Callback {
  /** Called once before the first epoch. */
  default void onTrainBegin(TrainingContext context, int epochs, int stepsPerEpoch) {}

  /** Called at the start of each epoch (0-based). */
  default void onEpochBegin(int epoch) {}

  /** Called after each batch with the running mean loss of the epoch so far. */
  default void onBatchEnd(int epoch, int batch, double batchLoss, double runningLoss) {}

  /** Called after each epoch with its logs ({@code loss}, metrics, {@code val_*}). */
  default void onEpochEnd(int epoch, Map<String, Double> logs) {}

  /** Called once when training ends (also after an early stop). */
  default void onTrainEnd(Map<String, Double> lastLogs) {}

  /**
   * What the callback did, for the run's report, under its own key (for example
   * {@code early_stopping}: best epoch, stopped epoch, weights restored); empty by default. Read
   * after {@link #onTrainEnd}; {@link History#reports()} collects it.
   */
  default Map<String, Object> report() {
    return Map.of();
  }
}

package dev.lamina.train;

import java.nio.file.Path;

/**
 * What a {@link Callback} may do to the training it watches: stop it, read or change the learning
 * rate, keep and restore weights, and save a checkpoint.
 */
public interface TrainingContext {
  /** Asks the loop to stop after the current epoch (or batch). */
  void stopTraining();

  /** Whether a stop was requested. */
  boolean stopRequested();

  /** The optimizer's current learning rate. */
  double learningRate();

  /** Sets a constant learning rate; false when a schedule owns the rate. */
  boolean setLearningRate(double lr);

  /** A deep copy of all trainable tensors. */
  double[][] snapshotWeights();

  /** Puts back a snapshot taken by {@link #snapshotWeights()}. */
  void restoreWeights(double[][] snapshot);

  /**
   * Whether a larger value of the history key {@code key} ({@code loss}, {@code val_mae},
   * {@code auc}, ...) is better: false for the loss, and for a compiled metric what
   * {@link dev.lamina.metric.Metric#higherIsBetter()} says ({@code val_} prefix removed); null
   * for a key that is neither.
   */
  default Boolean higherIsBetter(String key) {
    return null;
  }

  /** Saves the model (weights and spec) to {@code path}, atomically. */
  void save(Path path);
}

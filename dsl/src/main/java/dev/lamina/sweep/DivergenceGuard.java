package dev.lamina.sweep;

import dev.lamina.train.Callback;
import dev.lamina.train.TrainingContext;
import java.util.Map;

/** Stops a run as soon as a batch or epoch loss is NaN or infinite, and remembers that it did. */
final class DivergenceGuard implements Callback {
  private TrainingContext context;
  private boolean diverged;

  @Override
  public void onTrainBegin(TrainingContext c, int epochs, int stepsPerEpoch) {
    this.context = c;
  }

  @Override
  public void onBatchEnd(int epoch, int batch, double batchLoss, double runningLoss) {
    if (!Double.isFinite(batchLoss)) {
      diverged = true;
      context.stopTraining();
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    for (double v : logs.values()) {
      if (!Double.isFinite(v)) {
        diverged = true;
        context.stopTraining();
      }
    }
  }

  boolean diverged() {
    return diverged;
  }
}

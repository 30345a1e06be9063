package dev.lamina.train;

/**
 * Keras's {@code TerminateOnNaN}: stops training at the first batch whose loss is NaN or infinite,
 * remembering where ("Batch b: Invalid loss, terminating training").
 */
public final class TerminateOnNaN implements Callback {
  private TrainingContext context;
  private String message;

  @Override
  public void onTrainBegin(TrainingContext context, int epochs, int stepsPerEpoch) {
    this.context = context;
    this.message = null;
  }

  @Override
  public void onBatchEnd(int epoch, int batch, double batchLoss, double runningLoss) {
    if (message == null && !Double.isFinite(batchLoss)) {
      message = "Epoch " + (epoch + 1) + ", batch " + batch + ": invalid loss (" + batchLoss + "), terminating training";
      context.stopTraining();
    }
  }

  /** Why training was stopped, or null. */
  public String message() {
    return message;
  }
}

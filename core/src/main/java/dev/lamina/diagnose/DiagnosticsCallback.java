package dev.lamina.diagnose;

import dev.lamina.model.Model;
import dev.lamina.train.Callback;
import dev.lamina.train.Dataset;
import dev.lamina.train.TrainingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Measures {@link Diagnostics} on a fixed batch before the first epoch (reported as epoch 0) and
 * after every epoch (epochs 1, 2, ...), so a user watches gradients vanish or recover as training
 * goes. Each diagnosis goes to the listener and is kept in {@link #diagnoses()}.
 */
public final class DiagnosticsCallback implements Callback {
  private final Model model;
  private final Dataset batch;
  private final BiConsumer<Integer, Diagnosis> listener;
  private final List<Diagnosis> diagnoses = new ArrayList<>();

  /**
   * @param model the model being trained
   * @param batch the rows to measure on (kept fixed so epochs compare)
   * @param listener receives (epoch, diagnosis); epoch 0 is the initialization
   */
  public DiagnosticsCallback(Model model, Dataset batch, BiConsumer<Integer, Diagnosis> listener) {
    this.model = model;
    this.batch = batch;
    this.listener = listener;
  }

  @Override
  public void onTrainBegin(TrainingContext context, int epochs, int stepsPerEpoch) {
    record(0);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    record(epoch + 1);
  }

  private void record(int epoch) {
    Diagnosis d = Diagnostics.inspect(model, batch);
    diagnoses.add(d);
    listener.accept(epoch, d);
  }

  /** Every diagnosis so far: index 0 is the initialization, index k after epoch k. */
  public List<Diagnosis> diagnoses() {
    return List.copyOf(diagnoses);
  }
}

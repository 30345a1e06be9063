package dev.lamina.train;

import dev.lamina.random.Rng;
import java.util.List;
import java.util.Map;

/**
 * Everything a training needs to continue after {@code epochsDone} epochs exactly as if it had never
 * stopped: a checkpoint. Resuming from it and training to the end gives the same weights and
 * history, bit for bit, as the uninterrupted run with the same seed.
 *
 * <p>The arrays are copies owned by this record (taken at the end of an epoch); nothing here is
 * live model storage.
 *
 * @param epochsDone epochs completed (the next epoch to run, 0-based)
 * @param seed the model seed the run used
 * @param weights every trainable tensor, in {@code Model.parameters()} order
 * @param optimizerSlots the optimizer's slot tensors, in {@code Optimizer.slots()} order
 * @param iterations optimizer steps applied
 * @param learningRate the constant learning rate (changed by ReduceLROnPlateau), or NaN with a schedule
 * @param shuffle the state of the epoch-shuffle generator
 * @param order the row order after the last shuffle (the next shuffle permutes it in place)
 * @param dropout the state of each Dropout layer's mask generator, in layer order
 * @param callbacks the state of each {@link StatefulCallback}, in callback order
 * @param history the logs of each completed epoch, in order
 */
public record TrainingState(int epochsDone, long seed, double[][] weights, double[][] optimizerSlots, long iterations,
    double learningRate, Rng.State shuffle, int[] order, List<Rng.State> dropout, List<Map<String, double[]>> callbacks,
    List<Map<String, Double>> history) {
  /** Checks the counts are coherent. */
  public TrainingState {
    if (epochsDone < 0 || iterations < 0) {
      throw new IllegalArgumentException("a checkpoint needs epochsDone >= 0 and iterations >= 0, got "
          + epochsDone + " and " + iterations);
    }
    if (history.size() != epochsDone) {
      throw new IllegalArgumentException("a checkpoint after " + epochsDone + " epochs needs " + epochsDone
          + " history rows, got " + history.size());
    }
    dropout = List.copyOf(dropout);
    callbacks = List.copyOf(callbacks);
    history = List.copyOf(history);
  }
}

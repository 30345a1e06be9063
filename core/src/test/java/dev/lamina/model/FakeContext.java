package dev.lamina.model;

import dev.lamina.train.TrainingContext;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A training context for feeding a callback scripted values: it records a stop request, and
 * answers which way each key is better with {@code direction}.
 */
record FakeContext(boolean[] stop, Function<String, Boolean> direction) implements TrainingContext {
  @Override
  public Boolean higherIsBetter(String key) {
    return direction.apply(key);
  }

  @Override
  public void stopTraining() {
    stop[0] = true;
  }

  @Override
  public boolean stopRequested() {
    return stop[0];
  }

  @Override
  public double learningRate() {
    return 0.1;
  }

  @Override
  public boolean setLearningRate(double lr) {
    return true;
  }

  @Override
  public double[][] snapshotWeights() {
    return new double[0][];
  }

  @Override
  public void restoreWeights(double[][] snapshot) {}

  @Override
  public void save(Path path) {}
}

package dev.lamina.optim;

import dev.lamina.spec.SpecException;

/**
 * Step decay: multiply the rate by {@code factor} every {@code drop_every} steps (name
 * {@code step_decay}). <b>Not a Keras class</b>: a Lamina convenience equal to Keras's
 * {@code ExponentialDecay(initial_learning_rate, decay_steps=drop_every, decay_rate=factor,
 * staircase=True)}:
 * <pre>{@code
 * lr(step) = initial_learning_rate * factor^floor(step / drop_every)
 * }</pre>
 *
 * @param initialLearningRate the rate at step 0, positive
 * @param dropEvery steps between drops, positive
 * @param factor the multiplier at each drop, positive (usually below 1)
 */
public record StepDecay(double initialLearningRate, double dropEvery, double factor) implements LearningRateSchedule {
  /**
   * Validates the arguments.
   *
   * @throws SpecException for a value out of range (path = the argument name)
   */
  public StepDecay {
    Hyper.positive("initial_learning_rate", initialLearningRate);
    Hyper.positive("drop_every", dropEvery);
    Hyper.positive("factor", factor);
  }

  @Override
  public double at(long step) {
    return initialLearningRate * Math.pow(factor, Math.floor(step / dropEvery));
  }

  @Override
  public String name() {
    return "step_decay";
  }
}

package dev.lamina.optim;

import dev.lamina.spec.SpecException;

/**
 * Inverse-time learning-rate decay, as Keras's
 * {@code keras.optimizers.schedules.InverseTimeDecay} (name {@code inverse_time_decay}):
 * <pre>{@code
 * lr(step) = initial_learning_rate / (1 + decay_rate * step / decay_steps)
 * staircase: step / decay_steps is floored
 * }</pre>
 * Keras requires {@code initial_learning_rate}, {@code decay_steps} and {@code decay_rate};
 * {@code staircase} defaults to false.
 *
 * @param initialLearningRate the rate at step 0, positive
 * @param decaySteps the time unit, positive
 * @param decayRate the decay per time unit, at least 0
 * @param staircase whether {@code step / decay_steps} is floored
 */
public record InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate, boolean staircase)
    implements LearningRateSchedule {
  /** Keras's default for {@code staircase}. */
  public static final boolean DEFAULT_STAIRCASE = false;

  /**
   * Validates the arguments.
   *
   * @throws SpecException for a value out of range (path = the Keras argument name)
   */
  public InverseTimeDecay {
    Hyper.positive("initial_learning_rate", initialLearningRate);
    Hyper.positive("decay_steps", decaySteps);
    Hyper.nonNegative("decay_rate", decayRate);
  }

  @Override
  public double at(long step) {
    double p = step / decaySteps;
    if (staircase) {
      p = Math.floor(p);
    }
    return initialLearningRate / (1 + decayRate * p);
  }

  @Override
  public String name() {
    return "inverse_time_decay";
  }
}

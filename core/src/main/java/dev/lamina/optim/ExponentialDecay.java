package dev.lamina.optim;

import dev.lamina.spec.SpecException;

/**
 * Exponential learning-rate decay, as Keras's
 * {@code keras.optimizers.schedules.ExponentialDecay} (name {@code exponential_decay}):
 * <pre>{@code
 * lr(step) = initial_learning_rate * decay_rate^(step / decay_steps)
 * staircase: the exponent is floor(step / decay_steps)
 * }</pre>
 * {@code step} is the number of updates already applied. Keras requires
 * {@code initial_learning_rate}, {@code decay_steps} and {@code decay_rate}; {@code staircase}
 * defaults to false.
 *
 * @param initialLearningRate the rate at step 0, positive
 * @param decaySteps steps per factor of {@code decayRate}, positive
 * @param decayRate the factor per {@code decaySteps}, positive
 * @param staircase whether the exponent is floored (decay in discrete jumps)
 */
public record ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate, boolean staircase)
    implements LearningRateSchedule {
  /** Keras's default for {@code staircase}. */
  public static final boolean DEFAULT_STAIRCASE = false;

  /**
   * Validates the arguments.
   *
   * @throws SpecException for a value out of range (path = the Keras argument name)
   */
  public ExponentialDecay {
    Hyper.positive("initial_learning_rate", initialLearningRate);
    Hyper.positive("decay_steps", decaySteps);
    Hyper.positive("decay_rate", decayRate);
  }

  @Override
  public double at(long step) {
    double p = step / decaySteps;
    if (staircase) {
      p = Math.floor(p);
    }
    return initialLearningRate * Math.pow(decayRate, p);
  }

  @Override
  public String name() {
    return "exponential_decay";
  }
}

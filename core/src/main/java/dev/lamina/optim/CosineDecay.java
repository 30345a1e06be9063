package dev.lamina.optim;

import dev.lamina.spec.SpecException;

/**
 * Cosine learning-rate decay with optional linear warm-up, as Keras's
 * {@code keras.optimizers.schedules.CosineDecay} (name {@code cosine_decay}); Loshchilov and
 * Hutter, 2016, arXiv:1608.03983 (SGDR); warm-up: Goyal et al., 2017, arXiv:1706.02677.
 * <pre>{@code
 * without warmup_target:
 *   s = min(step, decay_steps)
 *   lr = initial_learning_rate * ((1 - alpha) * 0.5 * (1 + cos(pi * s / decay_steps)) + alpha)
 * with warmup_target:
 *   s = min(step, warmup_steps + decay_steps)
 *   s < warmup_steps: lr = (warmup_target - initial_learning_rate) * s / warmup_steps + initial_learning_rate
 *   otherwise:        the decay above from warmup_target, at s - warmup_steps
 * }</pre>
 * Defaults: {@code alpha=0.0}, {@code warmup_target=None}, {@code warmup_steps=0};
 * {@code initial_learning_rate} and {@code decay_steps} are required.
 *
 * @param initialLearningRate the rate at step 0; positive, or at least 0 when warming up
 * @param decaySteps length of the decay, positive
 * @param alpha the final rate as a fraction of the starting one, in [0, 1]
 * @param warmupTarget the rate reached after the warm-up, or null for no warm-up
 * @param warmupSteps length of the warm-up, at least 0
 */
public record CosineDecay(double initialLearningRate, double decaySteps, double alpha, Double warmupTarget,
    double warmupSteps) implements LearningRateSchedule {
  /** Keras's default minimum fraction. */
  public static final double DEFAULT_ALPHA = 0.0;
  /** Keras's default warm-up length. */
  public static final double DEFAULT_WARMUP_STEPS = 0;

  /**
   * Validates the arguments.
   *
   * @throws SpecException for a value out of range (path = the Keras argument name)
   */
  public CosineDecay {
    if (warmupTarget == null) {
      Hyper.positive("initial_learning_rate", initialLearningRate);
    } else {
      Hyper.nonNegative("initial_learning_rate", initialLearningRate);
      Hyper.positive("warmup_target", warmupTarget);
    }
    Hyper.positive("decay_steps", decaySteps);
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new SpecException("alpha", "alpha must be a number in [0, 1] (the final fraction of the rate), got " + alpha);
    }
    Hyper.nonNegative("warmup_steps", warmupSteps);
  }

  /** Cosine decay without warm-up. */
  public CosineDecay(double initialLearningRate, double decaySteps, double alpha) {
    this(initialLearningRate, decaySteps, alpha, null, DEFAULT_WARMUP_STEPS);
  }

  @Override
  public double at(long step) {
    double s = step;
    if (warmupTarget == null) {
      return decay(Math.min(s, decaySteps), initialLearningRate);
    }
    s = Math.min(s, decaySteps + warmupSteps);
    if (s < warmupSteps) {
      return (warmupTarget - initialLearningRate) * (s / warmupSteps) + initialLearningRate;
    }
    return decay(s - warmupSteps, warmupTarget);
  }

  private double decay(double s, double from) {
    double cosine = 0.5 * (1.0 + Math.cos(Math.PI * (s / decaySteps)));
    return from * ((1 - alpha) * cosine + alpha);
  }

  @Override
  public String name() {
    return "cosine_decay";
  }
}

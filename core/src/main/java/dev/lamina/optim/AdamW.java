package dev.lamina.optim;

import dev.lamina.spec.SpecException;

/**
 * AdamW, as Keras's {@code keras.optimizers.AdamW} (name {@code adamw}): {@link Adam} with
 * decoupled weight decay, Loshchilov and Hutter, 2017, arXiv:1711.05101.
 *
 * <p>Each step first decays the weights, {@code w = w - w * weight_decay * lr}, then applies the
 * Adam update with the same {@code lr} (the decay is done by the {@link Optimizer} base, exactly
 * where Keras does it). Defaults: Adam's, plus {@code weight_decay=0.004}, which, unlike for the
 * other optimizers, must be set.
 */
public final class AdamW extends Adam {
  /** Keras's default decoupled weight decay for AdamW. */
  public static final double DEFAULT_WEIGHT_DECAY = 0.004;

  /** AdamW with Keras's defaults. */
  public AdamW() {
    this(DEFAULT_LEARNING_RATE, null, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON, DEFAULT_AMSGRAD,
        Clipping.NONE.withWeightDecay(DEFAULT_WEIGHT_DECAY));
  }

  /**
   * @param clipping common Keras arguments; its {@code weightDecay} must not be null
   * @throws SpecException for an argument out of range, or a null weight decay
   * @see Adam#Adam(double, LearningRateSchedule, double, double, double, boolean, Clipping)
   */
  public AdamW(double learningRate, LearningRateSchedule schedule, double beta1, double beta2, double epsilon,
      boolean amsgrad, Clipping clipping) {
    super("adamw", learningRate, schedule, beta1, beta2, epsilon, amsgrad, requireDecay(clipping));
  }

  private static Clipping requireDecay(Clipping clipping) {
    if (clipping == null || clipping.weightDecay() == null) {
      throw new SpecException("weight_decay", "AdamW needs a weight_decay (Keras default "
          + DEFAULT_WEIGHT_DECAY + "); use adam for no decay");
    }
    return clipping;
  }

  /** The decoupled weight decay. */
  public double weightDecay() {
    return clipping().weightDecay();
  }
}

package dev.lamina.optim;

/**
 * A learning rate as a function of the optimizer step (0-based count of updates already applied),
 * as Keras's {@code keras.optimizers.schedules}.
 */
public interface LearningRateSchedule {
  /** The learning rate to use for the update after {@code step} updates. */
  double at(long step);

  /** The canonical Keras name, for example {@code exponential_decay}. */
  String name();
}

package dev.lamina.constraint;

import dev.lamina.optim.Constraint;

/** Keras's {@code NonNeg()}: negative values set to zero, {@code w * (w >= 0)}. */
public final class NonNeg implements Constraint {
  /** The canonical name. */
  public static final String NAME = "non_neg";

  @Override
  public void apply(double[] value, int[] shape) {
    for (int i = 0; i < value.length; i++) {
      value[i] = value[i] >= 0 ? value[i] : 0.0;
    }
  }

  @Override
  public String name() {
    return NAME;
  }
}

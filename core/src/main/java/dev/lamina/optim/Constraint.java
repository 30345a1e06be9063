package dev.lamina.optim;

/**
 * A projection applied to a tensor after each optimizer step, as Keras's {@code kernel_constraint}
 * and {@code bias_constraint} are. Implementations live in {@link dev.lamina.constraint} and are
 * found through {@code Constraints.REGISTRY}.
 */
public interface Constraint {
  /** The canonical name ({@code max_norm}). */
  String name();

  /** Projects {@code value}, a tensor of {@code shape} in row-major order, in place. */
  void apply(double[] value, int[] shape);
}

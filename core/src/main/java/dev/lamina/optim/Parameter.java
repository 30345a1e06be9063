package dev.lamina.optim;

/**
 * A trainable tensor and its gradient, owned by a layer and updated by an optimizer.
 *
 * <p>{@code name} is the stable path, for example {@code dense_1/kernel}: it seeds the tensor's
 * initializer and names it in saved files.
 */
public final class Parameter {
  private final String name;
  private final int[] shape;
  private final double[] value;
  private final double[] grad;
  private Constraint constraint;

  /** A zero tensor of the given shape with its gradient buffer. */
  public Parameter(String name, int... shape) {
    this.name = name;
    this.shape = shape.clone();
    int n = 1;
    for (int d : shape) {
      n = Math.multiplyExact(n, d);
    }
    this.value = new double[n];
    this.grad = new double[n];
  }

  /** The stable path of this tensor, for example {@code dense_1/kernel}. */
  public String name() {
    return name;
  }

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  /** The values (live storage). */
  public double[] value() {
    return value;
  }

  /** The gradient of the loss for the current batch (live storage). */
  public double[] grad() {
    return grad;
  }

  /**
   * Sets the projection applied after each optimizer step (Keras's {@code kernel_constraint}),
   * or null for none.
   */
  public void setConstraint(Constraint c) {
    this.constraint = c;
  }

  /** The projection applied after each optimizer step, or null. */
  public Constraint constraint() {
    return constraint;
  }

  /** Applies the constraint, if any, to the values in place (called after each optimizer step). */
  public void applyConstraint() {
    if (constraint != null) {
      constraint.apply(value, shape);
    }
  }

  /** Number of elements. */
  public int size() {
    return value.length;
  }
}

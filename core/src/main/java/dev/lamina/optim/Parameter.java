package dev.lamina.optim;

/**
 * A trainable tensor and its gradient, owned by a layer and updated by an optimizer.
 *
 * <p>{@code name} is the stable path, for example {@code dense_1/kernel}: it seeds the tensor's
 * initializer and names it in saved files.
 *
 * <p><b>Precision.</b> A parameter is double precision unless its layer makes it single
 * ({@link #setSinglePrecision}: a float32 layer, Keras's {@code dtype: float32}). Then its values
 * and gradient are floats ({@link #floatValue()}, {@link #floatGrad()}), which the layer's products
 * and the optimizers' single-precision rules ({@link Optimizer#hasSinglePrecisionRule()}) read and
 * write directly, and
 * {@link #value()} and {@link #grad()} are double views of them for every other reader (saving,
 * export, regularizers, constraints, the other optimizers): widened on request, and rounded back to
 * float on the next float request when written. The double view then only ever holds floats, so
 * saved float32 weights load back to the same bits.
 */
public final class Parameter {
  private final String name;
  private final int[] shape;
  private final Storage value;
  private final Storage grad;
  private Constraint constraint;

  /** A zero tensor of the given shape with its gradient buffer, in double precision. */
  public Parameter(String name, int... shape) {
    this.name = name;
    this.shape = shape.clone();
    int n = 1;
    for (int d : shape) {
      n = Math.multiplyExact(n, d);
    }
    this.value = new Storage(n);
    this.grad = new Storage(n);
  }

  /** The stable path of this tensor, for example {@code dense_1/kernel}. */
  public String name() {
    return name;
  }

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  /**
   * The values as doubles (live storage). For a single-precision parameter, a widened copy of the
   * floats; what is written into it is rounded to float when the floats are next asked for.
   */
  public double[] value() {
    return value.doubles();
  }

  /** The gradient of the loss for the current batch as doubles (live storage; as {@link #value()}). */
  public double[] grad() {
    return grad.doubles();
  }

  /**
   * The values of a single-precision parameter (live storage).
   *
   * @throws IllegalStateException for a double-precision parameter
   */
  public float[] floatValue() {
    return value.floats();
  }

  /**
   * The gradient of a single-precision parameter (live storage).
   *
   * @throws IllegalStateException for a double-precision parameter
   */
  public float[] floatGrad() {
    return grad.floats();
  }

  /** Whether the values and gradient are held in single precision (float32). */
  public boolean singlePrecision() {
    return value.single();
  }

  /**
   * Holds the values and gradient in single precision ({@code true}, rounding the values to
   * float) or double precision. Called by the layer when it is built, before training.
   */
  public void setSinglePrecision(boolean single) {
    value.setSingle(single);
    grad.setSingle(single);
  }

  /**
   * How many times the values or the gradient were converted between their float32 storage and
   * their double view (always 0 in float64): a float32 training converts them once or twice an
   * epoch (the epoch's weight snapshot), never per batch, unless something reads the double views
   * per batch (a regularizer, a constraint, clipping).
   */
  public long conversions() {
    return value.conversions() + grad.conversions();
  }

  /**
   * Copies {@code values} in (rounded to float for a single-precision parameter, at once, so that
   * {@link #value()} shows what the layer computes with).
   *
   * @throws IllegalArgumentException when the length differs from {@link #size()}
   */
  public void setValue(double[] values) {
    if (values.length != size()) {
      throw new IllegalArgumentException(name + " holds " + size() + " values, got " + values.length);
    }
    System.arraycopy(values, 0, value.doubles(), 0, values.length);
    if (singlePrecision()) {
      value.floats();
    }
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
      constraint.apply(value(), shape);
    }
  }

  /** Number of elements. */
  public int size() {
    return value.size();
  }
}

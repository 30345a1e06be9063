package dev.lamina.activation;

/** Keras's {@code linear} (identity) activation: f(x) = x, f'(x) = 1. What {@code activation=None} means. */
public final class Linear extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "linear";

  /** The identity. */
  public Linear() {
    super(NAME);
  }

  @Override
  public double apply(double x) {
    return x;
  }

  @Override
  public double derivative(double x, double y) {
    return 1;
  }
}

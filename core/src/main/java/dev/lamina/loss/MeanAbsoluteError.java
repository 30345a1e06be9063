package dev.lamina.loss;

/**
 * Keras's {@code MeanAbsoluteError} ({@code mean_absolute_error}, {@code mae}): the row loss is
 * mean(|pred - target|) over the columns; f(e) = |e|, f'(e) = sign(e), with the subgradient 0 at
 * e = 0 (as TensorFlow's gradient of abs).
 */
public final class MeanAbsoluteError extends ElementwiseLoss {
  /** The canonical name. */
  public static final String NAME = "mean_absolute_error";

  /** Mean absolute error. */
  public MeanAbsoluteError() {
    super(NAME);
  }

  @Override
  public double value(double error) {
    return Math.abs(error);
  }

  @Override
  public double derivative(double error) {
    return Math.signum(error);
  }
}

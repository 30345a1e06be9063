package dev.lamina.loss;

/**
 * Keras's {@code MeanSquaredError} ({@code mean_squared_error}, {@code mse}): the row loss is
 * mean((pred - target)^2) over the columns; f(e) = e^2, f'(e) = 2e.
 */
public final class MeanSquaredError extends ElementwiseLoss {
  /** The canonical name. */
  public static final String NAME = "mean_squared_error";

  /** Mean squared error. */
  public MeanSquaredError() {
    super(NAME);
  }

  @Override
  public double value(double error) {
    return error * error;
  }

  @Override
  public double derivative(double error) {
    return 2 * error;
  }
}

package dev.lamina.loss;

/**
 * Keras's {@code Huber(delta=1.0)} (function {@code huber}; the class's default loss name is
 * {@code huber_loss}) (Huber, 1964): with e = pred - target,
 * f(e) = 0.5 e^2 when |e| &lt;= delta, else delta |e| - 0.5 delta^2; f'(e) = e, or delta sign(e)
 * outside. Quadratic near zero, linear (so robust to outliers) beyond delta; the two pieces meet
 * with equal value and slope at |e| = delta. The row loss is the mean over the columns.
 */
public final class Huber extends ElementwiseLoss {
  /** The canonical name (Keras's function name). */
  public static final String NAME = "huber";
  /** Keras's default delta. */
  public static final double DEFAULT_DELTA = 1.0;

  private final double delta;

  /** With delta = 1. */
  public Huber() {
    this(DEFAULT_DELTA);
  }

  /** With the given positive, finite delta. */
  public Huber(double delta) {
    super(NAME);
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("huber delta must be a positive finite number, got " + delta);
    }
    this.delta = delta;
  }

  /** Where the loss turns from quadratic to linear. */
  public double delta() {
    return delta;
  }

  @Override
  public double value(double error) {
    double a = Math.abs(error);
    return a <= delta ? 0.5 * error * error : delta * a - 0.5 * delta * delta;
  }

  @Override
  public double derivative(double error) {
    return Math.abs(error) <= delta ? error : delta * Math.signum(error);
  }
}

package dev.lamina.activation;

import org.apache.commons.math3.special.Erf;

/**
 * Keras's {@code gelu(x, approximate=False)} (Hendrycks and Gimpel, 2016, "Gaussian Error Linear
 * Units").
 *
 * <p>Exact: f(x) = x Phi(x) = 0.5 x (1 + erf(x / sqrt 2)), f'(x) = Phi(x) + x phi(x), with the
 * standard normal distribution Phi and density phi. Phi is evaluated as 0.5 erfc(-x / sqrt 2)
 * (commons-math3, accurate to about 1e-15) so that the left tail keeps its relative accuracy
 * instead of cancelling in 1 + erf.
 *
 * <p>Approximate: f(x) = 0.5 x (1 + tanh(u)), u = sqrt(2/pi) (x + 0.044715 x^3), with
 * f'(x) = 0.5 (1 + t) + 0.5 x (1 - t^2) sqrt(2/pi) (1 + 3 * 0.044715 x^2), t = tanh(u).
 *
 * <p>{@code keras.activations.gelu} and Keras 2 default to the exact form, while
 * {@code keras.ops.gelu} defaults to the approximation.
 */
public final class Gelu extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "gelu";
  /** Keras's default: the exact erf form. */
  public static final boolean DEFAULT_APPROXIMATE = false;
  /** The cubic coefficient of the tanh approximation (Hendrycks and Gimpel). */
  public static final double TANH_CUBIC_COEFFICIENT = 0.044715;
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
  private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  private final boolean approximate;

  /** The exact GELU. */
  public Gelu() {
    this(DEFAULT_APPROXIMATE);
  }

  /** The exact GELU, or the tanh approximation when {@code approximate}. */
  public Gelu(boolean approximate) {
    super(NAME);
    this.approximate = approximate;
  }

  /** Whether this is the tanh approximation. */
  public boolean approximate() {
    return approximate;
  }

  /** The standard normal distribution function Phi(x), accurate in both tails. */
  public static double normalCdf(double x) {
    return 0.5 * Erf.erfc(-x * INV_SQRT_2);
  }

  @Override
  public double apply(double x) {
    if (approximate) {
      double u = SQRT_2_OVER_PI * (x + TANH_CUBIC_COEFFICIENT * x * x * x);
      return 0.5 * x * (1 + Math.tanh(u));
    }
    return x * normalCdf(x);
  }

  @Override
  public double derivative(double x, double y) {
    if (approximate) {
      double u = SQRT_2_OVER_PI * (x + TANH_CUBIC_COEFFICIENT * x * x * x);
      double t = Math.tanh(u);
      double sech2 = 1 - t * t;
      // Once tanh has saturated the second term is exactly 0; skipping it avoids 0 * infinity for huge x.
      double slope = sech2 == 0 ? 0 : 0.5 * x * sech2 * SQRT_2_OVER_PI * (1 + 3 * TANH_CUBIC_COEFFICIENT * x * x);
      return 0.5 * (1 + t) + slope;
    }
    return normalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  @Override
  public boolean isReluFamily() {
    return true;
  }
}

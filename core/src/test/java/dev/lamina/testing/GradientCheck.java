package dev.lamina.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.random.Rng;

/**
 * Central-difference gradient checks in double precision, shared by the activation, loss and layer
 * tests.
 *
 * <p>Usage: wrap the computation as a {@link ScalarFunction} of one array (a layer's kernel, a
 * batch of pre-activations, ...), get the analytic gradient from the code under test, then
 * {@link #assertMatches(double[], double[], double, String)} it against
 * {@link #numericGradient(ScalarFunction, double[], double)}. The array is perturbed in place and
 * restored bit for bit, so the function may read it through any reference, for example a layer
 * that holds the same kernel array.
 *
 * <p>Error model: the numeric gradient is the fourth-order central difference
 * (-f(x+2h) + 8 f(x+h) - 8 f(x-h) + f(x-2h)) / 12h, whose truncation error is h^4 f^(5) / 30 and
 * whose rounding error is about eps |f| / h. With h = 1e-3 both are near 1e-13 |f|, about a hundred
 * times below what the plain two-point difference reaches at its best step; that is what lets a
 * gradient entry of 1e-5 (a softmax output far from the maximum) be checked to 1e-6 relative
 * without an absolute floor. Piecewise functions must be sampled at least 2h from their kinks.
 */
public final class GradientCheck {
  /** The default finite-difference step, balancing truncation and rounding for the fourth-order stencil. */
  public static final double DEFAULT_STEP = 1e-3;
  /** The default acceptable relative error between analytic and numeric gradients. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** A scalar function of an array, for example a loss as a function of a layer's weights. */
  @FunctionalInterface
  public interface ScalarFunction {
    /** f(x). Must not keep or modify {@code x}. */
    double value(double[] x);
  }

  private GradientCheck() {}

  /**
   * The fourth-order central-difference gradient
   * (-f(x + 2h e_i) + 8 f(x + h e_i) - 8 f(x - h e_i) + f(x - 2h e_i)) / 12h for every i in
   * {@code [0, x.length)}. Each element is restored exactly after its evaluations.
   */
  public static double[] numericGradient(ScalarFunction f, double[] x, double h) {
    return numericGradient(f, x, x.length, h);
  }

  /** As {@link #numericGradient(ScalarFunction, double[], double)} for the first {@code n} elements only. */
  public static double[] numericGradient(ScalarFunction f, double[] x, int n, double h) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      double saved = x[i];
      double plus2 = at(f, x, i, saved + 2 * h);
      double plus1 = at(f, x, i, saved + h);
      double minus1 = at(f, x, i, saved - h);
      double minus2 = at(f, x, i, saved - 2 * h);
      x[i] = saved;
      g[i] = (8 * (plus1 - minus1) - (plus2 - minus2)) / (12 * h);
    }
    return g;
  }

  private static double at(ScalarFunction f, double[] x, int i, double value) {
    x[i] = value;
    return f.value(x);
  }

  /** {@link #numericGradient(ScalarFunction, double[], double)} with {@link #DEFAULT_STEP}. */
  public static double[] numericGradient(ScalarFunction f, double[] x) {
    return numericGradient(f, x, DEFAULT_STEP);
  }

  /**
   * The largest elementwise relative error |a - n| / max(|a|, |n|) over the first
   * {@code numeric.length} elements (so {@code analytic} may be a longer buffer). Elements equal in
   * both (including two exact zeros) count as 0. No absolute floor: an analytic 0 against a
   * numeric 1e-13 is an error of 1; use {@link #maxRelativeError(double[], double[], double)} where
   * gradients legitimately approach 0.
   */
  public static double maxRelativeError(double[] analytic, double[] numeric) {
    return maxRelativeError(analytic, numeric, 0);
  }

  /**
   * The largest elementwise error |a - n| / max(|a|, |n|, floor): relative for large entries,
   * absolute (scaled by 1/floor) for entries below {@code floor}. NaN anywhere gives NaN.
   */
  public static double maxRelativeError(double[] analytic, double[] numeric, double floor) {
    return relativeError(analytic, numeric, worstIndex(analytic, numeric, floor), floor);
  }

  /** The index of the largest error as {@link #maxRelativeError(double[], double[], double)} measures it. */
  public static int worstIndex(double[] analytic, double[] numeric, double floor) {
    int worst = 0;
    double max = -1;
    for (int i = 0; i < numeric.length; i++) {
      double e = relativeError(analytic, numeric, i, floor);
      if (Double.isNaN(e)) {
        return i;
      }
      if (e > max) {
        max = e;
        worst = i;
      }
    }
    return worst;
  }

  private static double relativeError(double[] analytic, double[] numeric, int i, double floor) {
    if (numeric.length == 0) {
      return 0;
    }
    double a = analytic[i];
    double n = numeric[i];
    if (a == n) {
      return 0;
    }
    return Math.abs(a - n) / Math.max(Math.max(Math.abs(a), Math.abs(n)), floor);
  }

  /** A one-line account of the worst element, for assertion messages. */
  public static String describeWorst(double[] analytic, double[] numeric, double floor) {
    int i = worstIndex(analytic, numeric, floor);
    return numeric.length == 0 ? "no elements" : "worst at [" + i + "]: analytic " + analytic[i] + ", numeric "
        + numeric[i] + ", relative error " + relativeError(analytic, numeric, i, floor);
  }

  /**
   * Asserts that {@code analytic} matches {@code numeric} within {@code tolerance} relative error
   * (no floor), naming {@code what} and the worst element on failure.
   */
  public static void assertMatches(double[] analytic, double[] numeric, double tolerance, String what) {
    assertMatches(analytic, numeric, tolerance, 0, what);
  }

  /** As {@link #assertMatches(double[], double[], double, String)} with an absolute floor. */
  public static void assertMatches(double[] analytic, double[] numeric, double tolerance, double floor, String what) {
    double err = maxRelativeError(analytic, numeric, floor);
    assertThat(err)
        .as("%s: gradient check, %s", what, describeWorst(analytic, numeric, floor))
        .isLessThan(tolerance);
  }

  /** {@code n} uniform values in [lo, hi) from {@code rng}. */
  public static double[] uniform(Rng rng, int n, double lo, double hi) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextDouble(lo, hi);
    }
    return a;
  }

  /**
   * {@code n} uniform values in [lo, hi) that keep at least {@code margin} from every multiple of
   * {@code spacing}, for checking piecewise functions away from their kinks (relu at 0,
   * hard_sigmoid at +-3, a threshold of 1, ...), where a central difference straddling the kink
   * would not measure the derivative.
   */
  public static double[] uniformAwayFromGrid(Rng rng, int n, double lo, double hi, double spacing, double margin) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      double x;
      do {
        x = rng.nextDouble(lo, hi);
      } while (Math.abs(x - spacing * Math.rint(x / spacing)) < margin);
      a[i] = x;
    }
    return a;
  }
}

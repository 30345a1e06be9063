package dev.lamina.diagnose;

/**
 * When an output of a saturating activation counts as saturated: it sits where the derivative is
 * below about 1% of its peak, so almost no gradient passes.
 *
 * <ul>
 *   <li>sigmoid: output below {@value #SIGMOID_LOW} or above {@value #SIGMOID_HIGH}
 *       (sigma'(z) = s(1 - s) &lt; 0.0099, against 0.25 at 0);</li>
 *   <li>tanh, softsign: |output| above {@value #SYMMETRIC_LIMIT} (tanh' = 1 - t^2 &lt; 0.02);</li>
 *   <li>hard_sigmoid: output at 0 or 1 exactly (its derivative is 0 there);</li>
 *   <li>other activations never saturate by this definition.</li>
 * </ul>
 */
public final class Saturation {
  /** Lower bound of sigmoid's non-saturated range. */
  public static final double SIGMOID_LOW = 0.01;
  /** Upper bound of sigmoid's non-saturated range. */
  public static final double SIGMOID_HIGH = 0.99;
  /** |output| above which tanh and softsign are saturated. */
  public static final double SYMMETRIC_LIMIT = 0.99;

  private Saturation() {}

  /** Whether {@code activation} (canonical name) has a saturation rule here. */
  public static boolean applies(String activation) {
    return switch (activation) {
      case "sigmoid", "tanh", "softsign", "hard_sigmoid" -> true;
      default -> false;
    };
  }

  /** Whether {@code output} of {@code activation} is saturated. */
  public static boolean isSaturated(String activation, double output) {
    return switch (activation) {
      case "sigmoid" -> output < SIGMOID_LOW || output > SIGMOID_HIGH;
      case "tanh", "softsign" -> Math.abs(output) > SYMMETRIC_LIMIT;
      case "hard_sigmoid" -> output <= 0 || output >= 1;
      default -> false;
    };
  }
}

package dev.lamina.report;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Python's {@code repr(float)}, so CSV files read the same as the ones Keras writes: the shortest
 * decimal that parses back to the same double, in fixed notation when the decimal point falls
 * within {@code 1e-4 <= |x| < 1e16} ({@code 0.0001}, {@code 123.0}) and otherwise in scientific
 * notation with a signed, at least two-digit exponent ({@code 1e-05}, {@code 1.5e+16}); {@code nan},
 * {@code inf}, {@code -inf} for the non-finite values (CPython {@code float_repr}, mode 'r').
 *
 * <p>The shortest digits come from Jackson's Schubfach writer; Java 17's {@code Double.toString}
 * sometimes prints one digit too many (JDK-4511638, fixed in Java 19). Both always give two
 * significant digits where one would do ({@code 4.9E-324}, Python {@code 5e-324}); that case is
 * checked separately.
 */
final class PythonFloat {
  /** CPython switches to scientific notation when the decimal exponent leaves (-4, 16]. */
  private static final int MIN_FIXED_POINT = -4;
  private static final int MAX_FIXED_POINT = 16;

  private PythonFloat() {}

  /** The text Python's {@code repr} gives for {@code x}. */
  static String repr(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return 1 / x < 0 ? "-0.0" : "0.0";
    }
    String java = NumberOutput.toString(Math.abs(x), true);
    int e = java.indexOf('E');
    String mantissa = e < 0 ? java : java.substring(0, e);
    int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
    int dot = mantissa.indexOf('.');
    String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    // x = 0.DIGITS * 10^point, with DIGITS stripped of leading and trailing zeros.
    int point = (dot < 0 ? mantissa.length() : dot) + exponent;
    int first = 0;
    while (digits.charAt(first) == '0') {
      first++;
      point--;
    }
    int last = digits.length();
    while (digits.charAt(last - 1) == '0') {
      last--;
    }
    digits = digits.substring(first, last);
    if (digits.length() == 2) {
      // Java's format always has two significant digits (4.9E-324); a single digit may suffice.
      int rounded = (digits.charAt(0) - '0') + (digits.charAt(1) >= '5' ? 1 : 0);
      String one = rounded == 10 ? "1" : String.valueOf(rounded);
      int onePoint = rounded == 10 ? point + 1 : point;
      if (Double.parseDouble("0." + one + "E" + onePoint) == Math.abs(x)) {
        digits = one;
        point = onePoint;
      }
    }
    String body = point > MIN_FIXED_POINT && point <= MAX_FIXED_POINT
        ? fixed(digits, point)
        : scientific(digits, point - 1);
    return x < 0 ? "-" + body : body;
  }

  private static String fixed(String digits, int point) {
    if (point <= 0) {
      return "0." + "0".repeat(-point) + digits;
    }
    if (point < digits.length()) {
      return digits.substring(0, point) + "." + digits.substring(point);
    }
    return digits + "0".repeat(point - digits.length()) + ".0";
  }

  private static String scientific(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = exponent < 0 ? "-" : "+";
    int magnitude = Math.abs(exponent);
    return mantissa + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
  }
}

package dev.lamina.tune;

import java.util.Locale;

/** How values of settings and metrics are written in tables and messages. */
final class TuneFormat {
  private TuneFormat() {}

  /** A setting: numbers from ranges to four significant digits, whole numbers and names as they are. */
  static String value(Object v) {
    if (v instanceof Double d && Double.isFinite(d)) {
      String s = new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
      return s.contains(".") ? s : s + ".0";
    }
    return String.valueOf(v);
  }

  /** A metric to four decimals, "-" for NaN. */
  static String metric(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }
}

package dev.lamina.sweep;

import java.util.ArrayList;
import java.util.List;

/** The cells of the sweep's and the search's reports: CSV quoting, and JSON numbers with NaN as null. */
public final class ReportCells {
  private ReportCells() {}

  /** {@code s} as one CSV cell: quoted when it holds a comma, a quote or a new line. */
  public static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  /** {@code v}, or null when not finite (JSON has no NaN). */
  public static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** Each value by {@link #finite(double)}. */
  public static List<Double> finite(double[] v) {
    List<Double> l = new ArrayList<>();
    for (double d : v) {
      l.add(finite(d));
    }
    return l;
  }
}

package dev.lamina.table;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one CSV cell is read: what counts as missing and what counts as a number.
 *
 * <p>Surrounding spaces are ignored. A cell is <b>missing</b> when it is empty or is one of
 * {@code NA}, {@code NaN} or {@code null} (any letter case) - the spellings pandas, R and most
 * exports write for "no value". A <b>number</b> is a plain decimal ({@code 42}, {@code -3.5},
 * {@code .5}, {@code 1e-3}); {@code Inf}/{@code Infinity} and values too large for a double are
 * refused, because a network cannot learn from them. Java-only forms such as {@code 0x1p3} or
 * {@code 1d} are not numbers here, so a file means the same thing in Lamina as in pandas.
 */
final class Cells {
  private static final Set<String> MISSING = Set.of("", "na", "nan", "null");
  /** The longest spelling in {@link #MISSING}. */
  private static final int MAX_MISSING_CHARS = 4;
  private static final String INFINITY = "[+-]?(inf|infinity)";

  private Cells() {}

  /** Whether the cell holds no value. */
  static boolean isMissing(String cell) {
    if (cell == null) {
      return true;
    }
    String s = cell.strip();
    // Lower-casing never shortens a string, so a longer cell cannot be one of the spellings; the
    // check spares a lower-cased copy of every number of a large file.
    return s.length() <= MAX_MISSING_CHARS && MISSING.contains(s.toLowerCase(Locale.ROOT));
  }

  /** Whether the (non-missing) cell is a finite decimal number. */
  static boolean isNumber(String cell) {
    return !Double.isNaN(finiteValue(cell));
  }

  /** The cell's value if it is a finite decimal number, else NaN (text, infinite or out of range). */
  static double finiteValue(String cell) {
    String s = cell.strip();
    if (!isDecimal(s)) {
      return Double.NaN;
    }
    double v = Double.parseDouble(s);
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /**
   * Whether {@code s} is a plain decimal: {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?} with
   * ASCII digits. Scanned by hand because every cell of a file goes through it: a regular
   * expression costs several times as much, and on a cold JVM its matcher is what the JIT
   * compiler spends the most time on while the file is read.
   */
  static boolean isDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int start = i;
    i = digits(s, i);
    int intDigits = i - start;
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      int frac = i + 1;
      i = digits(s, frac);
      fracDigits = i - frac;
    }
    if (intDigits == 0 && fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = i;
      i = digits(s, exp);
      if (i == exp) {
        return false;
      }
    }
    return i == n;
  }

  /** The index of the first non-digit at or after {@code i}. */
  private static int digits(String s, int i) {
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /**
   * The cell's value as a finite double.
   *
   * @throws DataException naming the place when the cell is text, infinite or out of range
   */
  static double parse(String cell, String file, long row, long line, String column) {
    String s = cell.strip();
    if (isDecimal(s)) {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) {
        return v;
      }
      throw new DataException(file, row, line, column, "'" + s + "' is too large for a double"
          + " (beyond 1.8e308); rescale the column or fix the value");
    }
    if (Pattern.compile(INFINITY, Pattern.CASE_INSENSITIVE).matcher(s).matches()) {
      throw new DataException(file, row, line, column, "'" + s + "' is infinite, and a network"
          + " cannot learn from infinite values; replace it with a finite number, or leave the cell"
          + " empty and add a fill_missing rule for '" + column + "'");
    }
    throw new DataException(file, row, line, column, "'" + s + "' is not a number; fix the value,"
        + " or if the column is categorical add it to one_hot or label_encode");
  }

  /** The error for a missing cell in a column that has no fill rule. */
  static DataException missing(String cell, String file, long row, long line, String column, boolean categorical) {
    String shown = cell == null || cell.isBlank() ? "empty" : "'" + cell.strip() + "'";
    String rule = categorical ? "{" + column + ": mode}" : "{" + column + ": mean} (or median, mode, or a number)";
    return new DataException(file, row, line, column, "the value is missing (" + shown
        + "); fix the row, or add a rule to the data section: fill_missing: " + rule);
  }
}

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
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INFINITY = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);

  private Cells() {}

  /** Whether the cell holds no value. */
  static boolean isMissing(String cell) {
    return cell == null || MISSING.contains(cell.strip().toLowerCase(Locale.ROOT));
  }

  /** Whether the (non-missing) cell is a finite decimal number. */
  static boolean isNumber(String cell) {
    String s = cell.strip();
    return NUMBER.matcher(s).matches() && Double.isFinite(Double.parseDouble(s));
  }

  /**
   * The cell's value as a finite double.
   *
   * @throws DataException naming the place when the cell is text, infinite or out of range
   */
  static double parse(String cell, String file, long row, long line, String column) {
    String s = cell.strip();
    if (NUMBER.matcher(s).matches()) {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) {
        return v;
      }
      throw new DataException(file, row, line, column, "'" + s + "' is too large for a double"
          + " (beyond 1.8e308); rescale the column or fix the value");
    }
    if (INFINITY.matcher(s).matches()) {
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

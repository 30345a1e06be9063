package dev.lamina.table;

import com.fasterxml.jackson.core.io.NumberInput;
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

  /**
   * A value given as an object (a JSON number, boolean or string) as the text of a CSV cell: null
   * stays null (missing), an integral number has no decimal point ({@code 2.0} reads as {@code 2},
   * as pandas writes integer columns), other numbers use Java's shortest round-trip digits.
   */
  static String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return Double.toString(d);
    }
    return value.toString();
  }

  /** Whether the cell holds no value. */
  static boolean isMissing(String cell) {
    if (cell == null) {
      return true;
    }
    String s = cell.strip();
    // Lower-casing never shortens a string, so a longer cell cannot be one of the spellings; the
    // check spares a lower-cased copy of every number of a large file. The comparison ignoring
    // case matches what lower-casing and looking up would (no other character folds to the
    // letters of the spellings) without a lower-cased copy of every short cell.
    if (s.length() > MAX_MISSING_CHARS) {
      return false;
    }
    for (String spelling : MISSING) {
      if (s.equalsIgnoreCase(spelling)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the (non-missing) cell is a finite decimal number. */
  static boolean isNumber(String cell) {
    return !Double.isNaN(finiteValue(cell));
  }

  /** The cell's value if it is a finite decimal number, else NaN (text, infinite or out of range). */
  static double finiteValue(String cell) {
    double v = decimal(cell.strip());
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /** Whether {@code s} is a plain decimal: {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?} with ASCII digits. */
  static boolean isDecimal(String s) {
    return !Double.isNaN(decimal(s));
  }

  /** Exact powers of ten: every one up to 1e22 is a double. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22
  };
  /** Significant digits whose integer is exact in a double (below 2^53). */
  private static final int EXACT_DIGITS = 15;
  /** An exponent past which the fast path gives up (the value is far outside its range). */
  private static final int EXPONENT_LIMIT = 1000;

  /**
   * The correctly rounded value of {@code s} when it is a plain decimal
   * ({@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?}, ASCII digits; possibly infinite when out of
   * range), the same double {@link Double#parseDouble} returns; NaN when it is not one.
   *
   * <p>One scan checks the grammar and gathers the significant digits. With at most 15 of them and
   * a power of ten 10^e with |e| &lt;= 22, both are exact doubles, so one rounded product or
   * quotient is the correctly rounded value (Clinger's fast path, which the JDK's parser takes
   * too). Otherwise the Eisel-Lemire parser of FastDoubleParser that Jackson bundles, which falls
   * back to an exact big-number algorithm for the rare hard cases, so it is exact too.
   *
   * <p>Why by hand: every cell of a file goes through it. A regular expression for the grammar
   * cost several times as much (and on a cold JVM its matcher was what the JIT compiler spent the
   * most time on while a file was read); {@code Double.parseDouble} takes the JDK's big-integer
   * path for 16 or 17 significant digits - every number written exactly by numpy, pandas or Java
   * ({@code %.17g}, {@code repr}) - about 1 us a cell; and a second scan for the fast path, after
   * the grammar's, took a fifth of a large file's parsing.
   */
  static double decimal(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long m = 0;
    int significant = 0;
    int scale = 0;
    int mantissaDigits = 0;
    boolean fraction = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        mantissaDigits++;
        if (fraction) {
          scale--;
        }
        if (m == 0 && c == '0') {
          continue;
        }
        if (++significant <= EXACT_DIGITS) {
          m = m * 10 + (c - '0');
        }
      } else if (c == '.' && !fraction) {
        fraction = true;
      } else {
        break;
      }
    }
    if (mantissaDigits == 0) {
      return Double.NaN;
    }
    int exponent = 0;
    if (i < n) {
      char c = s.charAt(i);
      if (c != 'e' && c != 'E') {
        return Double.NaN;
      }
      i++;
      boolean down = i < n && s.charAt(i) == '-';
      if (i < n && (s.charAt(i) == '+' || down)) {
        i++;
      }
      if (i == n) {
        return Double.NaN;
      }
      for (; i < n; i++) {
        c = s.charAt(i);
        if (c < '0' || c > '9') {
          return Double.NaN;
        }
        exponent = exponent > EXPONENT_LIMIT ? exponent : exponent * 10 + (c - '0');
      }
      exponent = down ? -exponent : exponent;
    }
    int power = exponent + scale;
    double v;
    if (m == 0) {
      v = 0.0;
    } else if (significant > EXACT_DIGITS || Math.abs(exponent) > EXPONENT_LIMIT) {
      return NumberInput.parseDouble(s, true);
    } else if (power >= 0 && power < POWERS_OF_TEN.length) {
      v = m * POWERS_OF_TEN[power];
    } else if (power < 0 && -power < POWERS_OF_TEN.length) {
      v = m / POWERS_OF_TEN[-power];
    } else {
      return NumberInput.parseDouble(s, true);
    }
    return negative ? -v : v;
  }

  /**
   * The cell's value as a finite double.
   *
   * @throws DataException naming the place when the cell is text, infinite or out of range
   */
  static double parse(String cell, String file, long row, long line, String column) {
    String s = cell.strip();
    double v = decimal(s);
    if (!Double.isNaN(v)) {
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
    throw new DataException(file, row, line, column, "'" + s + "' is not a number" + CsvSniffer.numberHint(s)
        + "; fix the value, or if the column is categorical add it to one_hot or label_encode");
  }

  /** The error for a missing cell in a column that has no fill rule. */
  static DataException missing(String cell, String file, long row, long line, String column, boolean categorical) {
    String shown = cell == null || cell.isBlank() ? "empty" : "'" + cell.strip() + "'";
    String key = yamlKey(column);
    String rule = categorical ? "{" + key + ": mode}" : "{" + key + ": mean} (or median, mode, or a number)";
    return new DataException(file, row, line, column, "the value is missing (" + shown
        + "); fix the row, or add a rule to the data section: fill_missing: " + rule);
  }

  /** {@code name} as a YAML flow-map key: plain when YAML reads it back as the same text, else single-quoted. */
  static String yamlKey(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_.-]*( [A-Za-z0-9_.-]+)*") ? name : "'" + name.replace("'", "''") + "'";
  }
}

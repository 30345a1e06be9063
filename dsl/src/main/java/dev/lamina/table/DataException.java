package dev.lamina.table;

/**
 * A data file that Lamina cannot turn into numbers: a missing file, a ragged row, text in a numeric
 * column, a missing value without a {@code fill_missing} rule, an unseen category, and so on. The
 * command line maps it to exit code 3.
 *
 * <p>The message always reads {@code where: what; how to fix}, for example
 * {@code data/churn.csv row 17 (line 18), column 'Age': 'abc' is not a number; ...}. {@code row} is
 * the 1-based data row (the header is not counted, blank lines are skipped), the same number that
 * {@link PreparedData#trainRows()} and {@code predictions.csv} use; {@code line} is the 1-based
 * physical line of the file where that row starts (they differ by one unless a quoted value spans
 * lines). Either is 0 when unknown; file and column are null when unknown.
 */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final long row;
  private final long line;
  private final String column;
  private final String detail;

  /**
   * An error at a place in a file.
   *
   * @param file the file as the user named it, or null
   * @param row the 1-based data row, or 0
   * @param line the 1-based physical line, or 0
   * @param column the column name, or null
   * @param detail what is wrong and how to fix it
   */
  public DataException(String file, long row, long line, String column, String detail) {
    super(where(file, row, line, column) + detail);
    this.file = file;
    this.row = row;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** An error about a whole file (or, with a null file, about the data in general). */
  public DataException(String file, String detail) {
    this(file, 0, 0, null, detail);
  }

  private static String where(String file, long row, long line, String column) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
    }
    if (row > 0) {
      sb.append(sb.length() > 0 ? " " : "").append("row ").append(row);
      if (line > 0) {
        sb.append(" (line ").append(line).append(')');
      }
    } else if (line > 0) {
      sb.append(sb.length() > 0 ? " " : "").append("line ").append(line);
    }
    if (column != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("column '").append(column).append('\'');
    }
    return sb.length() > 0 ? sb.append(": ").toString() : "";
  }

  /** The file as the user named it, or null. */
  public String file() {
    return file;
  }

  /** The 1-based data row (header not counted), or 0 when the error is not about one row. */
  public long row() {
    return row;
  }

  /** The 1-based physical line where the row starts, or 0. */
  public long line() {
    return line;
  }

  /** The column name, or null. */
  public String column() {
    return column;
  }

  /** The message without the place prefix. */
  public String detail() {
    return detail;
  }
}

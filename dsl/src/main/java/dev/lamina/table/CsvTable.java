package dev.lamina.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole CSV file in memory as strings: its header, its rows, and each row's number and line.
 * {@link TablePipeline#prepare} needs every row at once (to split and to fit statistics); the
 * streaming path reads with {@link CsvReader} directly.
 */
final class CsvTable {
  private final String file;
  private final List<String> header;
  private final List<String[]> rows;
  private final long[] lines;

  private CsvTable(String file, List<String> header, List<String[]> rows, long[] lines) {
    this.file = file;
    this.header = header;
    this.rows = rows;
    this.lines = lines;
  }

  /**
   * Reads every row of {@code path}.
   *
   * @throws DataException for every problem {@link CsvReader} finds, and for a file with a header
   *     but no data rows
   */
  static CsvTable read(Path path) {
    try (CsvReader reader = CsvReader.open(path)) {
      List<String[]> rows = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      while (reader.next()) {
        rows.add(reader.fields());
        lines.add(reader.line());
      }
      if (rows.isEmpty()) {
        throw noRows(reader.file(), reader.header());
      }
      long[] lineNumbers = new long[rows.size()];
      for (int i = 0; i < lineNumbers.length; i++) {
        lineNumbers[i] = lines.get(i);
      }
      return new CsvTable(reader.file(), reader.header(), rows, lineNumbers);
    }
  }

  /** The error for a file whose header is followed by no data. */
  static DataException noRows(String file, List<String> header) {
    return new DataException(file, "the file has a header (" + String.join(", ", header)
        + ") but no data rows; add rows below the header");
  }

  String file() {
    return file;
  }

  List<String> header() {
    return header;
  }

  int size() {
    return rows.size();
  }

  String[] row(int i) {
    return rows.get(i);
  }

  /** The 1-based data row number of row {@code i} (blank lines are not rows). */
  long rowNumber(int i) {
    return i + 1L;
  }

  long line(int i) {
    return lines[i];
  }

  /** The index of {@code column} in the header, or -1. */
  int indexOf(String column) {
    return header.indexOf(column);
  }
}

package dev.lamina.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A CSV file held column by column in primitive arrays, keeping only the columns a pipeline needs:
 * a numeric column as one {@code int} per row while its values are whole numbers and one
 * {@code double} per row from its first other value on, a categorical column (and the target) as
 * one {@code int} code per row into its distinct values. No cell stays a {@code String}, so a file of
 * n rows and k used columns costs about {@code n * (8 k + 8)} bytes instead of a String object per
 * cell (about 50 bytes each, for every column of the file).
 *
 * <p>Rows stream in through {@link CsvReader}, so every error the reader finds (a ragged row, a
 * malformed quote) comes in file order, as before. A missing cell, a text cell in a numeric column
 * and the first such cell of each column (with its raw text, for messages) are remembered, so the
 * checks done after reading report the same first problem, with the same words, as checks over
 * the raw text would.
 */
final class ColumnStore {
  /** How a column is stored. */
  enum Kind {
    /** Parsed as it is read: one double per row. */
    NUMBER,
    /** Dictionary codes: one int per row. */
    CODES,
    /**
     * Codes while the column has at most {@link #MAX_TARGET_CODES} distinct values (class labels),
     * then doubles (a regression target).
     */
    TARGET
  }

  /** Distinct values past which a target is stored as numbers. */
  static final int MAX_TARGET_CODES = 65_536;

  // Finite values are numbers; these NaN payloads mark the other cells of a numeric column.
  private static final long MISSING_BITS = 0x7ff8_0000_0000_0001L;
  private static final long TEXT_BITS = 0x7ff8_0000_0000_0002L;
  // The same marks in a column of whole numbers, and the least whole number it holds.
  private static final int WHOLE_MISSING = Integer.MIN_VALUE;
  private static final int WHOLE_TEXT = Integer.MIN_VALUE + 1;
  private static final int WHOLE_MIN = Integer.MIN_VALUE + 2;
  private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);
  private static final int INITIAL_ROWS = 1024;
  /** The row at which the file's row count is estimated from the bytes read. */
  static final int ESTIMATE_AT_ROW = 16_384;
  /** The estimate's margin over the rows the file's size suggests. */
  private static final double ESTIMATE_MARGIN = 1.03;

  private final String file;
  private final List<String> header;
  private final Map<String, Column> columns;
  private final int size;
  private final long[] lines;
  private final String sha256;

  private ColumnStore(String file, List<String> header, Map<String, Column> columns, int size, long[] lines,
      String sha256) {
    this.sha256 = sha256;
    this.file = file;
    this.header = header;
    this.columns = columns;
    this.size = size;
    this.lines = lines;
  }

  /** The raw text and row index of a remembered cell. */
  record Cell(int row, String raw) {}

  /** One stored column, with its counts and first missing and text cells. */
  static final class Column {
    private final String name;
    private final Kind kind;
    private double[] numbers;
    // A numeric column holds whole numbers as ints (half the memory) until its first other value.
    private int[] whole;
    private int[] codes;
    private final List<String> values = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private int numberCount;
    private int textCount;
    private Cell firstMissing;
    private Cell firstText;

    Column(String name, Kind kind) {
      this.name = name;
      this.kind = kind;
      if (kind == Kind.NUMBER) {
        whole = new int[INITIAL_ROWS];
      } else {
        codes = new int[INITIAL_ROWS];
      }
    }

    private void add(int row, String raw) {
      if (whole != null) {
        if (row == whole.length) {
          whole = Arrays.copyOf(whole, grow(row));
        }
        double v = number(row, raw);
        long bits = Double.doubleToRawLongBits(v);
        if (bits == MISSING_BITS) {
          whole[row] = WHOLE_MISSING;
        } else if (bits == TEXT_BITS) {
          whole[row] = WHOLE_TEXT;
        } else if (v >= WHOLE_MIN && v <= Integer.MAX_VALUE && (int) v == v && bits != NEGATIVE_ZERO_BITS) {
          whole[row] = (int) v;
        } else {
          toDoubles(row);
          numbers[row] = v;
        }
      } else if (numbers != null) {
        if (row == numbers.length) {
          numbers = Arrays.copyOf(numbers, grow(row));
        }
        numbers[row] = number(row, raw);
      } else {
        if (row == codes.length) {
          codes = Arrays.copyOf(codes, grow(row));
        }
        codes[row] = code(row, raw);
        if (kind == Kind.TARGET && values.size() > MAX_TARGET_CODES) {
          toNumbers(row + 1);
        }
      }
    }

    /** Turns a column of whole numbers into doubles, from its first value that is not one. */
    private void toDoubles(int rows) {
      numbers = new double[whole.length];
      for (int r = 0; r < rows; r++) {
        numbers[r] = stored(whole[r]);
      }
      whole = null;
    }

    private static double stored(int w) {
      return w == WHOLE_MISSING ? Double.longBitsToDouble(MISSING_BITS)
          : w == WHOLE_TEXT ? Double.longBitsToDouble(TEXT_BITS) : w;
    }

    /** Row {@code i} of a numeric column: its number, or the payload marking a missing or text cell. */
    private double at(int i) {
      return whole != null ? stored(whole[i]) : numbers[i];
    }

    /** Turns a coded column into a numeric one (too many distinct values to be labels). */
    private void toNumbers(int rows) {
      countCodes(rows);
      double[] parsed = new double[values.size()];
      for (int v = 0; v < parsed.length; v++) {
        double value = Cells.finiteValue(values.get(v));
        parsed[v] = Double.isNaN(value) ? Double.longBitsToDouble(TEXT_BITS) : value;
      }
      numbers = new double[codes.length];
      for (int r = 0; r < rows; r++) {
        numbers[r] = codes[r] < 0 ? Double.longBitsToDouble(MISSING_BITS) : parsed[codes[r]];
      }
      codes = null;
      values.clear();
      index.clear();
    }

    private void countCodes(int rows) {
      int[] freq = new int[values.size()];
      for (int r = 0; r < rows; r++) {
        if (codes[r] >= 0) {
          freq[codes[r]]++;
        }
      }
      for (int v = 0; v < freq.length; v++) {
        if (Cells.isNumber(values.get(v))) {
          numberCount += freq[v];
        } else {
          textCount += freq[v];
        }
      }
    }

    private double number(int row, String raw) {
      if (Cells.isMissing(raw)) {
        firstMissing = firstMissing == null ? new Cell(row, raw) : firstMissing;
        return Double.longBitsToDouble(MISSING_BITS);
      }
      double v = Cells.finiteValue(raw);
      if (!Double.isNaN(v)) {
        numberCount++;
        return v;
      }
      textCount++;
      firstText = firstText == null ? new Cell(row, raw) : firstText;
      return Double.longBitsToDouble(TEXT_BITS);
    }

    private int code(int row, String raw) {
      if (Cells.isMissing(raw)) {
        firstMissing = firstMissing == null ? new Cell(row, raw) : firstMissing;
        return -1;
      }
      String value = raw.strip();
      Integer c = index.get(value);
      if (c == null) {
        c = values.size();
        values.add(value);
        index.put(value, c);
        if (!Cells.isNumber(value)) {
          firstText = firstText == null ? new Cell(row, raw) : firstText;
        }
      }
      return c;
    }

    /**
     * Ends the reading of {@code rows} rows. The arrays keep their spare capacity: a trimmed copy
     * would hold the column twice for a moment, and rows past {@code rows} are never read.
     */
    private void finish(int rows) {
      if (codes != null) {
        // Text and number counts of a coded column come from its distinct values' frequencies.
        countCodes(rows);
      }
    }

    /** Grows the arrays to hold {@code capacity} rows (the estimated row count of the file). */
    private void reserve(int capacity) {
      if (whole != null && whole.length < capacity) {
        whole = Arrays.copyOf(whole, capacity);
      } else if (numbers != null && numbers.length < capacity) {
        numbers = Arrays.copyOf(numbers, capacity);
      } else if (codes != null && codes.length < capacity) {
        codes = Arrays.copyOf(codes, capacity);
      }
    }

    String name() {
      return name;
    }

    /** Whether the column holds doubles (a numeric input, or a target with too many values for codes). */
    boolean numeric() {
      return numbers != null || whole != null;
    }

    /** Whether row {@code i} has no value. */
    boolean missing(int i) {
      return numeric() ? Double.doubleToRawLongBits(at(i)) == MISSING_BITS : codes[i] < 0;
    }

    /** Whether row {@code i} of a numeric column holds text. */
    boolean text(int i) {
      return Double.doubleToRawLongBits(at(i)) == TEXT_BITS;
    }

    /** The parsed value of row {@code i} of a numeric column (a number cell). */
    double number(int i) {
      return at(i);
    }

    /**
     * The cell of row {@code i} as the file had it (stripped): a coded column's value, or for a
     * missing cell its raw text when it is the column's first missing cell and "" otherwise.
     */
    String cell(int i) {
      if (numeric()) {
        if (text(i)) {
          return firstText != null && firstText.row() == i ? firstText.raw() : "?";
        }
        if (missing(i)) {
          return firstMissing != null && firstMissing.row() == i ? firstMissing.raw() : "";
        }
        return Double.toString(at(i));
      }
      if (codes[i] < 0) {
        return firstMissing != null && firstMissing.row() == i ? firstMissing.raw() : "";
      }
      return values.get(codes[i]);
    }

    /** The code of row {@code i} (-1 when missing) of a coded column. */
    int code(int i) {
      return codes[i];
    }

    /** The distinct non-missing values of a coded column, in order of first appearance. */
    List<String> values() {
      return values;
    }

    int numberCount() {
      return numberCount;
    }

    int textCount() {
      return textCount;
    }

    Cell firstText() {
      return firstText;
    }

    Cell firstMissing() {
      return firstMissing;
    }
  }

  /**
   * Reads {@code path}, storing the columns {@code plan} picks from the header (name to kind).
   * When {@code plan} throws (a spec that names a column the file lacks), the rows are still read
   * so that a broken row is reported first, as a row-by-row reader would, and the plan's error is
   * thrown after them.
   *
   * @throws DataException for every problem {@link CsvReader} finds, and for a header with no rows
   */
  static ColumnStore read(Path path, CsvFormat format, Function<List<String>, Map<String, Kind>> plan) {
    return read(path, format, plan, ReadAhead.MIN_BYTES);
  }

  /** {@link #read(Path, CsvFormat, Function)}, reading ahead on a second thread ({@link ReadAhead}) from {@code readAheadBytes}. */
  static ColumnStore read(Path path, CsvFormat format, Function<List<String>, Map<String, Kind>> plan,
      long readAheadBytes) {
    try (CsvReader reader = CsvReader.open(path, format);
        ReadAhead ahead = ReadAhead.pays(reader.fileSize(), readAheadBytes) ? new ReadAhead(reader) : null) {
      CsvRows source = ahead != null ? ahead : reader;
      Map<String, Column> columns = new LinkedHashMap<>();
      RuntimeException planError = null;
      try {
        plan.apply(reader.header()).forEach((name, kind) -> columns.put(name, new Column(name, kind)));
      } catch (RuntimeException e) {
        planError = e;
      }
      Column[] stored = new Column[reader.header().size()];
      for (Column c : columns.values()) {
        stored[reader.header().indexOf(c.name())] = c;
      }
      long[] lines = new long[INITIAL_ROWS];
      int rows = 0;
      while (source.next()) {
        if (rows == Integer.MAX_VALUE - 8) {
          throw new DataException(reader.file(), "the file has more than " + rows + " rows, more than one run can"
              + " hold; split it or sample it");
        }
        String[] fields = source.fields();
        for (int k = 0; k < stored.length; k++) {
          if (stored[k] != null) {
            stored[k].add(rows, fields[k]);
          }
        }
        if (rows == lines.length) {
          lines = Arrays.copyOf(lines, grow(rows));
        }
        lines[rows++] = source.line();
        if (rows == ESTIMATE_AT_ROW) {
          int capacity = estimateRows(source.bytesRead(), reader.fileSize(), rows);
          for (Column c : columns.values()) {
            c.reserve(capacity);
          }
          if (lines.length < capacity) {
            lines = Arrays.copyOf(lines, capacity);
          }
        }
      }
      if (planError != null) {
        throw planError;
      }
      if (rows == 0) {
        throw noRows(reader.file(), reader.header());
      }
      for (Column c : columns.values()) {
        c.finish(rows);
      }
      return new ColumnStore(reader.file(), reader.header(), columns, rows, lines, reader.sha256());
    }
  }

  /** The error for a file whose header is followed by no data. */
  static DataException noRows(String file, List<String> header) {
    return new DataException(file, "the file has a header (" + String.join(", ", header)
        + ") but no data rows; add rows below the header");
  }

  /**
   * The rows of a file of {@code size} bytes, estimated from the {@code bytes} its first {@code rows} rows took, with a
   * margin for the parser's read-ahead and longer rows further on. The arrays are then allocated
   * once at about their final size, instead of growing by half again and again: each step held
   * the old and the new array at once, and a final trimmed copy a third time.
   */
  private static int estimateRows(long bytes, long size, int rows) {
    if (bytes <= 0 || size <= 0 || bytes >= size) {
      return rows;
    }
    double estimate = (double) size / bytes * rows * ESTIMATE_MARGIN;
    return (int) Math.min(Integer.MAX_VALUE - 8L, (long) estimate);
  }

  private static int grow(int n) {
    return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(INITIAL_ROWS, n + (long) (n >> 1)));
  }

  String file() {
    return file;
  }

  List<String> header() {
    return header;
  }

  /** The SHA-256 (hex) of the bytes read, or null when the reader was not opened on a file. */
  String sha256() {
    return sha256;
  }

  int size() {
    return size;
  }

  /** The stored column {@code name}. */
  Column column(String name) {
    return columns.get(name);
  }

  /** The 1-based data row number of row {@code i}. */
  long rowNumber(int i) {
    return i + 1L;
  }

  long line(int i) {
    return lines[i];
  }
}

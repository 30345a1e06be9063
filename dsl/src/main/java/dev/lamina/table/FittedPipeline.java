package dev.lamina.table;

import dev.lamina.spec.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to turn raw CSV rows into the exact feature vectors a model was trained on:
 * the input columns it reads and how each is encoded (fill value, category levels), the feature
 * names in order, the scaler's statistics and the targets' names and classes. It is what
 * scikit-learn keeps in a fitted {@code ColumnTransformer} + {@code StandardScaler}, and what
 * {@link TablePipeline#prepare} builds from the training split.
 *
 * <p>Immutable and thread-safe. {@link #toMap()} gives plain maps, lists, strings, numbers and
 * booleans that a model file can embed as JSON (no type information); {@link #fromMap(Map)}
 * reads them back, and a round trip gives bit-identical features (doubles survive JSON exactly).
 *
 * <p>Columns are found by name, so a file at predict time may order its columns differently and
 * may have extra columns; the target columns may be absent.
 */
public final class FittedPipeline {
  /** The version written by {@link #toMap()}. */
  public static final int FORMAT = 1;

  private final List<ColumnEncoding> columns;
  private final List<TargetColumn> targets;
  private final Scaler scaler;
  private final List<String> inputColumns;
  private final List<String> featureNames;
  private final CsvFormat format;

  FittedPipeline(List<ColumnEncoding> columns, List<TargetColumn> targets, Scaler scaler) {
    this(columns, targets, scaler, CsvFormat.DEFAULT);
  }

  private FittedPipeline(List<ColumnEncoding> columns, List<TargetColumn> targets, Scaler scaler, CsvFormat format) {
    this.format = format;
    this.columns = List.copyOf(columns);
    this.targets = List.copyOf(targets);
    if (this.targets.isEmpty()) {
      throw PlainMaps.bad("target", "a pipeline has at least one target column");
    }
    this.scaler = scaler;
    List<String> inputs = new ArrayList<>();
    List<String> features = new ArrayList<>();
    for (ColumnEncoding c : this.columns) {
      inputs.add(c.name());
      features.addAll(c.featureNames());
    }
    this.inputColumns = List.copyOf(inputs);
    this.featureNames = List.copyOf(features);
    if (scaler.offset().length != featureNames.size()) {
      throw PlainMaps.bad("scaler", "it has " + scaler.offset().length + " features but the columns"
          + " make " + featureNames.size());
    }
  }

  /**
   * The one-hot columns that encode a category never seen in training as all zeros
   * ({@code handle_unknown: ignore}); the other columns refuse it.
   */
  public List<String> ignoringUnseen() {
    List<String> names = new ArrayList<>();
    for (ColumnEncoding c : columns) {
      if (c instanceof OneHotColumn o && o.ignoresUnseen()) {
        names.add(c.name());
      }
    }
    return names;
  }

  /** The CSV columns the pipeline reads, in the order their features appear. */
  public List<String> inputColumns() {
    return inputColumns;
  }

  /** The feature names in order, one-hot columns expanded in place ({@code Geography_Germany}). */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The number of features (the model's input width). */
  public int featureCount() {
    return featureNames.size();
  }

  /** The target columns' names, in output order (one for a single-target model). */
  public List<String> targets() {
    List<String> names = new ArrayList<>();
    for (TargetColumn t : targets) {
      names.add(t.name());
    }
    return List.copyOf(names);
  }

  /** The first (for a single-target model, the only) target's class names in index order, or empty when numeric. */
  public List<String> targetClasses() {
    return targets.get(0).classes();
  }

  /** Target {@code j}'s class names in index order, or empty when it is numeric. */
  public List<String> targetClasses(int j) {
    return targets.get(j).classes();
  }

  /** The scaling, {@code standard}, {@code minmax} or {@code none}. */
  public String scale() {
    return scaler.kind();
  }

  /** Per-feature offsets subtracted before scaling (standard: means; minmax: minima). */
  public double[] scaleOffsets() {
    return scaler.offset();
  }

  /** Per-feature divisors (standard: population standard deviations; minmax: ranges). */
  public double[] scaleFactors() {
    return scaler.factor();
  }

  /**
   * The features of one raw row.
   *
   * @param header the row's column names
   * @param row the row's cells, one per header name
   * @param rowNumber the 1-based data row, for error messages
   * @throws DataException when a needed column is missing, or a cell is missing without a fill,
   *     not a number, or an unseen category
   */
  public double[] transform(String[] header, String[] row, long rowNumber) {
    int[] at = locate(null, List.of(header));
    if (row.length != header.length) {
      throw new DataException(null, rowNumber, 0, null, "the row has " + row.length + " fields but"
          + " the header has " + header.length + "; give one value per column");
    }
    return encode(at, row, null, rowNumber, 0);
  }

  /** Whether {@code csv}'s header holds a target column (they are optional at predict time). */
  public boolean hasTargetColumn(Path csv) {
    try (CsvReader reader = CsvReader.open(csv, format)) {
      return targetPositions(reader.header()) != null;
    }
  }

  /** Each target's index in {@code header} (-1 when absent), or null when none is there. */
  private int[] targetPositions(List<String> header) {
    int[] at = new int[targets.size()];
    boolean any = false;
    for (int j = 0; j < at.length; j++) {
      at[j] = header.indexOf(targets.get(j).name());
      any |= at[j] >= 0;
    }
    return any ? at : null;
  }

  /**
   * Streams a CSV file through the pipeline, one row at a time in constant memory, whatever the
   * file's size.
   *
   * @param csv the file; it must hold every {@link #inputColumns()} column, the targets are optional
   * @param sink receives each row's number, features and targets (when present)
   * @throws DataException for any problem in the file, naming row, line and column
   */
  public void transform(Path csv, RowSink sink) {
    transform(csv, sink, ReadAhead.MIN_BYTES);
  }

  /** {@link #transform(Path, RowSink)}, reading ahead on a second thread ({@link ReadAhead}) from {@code readAheadBytes}. */
  void transform(Path csv, RowSink sink, long readAheadBytes) {
    CsvReader reader = CsvReader.open(csv, format);
    try (reader; ReadAhead ahead = ReadAhead.pays(reader.fileSize(), readAheadBytes) ? new ReadAhead(reader) : null) {
      transform(reader, ahead != null ? ahead : reader, sink);
    }
  }

  /**
   * Streams CSV text (a header line, then rows) through the pipeline, like
   * {@link #transform(Path, RowSink)}; row numbers count from 1 within this text.
   *
   * @param source names the text in error messages
   * @param csv the text, closed when done
   */
  public void transform(String source, java.io.InputStream csv, RowSink sink) {
    try (CsvReader reader = CsvReader.open(source, csv, format)) {
      transform(reader, reader, sink);
    }
  }

  /** Streams {@code rows}, the data rows of {@code reader} (itself, or read ahead of this thread), into {@code sink}. */
  private void transform(CsvReader reader, CsvRows rows, RowSink sink) {
    try {
      int[] at = locate(reader.file(), reader.header());
      int[] targetAt = targetPositions(reader.header());
      boolean any = false;
      while (rows.next()) {
        any = true;
        String[] row = rows.fields();
        double[] x = encode(at, row, reader.file(), rows.row(), rows.line(), sink);
        double[] y = null;
        if (targetAt != null) {
          y = new double[targetAt.length];
          for (int j = 0; j < y.length; j++) {
            y[j] = targetAt[j] < 0 ? Double.NaN : targets.get(j).encodeIfKnown(row[targetAt[j]]);
          }
        }
        sink.accept(rows.row(), x, y);
      }
      if (!any) {
        throw ColumnStore.noRows(reader.file(), reader.header());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header index of every input column, or an error naming the missing ones. */
  int[] locate(String file, List<String> header) {
    Map<String, Integer> where = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      where.putIfAbsent(header.get(i), i);
    }
    int[] at = new int[columns.size()];
    List<String> missing = new ArrayList<>();
    StringBuilder hints = new StringBuilder();
    for (int c = 0; c < at.length; c++) {
      Integer i = where.get(inputColumns.get(c));
      if (i == null) {
        missing.add(inputColumns.get(c));
        String hint = Names.didYouMean(inputColumns.get(c), header);
        if (!hint.isEmpty()) {
          hints.append(" For '").append(inputColumns.get(c)).append("':").append(hint);
        }
        at[c] = -1;
      } else {
        at[c] = i;
      }
    }
    if (!missing.isEmpty()) {
      throw new DataException(file, "the model needs the column" + (missing.size() == 1 ? " " : "s ")
          + quoted(missing) + ", which the file does not have; its columns are "
          + String.join(", ", header) + "." + hints + " Add the column" + (missing.size() == 1 ? "" : "s")
          + " or rename the header to match the training data.");
    }
    return at;
  }

  /** The scaled features of one row whose input columns sit at {@code at}. */
  double[] encode(int[] at, String[] row, String file, long rowNumber, long line) {
    return encode(at, row, file, rowNumber, line, null);
  }

  /**
   * {@link #encode(int[], String[], String, long, long)}, telling {@code unseen} (when not null)
   * of each category never seen in training that a column ignored.
   */
  double[] encode(int[] at, String[] row, String file, long rowNumber, long line, RowSink unseen) {
    double[] x = encodeUnscaled(at, row, file, rowNumber, line, unseen);
    scaler.apply(x);
    return x;
  }

  /** The features of one row before scaling. */
  double[] encodeUnscaled(int[] at, String[] row, String file, long rowNumber, long line) {
    return encodeUnscaled(at, row, file, rowNumber, line, null);
  }

  private double[] encodeUnscaled(int[] at, String[] row, String file, long rowNumber, long line, RowSink unseen) {
    double[] x = new double[featureNames.size()];
    int offset = 0;
    for (int c = 0; c < at.length; c++) {
      ColumnEncoding col = columns.get(c);
      if (!col.encode(row[at[c]], x, offset, file, rowNumber, line) && unseen != null) {
        unseen.unseen(rowNumber, col.name(), row[at[c]].strip());
      }
      offset += col.width();
    }
    return x;
  }

  /**
   * The unscaled features of row {@code i} of a column store whose columns line up with
   * {@link #inputColumns()}: numeric cells go in as parsed (the value {@code Cells.parse} gave),
   * other cells through their column's {@link ColumnEncoding#encode}, as for a raw row.
   */
  double[] encodeStored(ColumnStore.Column[] cells, int i, String file, long rowNumber, long line) {
    double[] x = new double[featureNames.size()];
    encodeStored(cells, i, file, rowNumber, line, x, 0);
    return x;
  }

  /**
   * {@link #encodeStored(ColumnStore.Column[], int, String, long, long)} into {@code x} from
   * {@code at} on ({@code featureCount()} values, which must be zero on entry, as in a new array).
   */
  void encodeStored(ColumnStore.Column[] cells, int i, String file, long rowNumber, long line, double[] x, int at) {
    int offset = at;
    for (int c = 0; c < cells.length; c++) {
      ColumnEncoding col = columns.get(c);
      if (col instanceof NumericColumn n && cells[c].numeric() && !cells[c].missing(i) && !cells[c].text(i)) {
        x[offset] = cells[c].number(i);
      } else {
        col.encode(cells[c].cell(i), x, offset, file, rowNumber, line);
      }
      offset += col.width();
    }
  }

  /** Scales encoded features in place, as {@link #encode} does. */
  void scale(double[] x) {
    scaler.apply(x);
  }

  /** Scales the {@code featureCount()} features of {@code x} from {@code at} on, as {@link #scale} does. */
  void scale(double[] x, int at) {
    scaler.apply(x, at);
  }

  /**
   * The scaled features of one row given as values rather than CSV text, written to
   * {@code out[at..at + featureCount())}: {@code values[c]} is the value of input column
   * {@code c} ({@link #inputColumns()} order), a {@link Number}, a {@link Boolean}, a
   * {@link String} or null. A number in a numeric column is used as it is (NaN counts as missing);
   * a boolean is 1 or 0 there; text goes through the same reading as a CSV cell; null is missing
   * (the column's fill rule, or an error). In a categorical column a value is looked up by its
   * text: {@code 2} and {@code 2.0} both as {@code 2}, {@code true} as {@code true}.
   *
   * @param source names the rows in error messages (for example {@code request})
   * @param row the 1-based row within {@code source}, for error messages
   * @return how many values were categories never seen in training, written as all zeros by
   *     columns with {@code handle_unknown: ignore}
   * @throws DataException naming the row and column, with the value, when a value cannot be encoded
   *     (an unseen category of a column without {@code handle_unknown: ignore} among them)
   */
  public int encodeValues(Object[] values, double[] out, int at, String source, long row) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("expected " + columns.size() + " values (" + inputColumns + "), got "
          + values.length);
    }
    int offset = at;
    int unseen = 0;
    for (int c = 0; c < values.length; c++) {
      ColumnEncoding col = columns.get(c);
      Object v = values[c];
      if (col instanceof NumericColumn && (v instanceof Number || v instanceof Boolean)) {
        double d = v instanceof Boolean b ? (b ? 1.0 : 0.0) : ((Number) v).doubleValue();
        if (Double.isNaN(d)) {
          col.encode(null, out, offset, source, row, 0);
        } else if (Double.isInfinite(d)) {
          col.encode(Double.toString(d), out, offset, source, row, 0); // the CSV reading's message
        } else {
          out[offset] = d;
        }
      } else if (!col.encode(Cells.text(v), out, offset, source, row, 0)) {
        unseen++;
      }
      offset += col.width();
    }
    scaler.apply(out, at);
    return unseen;
  }

  /** Whether input column {@code c} ({@link #inputColumns()} order) is numeric rather than categorical. */
  public boolean numeric(int c) {
    return columns.get(c) instanceof NumericColumn;
  }

  /** The same pipeline with another scaler (prepare fits the scaler on encoded rows). */
  FittedPipeline withScaler(Scaler newScaler) {
    return new FittedPipeline(columns, targets, newScaler, format);
  }

  /** The same pipeline for CSV files written in {@code csvFormat} (what {@code predict} reads then). */
  FittedPipeline withFormat(CsvFormat csvFormat) {
    return new FittedPipeline(columns, targets, scaler, csvFormat);
  }

  List<TargetColumn> targetColumns() {
    return targets;
  }

  private static String quoted(List<String> names) {
    List<String> q = new ArrayList<>();
    for (String n : names) {
      q.add("'" + n + "'");
    }
    return String.join(", ", q);
  }

  /**
   * The pipeline as plain data: {@code format}, {@code columns} (each with {@code name},
   * {@code kind} numeric|one_hot|label, {@code fill}, and {@code levels}/{@code drop_first} for
   * categories), {@code feature_names}, {@code scaler} ({@code kind}, {@code offset},
   * {@code factor}) and {@code target} ({@code name}, {@code classes}), or with several target
   * columns {@code targets}, a list of them in output order (a single-target pipeline is written as
   * before this list existed, so files stay readable by older versions).
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    List<Object> cols = new ArrayList<>();
    for (ColumnEncoding c : columns) {
      cols.add(c.toMap());
    }
    m.put("columns", cols);
    m.put("feature_names", featureNames);
    m.put("scaler", scaler.toMap());
    if (targets.size() == 1) {
      m.put("target", targets.get(0).toMap());
    } else {
      List<Object> ts = new ArrayList<>();
      for (TargetColumn t : targets) {
        ts.add(t.toMap());
      }
      m.put("targets", ts);
    }
    if (!format.equals(CsvFormat.DEFAULT)) {
      m.put("csv_format", format.toMap()); // absent for the default: files stay as they were
    }
    return m;
  }

  /**
   * Reads a pipeline written by {@link #toMap()}, possibly after a JSON round trip.
   *
   * @throws DataException when the map is malformed
   */
  public static FittedPipeline fromMap(Map<String, Object> map) {
    Object format = PlainMaps.required(map, "format");
    if (!(format instanceof Number n) || n.intValue() != FORMAT) {
      throw PlainMaps.bad("format", "this version of Lamina reads format " + FORMAT + ", got " + format);
    }
    List<ColumnEncoding> cols = new ArrayList<>();
    for (Object o : PlainMaps.list(map, "columns")) {
      cols.add(ColumnEncoding.fromMap(PlainMaps.map(o, "columns")));
    }
    List<TargetColumn> targets = new ArrayList<>();
    if (map.containsKey("targets")) {
      for (Object o : PlainMaps.list(map, "targets")) {
        targets.add(TargetColumn.fromMap(PlainMaps.map(o, "targets")));
      }
    } else {
      targets.add(TargetColumn.fromMap(PlainMaps.map(PlainMaps.required(map, "target"), "target")));
    }
    FittedPipeline p = new FittedPipeline(cols, targets,
        Scaler.fromMap(PlainMaps.map(PlainMaps.required(map, "scaler"), "scaler")));
    List<String> names = PlainMaps.strings(map, "feature_names");
    if (!names.equals(p.featureNames)) {
      throw PlainMaps.bad("feature_names", "the columns make " + p.featureNames + " but the file says " + names);
    }
    Object csvFormat = map.get("csv_format");
    if (csvFormat == null) {
      return p;
    }
    try {
      return p.withFormat(CsvFormat.fromMap(PlainMaps.map(csvFormat, "csv_format")));
    } catch (RuntimeException e) {
      throw PlainMaps.bad("csv_format", e.getMessage());
    }
  }
}

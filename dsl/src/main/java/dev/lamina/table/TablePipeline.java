package dev.lamina.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns a CSV file and the {@code data:} section of a spec into training and test matrices, the
 * way a Keras tutorial does with pandas and scikit-learn: drop identifiers, {@code get_dummies},
 * {@code train_test_split}, {@code StandardScaler().fit(x_train)}.
 *
 * <p>The steps, in order:
 * <ol>
 *   <li>Read the CSV ({@link DataException} with file, row, line and column for any problem).
 *   <li>Resolve the columns: the {@code features} list, or every column but the target and the
 *       {@code drop} list in file order; check every name the spec gives against the header.
 *   <li>Check every cell in file order: a column not in {@code one_hot}/{@code label_encode} must
 *       be numeric; a missing cell needs a {@code fill_missing} rule; the target may not be missing.
 *       A target whose values are text is encoded by its sorted class names.
 *   <li>Split: {@code test_split} rows held out, shuffled with {@code seed} (stratified by target
 *       when asked), or all rows train when a separate test CSV is given.
 *   <li>Fit on the training rows only: fill values (mean, median, mode) and the scaler. Category
 *       levels come from every row of the training CSV, as {@code get_dummies} before the split
 *       sees them, so a level present only in the test part is not an error.
 *   <li>Encode every row through the resulting {@link FittedPipeline}, the same code that encodes
 *       new rows at predict time, so training and prediction cannot drift apart.
 * </ol>
 */
public final class TablePipeline {
  private TablePipeline() {}

  /**
   * Prepares a data set.
   *
   * @param spec the data section
   * @param csv the training CSV (already resolved against the spec's folder)
   * @param testCsv a separate test CSV, or null to split {@code csv} by {@code spec.testSplit()}
   * @param seed the run's seed; the split draws from {@code Rng.forPath(seed, "data/split")}
   * @return the matrices, row numbers, feature names and fitted pipeline
   * @throws DataException when the data cannot be used, naming the place and the fix
   */
  public static PreparedData prepare(DataSpec spec, Path csv, Path testCsv, long seed) {
    CsvTable table = CsvTable.read(csv);
    CsvTable testTable = testCsv == null ? null : CsvTable.read(testCsv);
    ColumnPlan plan = ColumnPlan.resolve(spec, table.file(), table.header());
    int[] inputAt = new int[plan.inputs().size()];
    for (int c = 0; c < inputAt.length; c++) {
      inputAt[c] = table.indexOf(plan.inputs().get(c));
      if (!plan.categorical(plan.inputs().get(c))) {
        requireNumericColumn(table, inputAt[c], plan.inputs().get(c));
      }
    }
    int targetAt = table.indexOf(spec.target());
    TargetColumn target = new TargetColumn(spec.target(), targetClasses(table, targetAt));
    checkCells(table, plan, inputAt, target, targetAt);
    double[] y = new double[table.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = target.encode(table.row(i)[targetAt], table.file(), table.rowNumber(i), table.line(i));
    }
    Split split = testTable == null && spec.testSplit() > 0
        ? Split.of(y, spec.testSplit(), spec.stratify(), seed, table.file())
        : Split.none(table.size());

    List<ColumnEncoding> columns = new ArrayList<>();
    for (int c = 0; c < inputAt.length; c++) {
      columns.add(fitColumn(spec, plan, plan.inputs().get(c), table, inputAt[c], split.train()));
    }
    FittedPipeline unscaled = new FittedPipeline(columns, target, Scaler.none(width(columns)));
    double[][] raw = new double[table.size()][];
    for (int i : split.train()) {
      raw[i] = unscaled.encodeUnscaled(inputAt, table.row(i), table.file(), table.rowNumber(i), table.line(i));
    }
    FittedPipeline pipeline = unscaled.withScaler(
        Scaler.fit(spec.scale(), raw, split.train(), unscaled.featureCount()));

    double[][] xTrain = encode(pipeline, table, inputAt, split.train());
    double[] yTrain = pick(y, split.train());
    long[] trainRows = rowNumbers(table, split.train());
    double[] weights = sampleWeights(table, spec.sampleWeight());
    double[] wTrain = weights == null ? null : pick(weights, split.train());
    if (testTable == null) {
      return new PreparedData(xTrain, yTrain, encode(pipeline, table, inputAt, split.test()),
          pick(y, split.test()), trainRows, rowNumbers(table, split.test()), pipeline.featureNames(), pipeline,
          wTrain, weights == null ? null : pick(weights, split.test()));
    }
    int[] testAt = pipeline.locate(testTable.file(), testTable.header());
    int testTargetAt = testTable.indexOf(spec.target());
    if (testTargetAt < 0) {
      throw new DataException(testTable.file(), "the test file has no target column '" + spec.target()
          + "', so the model cannot be scored on it; its columns are " + String.join(", ", testTable.header())
          + ". Add the column, or remove test_csv and hold out rows with test_split");
    }
    int[] all = Split.none(testTable.size()).train();
    double[] yTest = new double[all.length];
    for (int i : all) {
      String cell = testTable.row(i)[testTargetAt];
      if (Cells.isMissing(cell)) {
        throw target.missing(cell, testTable.file(), testTable.rowNumber(i), testTable.line(i));
      }
      yTest[i] = target.encode(cell, testTable.file(), testTable.rowNumber(i), testTable.line(i));
    }
    double[] wTest = spec.sampleWeight() != null && testTable.indexOf(spec.sampleWeight()) >= 0
        ? sampleWeights(testTable, spec.sampleWeight()) : null;
    return new PreparedData(xTrain, yTrain, encode(pipeline, testTable, testAt, all), yTest,
        trainRows, rowNumbers(testTable, all), pipeline.featureNames(), pipeline, wTrain, wTest);
  }

  /**
   * The {@code sample_weight} column of every row, or null when the spec names none. Each cell
   * must be a finite number {@code >= 0} (Keras multiplies each row's loss by it).
   */
  private static double[] sampleWeights(CsvTable table, String column) {
    if (column == null) {
      return null;
    }
    int at = table.indexOf(column);
    double[] w = new double[table.size()];
    for (int i = 0; i < w.length; i++) {
      String cell = table.row(i)[at];
      if (Cells.isMissing(cell)) {
        throw new DataException(table.file(), table.rowNumber(i), table.line(i), column,
            "the sample weight is missing; give every row a weight (1 for an ordinary row)");
      }
      double v = Cells.parse(cell, table.file(), table.rowNumber(i), table.line(i), column);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new DataException(table.file(), table.rowNumber(i), table.line(i), column,
            "a sample weight must be a finite number >= 0, got " + cell.strip());
      }
      w[i] = v;
    }
    return w;
  }

  /**
   * Refuses a column meant to be numeric that holds mostly text (a category to encode or drop);
   * a few text cells among numbers are reported row by row later.
   */
  private static void requireNumericColumn(CsvTable table, int at, String column) {
    int text = 0;
    int numbers = 0;
    int firstText = -1;
    for (int i = 0; i < table.size(); i++) {
      String cell = table.row(i)[at];
      if (Cells.isMissing(cell)) {
        continue;
      }
      if (Cells.isNumber(cell)) {
        numbers++;
      } else {
        text++;
        firstText = firstText < 0 ? i : firstText;
      }
    }
    if (text > 0 && text >= numbers) {
      throw new DataException(table.file(), 0, 0, column, "the column holds text, not numbers"
          + " (e.g. '" + table.row(firstText)[at].strip() + "' in row " + table.rowNumber(firstText)
          + "); add it to one_hot or label_encode, or drop it");
    }
  }

  /** Sorted class names when the target is text, empty when it is numeric. */
  private static List<String> targetClasses(CsvTable table, int at) {
    int text = 0;
    int numbers = 0;
    TreeSet<String> classes = new TreeSet<>();
    for (int i = 0; i < table.size(); i++) {
      String cell = table.row(i)[at];
      if (!Cells.isMissing(cell)) {
        classes.add(cell.strip());
        if (Cells.isNumber(cell)) {
          numbers++;
        } else {
          text++;
        }
      }
    }
    return text > 0 && text >= numbers ? List.copyOf(classes) : List.of();
  }

  /** Checks every cell in file order so the first problem in the file is the one reported. */
  private static void checkCells(CsvTable table, ColumnPlan plan, int[] inputAt, TargetColumn target, int targetAt) {
    for (int i = 0; i < table.size(); i++) {
      String[] row = table.row(i);
      for (int c = 0; c < inputAt.length; c++) {
        String column = plan.inputs().get(c);
        String cell = row[inputAt[c]];
        boolean categorical = plan.categorical(column);
        if (Cells.isMissing(cell)) {
          if (!plan.fills().containsKey(column)) {
            throw Cells.missing(cell, table.file(), table.rowNumber(i), table.line(i), column, categorical);
          }
        } else if (!categorical) {
          Cells.parse(cell, table.file(), table.rowNumber(i), table.line(i), column);
        }
      }
      if (Cells.isMissing(row[targetAt])) {
        throw target.missing(row[targetAt], table.file(), table.rowNumber(i), table.line(i));
      }
    }
  }

  /** One input column's encoding, with its fill fitted on the training rows. */
  private static ColumnEncoding fitColumn(DataSpec spec, ColumnPlan plan, String column, CsvTable table,
      int at, int[] train) {
    FillRule rule = plan.fills().get(column);
    if (!plan.categorical(column)) {
      Double fill = null;
      if (rule != null) {
        List<Double> values = new ArrayList<>();
        for (int i : train) {
          String cell = table.row(i)[at];
          if (!Cells.isMissing(cell)) {
            values.add(Cells.parse(cell, table.file(), table.rowNumber(i), table.line(i), column));
          }
        }
        fill = rule.fitNumeric(values.stream().mapToDouble(Double::doubleValue).toArray(), table.file(), column);
      }
      return new NumericColumn(column, fill);
    }
    TreeSet<String> levels = new TreeSet<>();
    for (int i = 0; i < table.size(); i++) {
      String cell = table.row(i)[at];
      if (!Cells.isMissing(cell)) {
        levels.add(cell.strip());
      }
    }
    String fill = null;
    if (rule != null) {
      List<String> values = new ArrayList<>();
      for (int i : train) {
        String cell = table.row(i)[at];
        if (!Cells.isMissing(cell)) {
          values.add(cell.strip());
        }
      }
      fill = rule.fitCategory(values, table.file(), column);
    }
    List<String> sorted = List.copyOf(levels);
    return plan.kinds().get(column).equals(OneHotColumn.KIND)
        ? new OneHotColumn(column, sorted, spec.dropFirst(), fill)
        : new LabelColumn(column, sorted, fill);
  }

  private static int width(List<ColumnEncoding> columns) {
    int w = 0;
    for (ColumnEncoding c : columns) {
      w += c.width();
    }
    return w;
  }

  private static double[][] encode(FittedPipeline pipeline, CsvTable table, int[] at, int[] rows) {
    double[][] x = new double[rows.length][];
    for (int k = 0; k < rows.length; k++) {
      int i = rows[k];
      x[k] = pipeline.encode(at, table.row(i), table.file(), table.rowNumber(i), table.line(i));
    }
    return x;
  }

  private static double[] pick(double[] y, int[] rows) {
    double[] out = new double[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = y[rows[k]];
    }
    return out;
  }

  private static long[] rowNumbers(CsvTable table, int[] rows) {
    long[] out = new long[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = table.rowNumber(rows[k]);
    }
    return out;
  }
}

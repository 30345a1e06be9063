package dev.lamina.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    return prepareFlat(spec, csv, testCsv, seed).toRows();
  }

  /**
   * {@link #prepare}, with flat row-major matrices: the same values, the same errors, each matrix
   * held once as one array (what a run hands the training engine without a copy).
   *
   * @param spec the data section
   * @param csv the training CSV (already resolved against the spec's folder)
   * @param testCsv a separate test CSV, or null to split {@code csv} by {@code spec.testSplit()}
   * @param seed the run's seed; the split draws from {@code Rng.forPath(seed, "data/split")}
   * @return the matrices, row numbers, feature names and fitted pipeline
   * @throws DataException when the data cannot be used, naming the place and the fix
   */
  public static PreparedMatrices prepareFlat(DataSpec spec, Path csv, Path testCsv, long seed) {
    Loaded d = load(spec, csv);
    Split split = split(spec, testCsv, d, seed);
    PreparedMatrices fitted = fitAndEncode(spec, d, split, testCsv == null);
    if (testCsv == null) {
      return fitted;
    }
    return withTestFile(spec, d, fitted, testCsv);
  }

  private static Loaded load(DataSpec spec, Path csv) {
    ColumnPlan[] planned = new ColumnPlan[1];
    ColumnStore table = ColumnStore.read(csv, spec.format(), header -> {
      planned[0] = ColumnPlan.resolve(spec, csv.toString(), header);
      return kinds(planned[0], spec.targets(), spec.sampleWeight());
    });
    ColumnPlan plan = planned[0];
    ColumnStore.Column[] inputs = new ColumnStore.Column[plan.inputs().size()];
    for (int c = 0; c < inputs.length; c++) {
      inputs[c] = table.column(plan.inputs().get(c));
      if (!plan.categorical(plan.inputs().get(c))) {
        requireNumericColumn(table, inputs[c]);
      }
    }
    int k = spec.targets().size();
    ColumnStore.Column[] targetCells = new ColumnStore.Column[k];
    List<TargetColumn> sorted = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      targetCells[j] = table.column(spec.targets().get(j));
      sorted.add(new TargetColumn(spec.targets().get(j), targetClasses(table, targetCells[j])));
    }
    checkCells(table, plan, inputs, sorted, targetCells);
    List<TargetColumn> targets = new ArrayList<>();
    double[] y = new double[Math.multiplyExact(table.size(), k)];
    for (int j = 0; j < k; j++) {
      double[] column = encodeTargets(table, sorted.get(j), targetCells[j]);
      // positive_class is for one binary target (DataSpec refuses it with several).
      targets.add(k == 1 ? sorted.get(j).withPositiveClass(spec.positiveClass(), column) : sorted.get(j));
      for (int i = 0; i < column.length; i++) {
        y[i * k + j] = column[i];
      }
    }
    return new Loaded(plan, table, inputs, targets, y);
  }

  /**
   * A CSV read and checked: its plan, columns, targets and encoded targets (row-major, one value
   * per target), before any fitting.
   */
  private record Loaded(ColumnPlan plan, ColumnStore table, ColumnStore.Column[] inputs, List<TargetColumn> targets,
      double[] y) {
    int targetCount() {
      return targets.size();
    }

    /** The first target's value of every row: what a split or a fold stratifies by (one target only). */
    double[] strata() {
      return targets.size() == 1 ? y : column(y, 0, targets.size());
    }
  }

  /**
   * The folds of a k-fold cross-validation of the training rows (the rows {@link #prepareFlat}
   * trains on: the test split is never part of a fold), each fold as its own prepared data set:
   * {@code xTrain} the other folds' rows, {@code xTest} the fold's own rows, and the pipeline's
   * fitted steps (fill values, the scaler) fitted on the fold's training rows only, so no
   * statistic of a scored row leaks into its training. Folds are dealt by {@link Folds}.
   *
   * @param spec the data section
   * @param csv the training CSV (already resolved)
   * @param testCsv a separate test CSV, or null; only decides whether {@code csv} is split
   * @param seed the run's seed (the test split and the folds derive from it)
   * @param cv the folds, stratification and repeats
   * @return {@code cv.folds() * cv.repeats()} data sets, repeat by repeat, fold by fold
   */
  public static List<PreparedMatrices> prepareFolds(DataSpec spec, Path csv, Path testCsv, long seed,
      dev.lamina.train.CrossValidation cv) {
    Loaded d = load(spec, csv);
    Split split = split(spec, testCsv, d, seed);
    List<PreparedMatrices> out = new ArrayList<>();
    for (Split fold : Folds.of(split.train(), d.strata(), cv, seed, d.table().file())) {
      out.add(fitAndEncode(spec, d, fold, true));
    }
    return out;
  }

  private static Split split(DataSpec spec, Path testCsv, Loaded d, long seed) {
    return testCsv == null && spec.testSplit() > 0
        ? Split.of(d.strata(), spec.testSplit(), spec.stratify(), seed, d.table().file())
        : Split.none(d.table().size());
  }

  /**
   * Fits the pipeline on {@code split}'s training rows and encodes them, and (when
   * {@code encodeTest}) its test rows.
   */
  private static PreparedMatrices fitAndEncode(DataSpec spec, Loaded d, Split split, boolean encodeTest) {
    ColumnPlan plan = d.plan();
    ColumnStore table = d.table();
    ColumnStore.Column[] inputs = d.inputs();
    double[] y = d.y();
    List<ColumnEncoding> columns = new ArrayList<>();
    for (int c = 0; c < inputs.length; c++) {
      columns.add(fitColumn(spec, plan, plan.inputs().get(c), table, inputs[c], split.train()));
    }
    FittedPipeline unscaled = new FittedPipeline(columns, d.targets(), Scaler.none(width(columns)));
    // The training rows are encoded once, unscaled; the scaler is fitted on them (in split order,
    // as on the raw rows) and then applied in place, the same arithmetic FittedPipeline.encode does.
    int f = unscaled.featureCount();
    int trainCount = split.train().length;
    double[] xTrain = encodeRows(unscaled, table, inputs, split.train(), false);
    Scaler scaler = Scaler.fitFlat(spec.scale(), xTrain, trainCount, f, (j, k, kind) -> {
      int i = split.train()[k];
      return new DataException(table.file(), table.rowNumber(i), table.line(i), unscaled.featureNames().get(j),
          "the value " + xTrain[k * f + j] + " is too large for scale: " + kind + " (the column's "
          + (kind.equals("minmax") ? "range" : "mean or variance") + " would overflow a double, beyond 1.8e308); "
          + "rescale the column (e.g. divide it by a power of ten) or fix the value");
    });
    for (int k = 0; k < trainCount; k++) {
      scaler.apply(xTrain, k * f);
    }
    FittedPipeline pipeline = unscaled.withScaler(scaler).withFormat(spec.format());
    int k = d.targetCount();
    double[] yTrain = pick(y, split.train(), k);
    long[] trainRows = rowNumbers(table, split.train());
    double[] weights = sampleWeights(table, spec.sampleWeight());
    double[] wTrain = weights == null ? null : pick(weights, split.train(), 1);
    int[] test = encodeTest ? split.test() : new int[0];
    return new PreparedMatrices(xTrain, yTrain, encode(pipeline, table, inputs, test),
        pick(y, test, k), trainRows, rowNumbers(table, test), pipeline.featureNames(), pipeline,
        wTrain, weights == null ? null : pick(weights, test, 1), table.sha256());
  }

  /** {@code fitted} with its test rows read from {@code testCsv} through its pipeline. */
  private static PreparedMatrices withTestFile(DataSpec spec, Loaded d, PreparedMatrices fitted, Path testCsv) {
    FittedPipeline pipeline = fitted.pipeline();
    ColumnPlan plan = d.plan();
    ColumnStore.Column[] inputs = d.inputs();
    ColumnStore testTable = ColumnStore.read(testCsv, spec.format(), header -> testKinds(pipeline, header, spec.targets(),
        spec.sampleWeight()));
    pipeline.locate(testTable.file(), testTable.header());
    int k = d.targetCount();
    ColumnStore.Column[] testTargets = new ColumnStore.Column[k];
    for (int j = 0; j < k; j++) {
      String name = spec.targets().get(j);
      testTargets[j] = testTable.column(name);
      if (testTargets[j] == null) {
        throw new DataException(testTable.file(), "the test file has no target column '" + name
            + "', so the model cannot be scored on it; its columns are " + String.join(", ", testTable.header())
            + ". Add the column, or remove test_csv and hold out rows with test_split");
      }
    }
    ColumnStore.Column[] testInputs = new ColumnStore.Column[inputs.length];
    for (int c = 0; c < inputs.length; c++) {
      testInputs[c] = testTable.column(plan.inputs().get(c));
    }
    int[] all = Split.none(testTable.size()).train();
    double[] yTest = new double[Math.multiplyExact(all.length, k)];
    for (int i : all) {
      for (int j = 0; j < k; j++) {
        TargetColumn target = d.targets().get(j);
        String cell = testTargets[j].cell(i);
        if (testTargets[j].missing(i)) {
          throw target.missing(cell, testTable.file(), testTable.rowNumber(i), testTable.line(i));
        }
        yTest[i * k + j] = target.encode(cell, testTable.file(), testTable.rowNumber(i), testTable.line(i));
      }
    }
    double[] wTest = spec.sampleWeight() != null && testTable.header().contains(spec.sampleWeight())
        ? sampleWeights(testTable, spec.sampleWeight()) : null;
    return new PreparedMatrices(fitted.xTrain(), fitted.yTrain(), encode(pipeline, testTable, testInputs, all), yTest,
        fitted.trainRows(), rowNumbers(testTable, all), pipeline.featureNames(), pipeline, fitted.wTrain(), wTest,
        d.table().sha256() + " " + testTable.sha256());
  }

  /**
   * The {@code sample_weight} column of every row, or null when the spec names none. Each cell
   * must be a finite number {@code >= 0} (Keras multiplies each row's loss by it).
   */
  private static double[] sampleWeights(ColumnStore table, String column) {
    if (column == null) {
      return null;
    }
    ColumnStore.Column cells = table.column(column);
    double[] w = new double[table.size()];
    for (int i = 0; i < w.length; i++) {
      String cell = cells.cell(i);
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

  /** How each used column is stored: numeric inputs as doubles, categories as codes, the targets as labels. */
  private static Map<String, ColumnStore.Kind> kinds(ColumnPlan plan, List<String> targets, String sampleWeight) {
    Map<String, ColumnStore.Kind> kinds = new LinkedHashMap<>();
    for (String c : plan.inputs()) {
      kinds.put(c, plan.categorical(c) ? ColumnStore.Kind.CODES : ColumnStore.Kind.NUMBER);
    }
    for (String target : targets) {
      kinds.put(target, ColumnStore.Kind.TARGET);
    }
    if (sampleWeight != null) {
      kinds.put(sampleWeight, ColumnStore.Kind.NUMBER);
    }
    return kinds;
  }

  /** The columns of a test file the fitted pipeline reads, and its targets when present. */
  private static Map<String, ColumnStore.Kind> testKinds(FittedPipeline pipeline, List<String> header,
      List<String> targets, String sampleWeight) {
    Map<String, ColumnStore.Kind> kinds = new LinkedHashMap<>();
    List<String> inputs = pipeline.inputColumns();
    for (int c = 0; c < inputs.size(); c++) {
      if (header.contains(inputs.get(c))) {
        kinds.put(inputs.get(c), pipeline.numeric(c) ? ColumnStore.Kind.NUMBER : ColumnStore.Kind.CODES);
      }
    }
    for (String target : targets) {
      if (header.contains(target)) {
        kinds.put(target, ColumnStore.Kind.TARGET);
      }
    }
    if (sampleWeight != null && header.contains(sampleWeight)) {
      kinds.put(sampleWeight, ColumnStore.Kind.NUMBER);
    }
    return kinds;
  }

  /**
   * Refuses a column meant to be numeric that holds mostly text (a category to encode or drop);
   * a few text cells among numbers are reported row by row later.
   */
  private static void requireNumericColumn(ColumnStore table, ColumnStore.Column column) {
    if (column.name().startsWith(CsvReader.UNNAMED) && column.numberCount() == 0 && column.textCount() == 0) {
      throw new DataException(table.file(), 0, 0, column.name(), "the column has no name in the header and no values;"
          + " a comma at the end of every line makes such a column. Remove the trailing commas, or drop it: data: {drop: ["
          + Cells.yamlKey(column.name()) + "]}");
    }
    int text = column.textCount();
    if (text > 0 && text >= column.numberCount()) {
      ColumnStore.Cell first = column.firstText();
      throw new DataException(table.file(), 0, 0, column.name(), "the column holds text, not numbers"
          + " (e.g. '" + first.raw().strip() + "' in row " + table.rowNumber(first.row()) + ")"
          + CsvSniffer.numberHint(first.raw().strip()) + "; add it to one_hot or label_encode, or drop it");
    }
  }

  /** Sorted class names when the target is text, empty when it is numeric. */
  private static List<String> targetClasses(ColumnStore table, ColumnStore.Column target) {
    int text = target.textCount();
    if (!(text > 0 && text >= target.numberCount())) {
      return List.of();
    }
    if (target.numeric()) {
      throw new DataException(table.file(), 0, 0, target.name(), "the target has more than "
          + ColumnStore.MAX_TARGET_CODES + " distinct values, most of them text; a target holds class labels or"
          + " numbers. Is it an identifier column? Pick another target, or drop it");
    }
    return List.copyOf(new TreeSet<>(target.values()));
  }

  /** Checks every cell in file order so the first problem in the file is the one reported. */
  private static void checkCells(ColumnStore table, ColumnPlan plan, ColumnStore.Column[] inputs,
      List<TargetColumn> targets, ColumnStore.Column[] targetCells) {
    int first = Integer.MAX_VALUE;
    for (int c = 0; c < inputs.length; c++) {
      ColumnStore.Cell missing = inputs[c].firstMissing();
      if (missing != null && !plan.fills().containsKey(inputs[c].name())) {
        first = Math.min(first, missing.row());
      }
      ColumnStore.Cell text = inputs[c].firstText();
      if (text != null && inputs[c].numeric()) {
        first = Math.min(first, text.row());
      }
    }
    for (ColumnStore.Column cells : targetCells) {
      if (cells.firstMissing() != null) {
        first = Math.min(first, cells.firstMissing().row());
      }
    }
    if (first == Integer.MAX_VALUE) {
      return;
    }
    // The first bad row: report its first bad cell, in column order, then the targets.
    int i = first;
    for (int c = 0; c < inputs.length; c++) {
      String column = plan.inputs().get(c);
      boolean categorical = plan.categorical(column);
      if (inputs[c].missing(i)) {
        if (!plan.fills().containsKey(column)) {
          throw Cells.missing(inputs[c].cell(i), table.file(), table.rowNumber(i), table.line(i), column, categorical);
        }
      } else if (!categorical && inputs[c].text(i)) {
        Cells.parse(inputs[c].cell(i), table.file(), table.rowNumber(i), table.line(i), column);
      }
    }
    for (int j = 0; j < targetCells.length; j++) {
      if (targetCells[j].missing(i)) {
        throw targets.get(j).missing(targetCells[j].cell(i), table.file(), table.rowNumber(i), table.line(i));
      }
    }
    throw new IllegalStateException("row " + i + " was found bad but no cell of it is");
  }

  /** The encoded target of every row, computing each distinct label once. */
  private static double[] encodeTargets(ColumnStore table, TargetColumn target, ColumnStore.Column cells) {
    double[] y = new double[table.size()];
    Map<Integer, Double> byCode = new HashMap<>();
    for (int i = 0; i < y.length; i++) {
      if (cells.numeric() && !cells.text(i)) {
        y[i] = cells.number(i);
        continue;
      }
      int code = cells.numeric() ? -1 : cells.code(i);
      Double v = code < 0 ? null : byCode.get(code);
      if (v == null) {
        v = target.encode(cells.cell(i), table.file(), table.rowNumber(i), table.line(i));
        if (code >= 0) {
          byCode.put(code, v);
        }
      }
      y[i] = v;
    }
    return y;
  }

  /** One input column's encoding, with its fill fitted on the training rows. */
  private static ColumnEncoding fitColumn(DataSpec spec, ColumnPlan plan, String column, ColumnStore table,
      ColumnStore.Column cells, int[] train) {
    FillRule rule = plan.fills().get(column);
    if (!plan.categorical(column)) {
      Double fill = null;
      if (rule != null) {
        double[] values = new double[train.length];
        int n = 0;
        for (int i : train) {
          if (!cells.missing(i)) {
            values[n++] = cells.number(i);
          }
        }
        fill = rule.fitNumeric(java.util.Arrays.copyOf(values, n), table.file(), column);
      }
      return new NumericColumn(column, fill);
    }
    String fill = null;
    if (rule != null) {
      List<String> values = new ArrayList<>();
      for (int i : train) {
        if (!cells.missing(i)) {
          values.add(cells.cell(i));
        }
      }
      fill = rule.fitCategory(values, table.file(), column);
    }
    List<String> sorted = List.copyOf(new TreeSet<>(cells.values()));
    return plan.kinds().get(column).equals(OneHotColumn.KIND)
        ? new OneHotColumn(column, sorted, spec.dropFirst(), fill,
            spec.handleUnknown().of(column) == UnknownCategories.Policy.IGNORE)
        : new LabelColumn(column, sorted, fill);
  }

  private static int width(List<ColumnEncoding> columns) {
    int w = 0;
    for (ColumnEncoding c : columns) {
      w += c.width();
    }
    return w;
  }

  private static double[] encode(FittedPipeline pipeline, ColumnStore table, ColumnStore.Column[] inputs, int[] rows) {
    return encodeRows(pipeline, table, inputs, rows, true);
  }

  /**
   * Row k of the result is table row {@code rows[k]} encoded by {@code pipeline} (and scaled when
   * {@code scale}), row-major. The rows are visited in the table's order, each written to its
   * place: the stored columns are then read front to back, where visiting them in the split's
   * shuffled order missed the cache once per column and row (990,000 rows of 11 columns: half a
   * second). The cells were checked in file order before ({@link #checkCells}), so the order of
   * visits decides no error message.
   */
  private static double[] encodeRows(FittedPipeline pipeline, ColumnStore table, ColumnStore.Column[] inputs, int[] rows,
      boolean scale) {
    int f = pipeline.featureCount();
    double[] x = new double[Math.multiplyExact(rows.length, f)];
    int[] position = new int[table.size()];
    Arrays.fill(position, -1);
    for (int k = 0; k < rows.length; k++) {
      if (position[rows[k]] >= 0) {
        throw new IllegalArgumentException("row " + rows[k] + " is listed twice");
      }
      position[rows[k]] = k;
    }
    for (int i = 0; i < position.length; i++) {
      int k = position[i];
      if (k >= 0) {
        pipeline.encodeStored(inputs, i, table.file(), table.rowNumber(i), table.line(i), x, k * f);
        if (scale) {
          pipeline.scale(x, k * f);
        }
      }
    }
    return x;
  }

  /** The rows {@code rows} of the row-major {@code y} of {@code width} values per row. */
  private static double[] pick(double[] y, int[] rows, int width) {
    double[] out = new double[Math.multiplyExact(rows.length, width)];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(y, rows[k] * width, out, k * width, width);
    }
    return out;
  }

  /** Column {@code j} of the row-major {@code y} of {@code width} values per row. */
  private static double[] column(double[] y, int j, int width) {
    double[] out = new double[y.length / width];
    for (int i = 0; i < out.length; i++) {
      out[i] = y[i * width + j];
    }
    return out;
  }

  private static long[] rowNumbers(ColumnStore table, int[] rows) {
    long[] out = new long[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = table.rowNumber(rows[k]);
    }
    return out;
  }
}

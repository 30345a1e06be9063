package dev.lamina.predict;

import dev.lamina.keras.KerasImporter;
import dev.lamina.model.Model;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import dev.lamina.run.RunTask;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.Names;
import dev.lamina.table.DataException;
import dev.lamina.table.FittedPipeline;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A trained model ready to score rows from Java: load it once, share it between threads, and call
 * {@link #predict(Map)} with a row of raw values as the training CSV had them.
 *
 * <pre>{@code
 * Predictor churn = Predictor.load(Path.of("examples/churn/runs/churn-he-uniform"));
 * Prediction p = churn.predict(Map.of("CreditScore", 600, "Geography", "France", "Gender", "Male",
 *     "Age", 40, "Tenure", 3, "Balance", 60000, "NumOfProducts", 2, "HasCrCard", 1,
 *     "IsActiveMember", 1, "EstimatedSalary", 50000));
 * p.probability();   // 0.04...
 * p.label();         // "0" (the class's name in the training CSV)
 * }</pre>
 *
 * <p>Rows go through the model's saved data pipeline: values may be numbers, booleans (1/0 in a
 * numeric column), text (read as a CSV cell is) or null (missing: the column's fill rule, or an
 * error); extra keys are ignored. A bad value is a {@link DataException} naming the row, the column
 * and the value; so is a category never seen in training, unless the model was trained with
 * {@code data: {handle_unknown: ignore}} for its column, which scores it as all zeros. The
 * decision thresholds saved with the model are applied (a multi-label model's per label), unless
 * {@link #withThresholds} gives others.
 *
 * <p><b>Threads.</b> Immutable and thread-safe, with no lock on the scoring path: the network's
 * layers own their buffers, so each call borrows a private copy of the network with its scratch
 * buffers from a lock-free pool and gives it back; a copy is made only when every one is busy, so
 * there are at most as many as threads scoring at once. Results do not depend on which copy or
 * thread computes them: they are bit-for-bit those of a single thread, and of {@code predict}.
 */
public final class Predictor {
  /** Rows one forward pass holds; longer lists are scored in passes of this many rows. */
  static final int CHUNK = 256;

  private final String name;
  private final ModelSpec spec;
  private final double[][] weights;
  private final FittedPipeline pipeline;
  private final Outputs outputs;
  private final List<InputColumn> inputs;
  private final int featureCount;
  private final int outputCount;
  private final ConcurrentLinkedQueue<Replica> pool;

  private Predictor(SavedModel saved) {
    Model model = saved.model();
    this.name = model.spec().name();
    this.spec = model.resolvedSpec();
    this.weights = model.weights();
    this.pipeline = saved.pipeline();
    this.featureCount = model.inputWidth();
    List<InputColumn> in = new ArrayList<>();
    if (pipeline != null) {
      for (int c = 0; c < pipeline.inputColumns().size(); c++) {
        in.add(new InputColumn(pipeline.inputColumns().get(c), pipeline.numeric(c)));
      }
    }
    this.inputs = List.copyOf(in);
    this.outputs = Outputs.of(RunTask.of(saved), saved.thresholds());
    this.outputCount = model.outputWidth();
    this.pool = new ConcurrentLinkedQueue<>();
    pool.add(new Replica(spec, weights, CHUNK));
  }

  /** {@code base} deciding at other thresholds: the same network copies, shared. */
  private Predictor(Predictor base, Outputs outputs) {
    this.name = base.name;
    this.spec = base.spec;
    this.weights = base.weights;
    this.pipeline = base.pipeline;
    this.featureCount = base.featureCount;
    this.inputs = base.inputs;
    this.outputCount = base.outputCount;
    this.pool = base.pool;
    this.outputs = outputs;
  }

  /**
   * Loads a model: a run folder, a {@code model.lamina} file, or a Keras {@code .keras} / {@code .h5}
   * file (imported as {@code import} does; such a model has no data pipeline and reads its features
   * with {@link #predict(double[])}).
   *
   * @throws dev.lamina.persist.ModelFileException when the file is missing, damaged or not a model
   */
  public static Predictor load(Path path) {
    String file = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.isDirectory(path) && (file.endsWith(".keras") || file.endsWith(".h5"))) {
      Model model = KerasImporter.read(path).model();
      return new Predictor(new SavedModel(null, model, null, Thresholds.DEFAULT, Map.of()));
    }
    return new Predictor(ModelFile.read(path));
  }

  /** A predictor of a model already read; its weights are copied, so later changes to it do not matter. */
  public static Predictor of(SavedModel saved) {
    return new Predictor(saved);
  }

  /** The model's name (its spec's {@code name}). */
  public String name() {
    return name;
  }

  /** What the model predicts (binary, multi-class, multi-label or regression), with its class or target names. */
  public Task task() {
    return outputs.task();
  }

  /** The raw columns a row needs, in pipeline order; empty for a model without a data pipeline. */
  public List<InputColumn> inputs() {
    return inputs;
  }

  /** Whether rows go through a saved data pipeline ({@link #predict(Map)}), or are features already. */
  public boolean hasPipeline() {
    return pipeline != null;
  }

  /** The number of features the network reads (after the pipeline's encoding). */
  public int featureCount() {
    return featureCount;
  }

  /** The number of network outputs. */
  public int outputCount() {
    return outputCount;
  }

  /** The class names (binary: two), label names or target names, in output order. */
  public List<String> outputNames() {
    return outputs.names();
  }

  /**
   * The decision thresholds of a binary model (one) or a multi-label model (one per label, or one
   * for all), as saved with the model or given to {@link #withThresholds}.
   */
  public Thresholds thresholds() {
    return outputs.thresholds();
  }

  /**
   * This predictor deciding at {@code override} on top of its own thresholds, as
   * {@code predict --threshold} does: a single threshold replaces every label's, named ones
   * ({@code Thresholds.of(Map.of("Weight", 0.4))}) replace those labels' and keep the others'. The
   * two share the network copies; the probabilities are the same, only the decisions differ.
   *
   * @throws dev.lamina.spec.SpecException at {@code threshold.<name>} for a name that is not a
   *     label (with the closest labels), or at {@code threshold} for thresholds per label on a
   *     model that is not multi-label
   */
  public Predictor withThresholds(Thresholds override) {
    return new Predictor(this, Outputs.of(outputs.task(), outputs.thresholds().overriddenBy(override)));
  }

  /** The data pipeline the rows go through, or null. */
  public FittedPipeline pipeline() {
    return pipeline;
  }

  /**
   * Scores one row of raw values by column name.
   *
   * @throws DataException naming the column and value when the row cannot be encoded
   * @throws IllegalStateException for a model without a data pipeline
   */
  public Prediction predict(Map<String, ?> row) {
    return predictAll(List.of(row)).get(0);
  }

  /**
   * Scores rows of raw values by column name, in order; the first bad row stops it with a
   * {@link DataException} that names its 1-based row number, column and value.
   */
  public List<Prediction> predictAll(List<? extends Map<String, ?>> rows) {
    requirePipeline();
    List<Object[]> values = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      values.add(valuesOf(rows.get(i), i + 1));
    }
    return predictValues(values);
  }

  /**
   * Scores rows given as values in {@link #inputs()} order (the columnar form of the Open Inference
   * Protocol, one value per input tensor), as {@link #predictAll} does.
   */
  public List<Prediction> predictValues(List<Object[]> rows) {
    requirePipeline();
    List<Prediction> out = new ArrayList<>(rows.size());
    Replica r = borrow();
    try {
      for (int start = 0; start < rows.size(); start += r.capacity) {
        int n = Math.min(r.capacity, rows.size() - start);
        for (int i = 0; i < n; i++) {
          pipeline.encodeValues(rows.get(start + i), r.x, i * featureCount, null, start + i + 1);
        }
        collect(r.forward(n), n, out);
      }
    } finally {
      pool.offer(r);
    }
    return out;
  }

  /**
   * Scores one row of features as the network reads them (for a model with a pipeline: encoded
   * and scaled), for models without a data pipeline such as imported Keras models.
   *
   * @throws IllegalArgumentException when {@code features} does not have {@link #featureCount()} values
   */
  public Prediction predict(double[] features) {
    return predictFeatures(features, 1).get(0);
  }

  /**
   * Scores {@code rows} rows of row-major features ({@code rows * featureCount()} values), as
   * {@link #predict(double[])} does for one.
   */
  public List<Prediction> predictFeatures(double[] features, int rows) {
    if (features.length != (long) rows * featureCount) {
      throw new IllegalArgumentException("expected " + rows + " x " + featureCount + " = " + (long) rows * featureCount
          + " feature values, got " + features.length);
    }
    List<Prediction> out = new ArrayList<>(rows);
    Replica r = borrow();
    try {
      for (int start = 0; start < rows; start += r.capacity) {
        int n = Math.min(r.capacity, rows - start);
        System.arraycopy(features, start * featureCount, r.x, 0, n * featureCount);
        collect(r.forward(n), n, out);
      }
    } finally {
      pool.offer(r);
    }
    return out;
  }

  private void collect(double[] y, int n, List<Prediction> out) {
    int width = outputCount();
    for (int i = 0; i < n; i++) {
      double[] v = new double[width];
      System.arraycopy(y, i * width, v, 0, width);
      out.add(new Prediction(outputs, v));
    }
  }

  private Replica borrow() {
    Replica r = pool.poll();
    return r != null ? r : new Replica(spec, weights, CHUNK);
  }

  private void requirePipeline() {
    if (pipeline == null) {
      throw new IllegalStateException("model '" + name + "' has no data pipeline (it was imported, not trained on a CSV):"
          + " give its " + featureCount + " features to predict(double[])");
    }
  }

  /** The row's values in {@link #inputs()} order, or an error naming the missing columns. */
  private Object[] valuesOf(Map<String, ?> row, long rowNumber) {
    Object[] v = new Object[inputs.size()];
    for (int c = 0; c < v.length; c++) {
      String column = inputs.get(c).name();
      Object value = row.get(column);
      if (value == null && !row.containsKey(column)) {
        String hint = Names.didYouMean(column, new ArrayList<>(row.keySet()));
        throw new DataException(null, rowNumber, 0, column, "the row has no value for this column, which the model"
            + " needs (give null for a missing value)." + hint);
      }
      if (value != null && !(value instanceof Number || value instanceof Boolean || value instanceof String)) {
        throw new DataException(null, rowNumber, 0, column, "'" + value + "' is neither a number nor text;"
            + " give a number, text, true/false or null");
      }
      v[c] = value;
    }
    return v;
  }
}

package dev.lamina.metric;

import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.Registry;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metrics by name, as Keras's {@code compile(metrics=[...])} resolves them.
 *
 * <p>{@link #REGISTRY} holds the concrete metrics: {@code binary_accuracy},
 * {@code categorical_accuracy}, {@code sparse_categorical_accuracy}, {@code precision},
 * {@code recall}, {@code auc}, and the regression metrics {@code mean_absolute_error}
 * ({@code mae}), {@code mean_squared_error} ({@code mse}), {@code root_mean_squared_error}
 * ({@code rmse}), {@code mean_absolute_percentage_error} ({@code mape}),
 * {@code mean_squared_logarithmic_error} ({@code msle}), {@code r2_score} ({@code r2}),
 * {@code log_cosh} and {@code cosine_similarity} (see {@link RowError}, {@link RootMeanSquaredError}
 * and {@link R2Score}); Keras class names such as {@code BinaryAccuracy}, {@code AUC} and
 * {@code MeanAbsoluteError} resolve too. {@link #create(ComponentSpec, String, int, boolean)} adds Keras's
 * {@code "accuracy"}/{@code "acc"} shortcut, which depends on the model's output and targets. Every
 * metric accepts a {@code name} argument that replaces its history key.
 *
 * <p>Arguments: {@code binary_accuracy(threshold=0.5)}; {@code precision} and {@code recall}
 * {@code (thresholds=0.5, class_id=None)} where {@code thresholds} may be a number or a one-element
 * list; {@code auc(num_thresholds=200, curve="ROC", summation_method="interpolation",
 * from_logits=false)}; {@code r2_score(class_aggregation="uniform_average", num_regressors=0)}.
 */
public final class Metrics {
  private Metrics() {}

  /** Keras's accuracy shortcut: binary, sparse categorical or categorical by the data's shape. */
  public static final ComponentSpec ACCURACY = ComponentSpec.of("accuracy");
  /** Keras's short spelling of {@link #ACCURACY}; its history key stays {@code acc}. */
  public static final ComponentSpec ACC = ComponentSpec.of("acc");
  /** {@code binary_accuracy} at threshold 0.5. */
  public static final ComponentSpec BINARY_ACCURACY = ComponentSpec.of(BinaryAccuracy.DEFAULT_NAME);
  /** {@code categorical_accuracy}. */
  public static final ComponentSpec CATEGORICAL_ACCURACY = ComponentSpec.of(CategoricalAccuracy.DEFAULT_NAME);
  /** {@code sparse_categorical_accuracy}. */
  public static final ComponentSpec SPARSE_CATEGORICAL_ACCURACY = ComponentSpec.of(SparseCategoricalAccuracy.DEFAULT_NAME);
  /** {@code precision} at threshold 0.5. */
  public static final ComponentSpec PRECISION = ComponentSpec.of(Precision.DEFAULT_NAME);
  /** {@code recall} at threshold 0.5. */
  public static final ComponentSpec RECALL = ComponentSpec.of(Recall.DEFAULT_NAME);
  /** {@code auc}: ROC, 200 thresholds. */
  public static final ComponentSpec AUC = ComponentSpec.of(Auc.DEFAULT_NAME);

  /** {@code mean_absolute_error} (Keras's {@code mae}). */
  public static final ComponentSpec MAE = ComponentSpec.of(RowError.MEAN_ABSOLUTE_ERROR.alias());
  /** {@code mean_squared_error} (Keras's {@code mse}). */
  public static final ComponentSpec MSE = ComponentSpec.of(RowError.MEAN_SQUARED_ERROR.alias());
  /** {@code root_mean_squared_error} ({@code rmse}). */
  public static final ComponentSpec RMSE = ComponentSpec.of("rmse");
  /** {@code mean_absolute_percentage_error} ({@code mape}), in percent. */
  public static final ComponentSpec MAPE = ComponentSpec.of(RowError.MEAN_ABSOLUTE_PERCENTAGE_ERROR.alias());
  /** {@code mean_squared_logarithmic_error} ({@code msle}). */
  public static final ComponentSpec MSLE = ComponentSpec.of(RowError.MEAN_SQUARED_LOGARITHMIC_ERROR.alias());
  /** {@code r2_score} ({@code r2}), uniform average over the outputs. */
  public static final ComponentSpec R2 = ComponentSpec.of("r2");
  /** {@code log_cosh}. */
  public static final ComponentSpec LOG_COSH = ComponentSpec.of(RowError.LOG_COSH.metricName());
  /** {@code cosine_similarity}. */
  public static final ComponentSpec COSINE_SIMILARITY = ComponentSpec.of(RowError.COSINE_SIMILARITY.metricName());

  /** The names that mean "pick the accuracy that fits", as Keras's compile. */
  private static final List<String> ACCURACY_SHORTCUTS = List.of("accuracy", "acc");

  /** The registry of concrete metrics. */
  public static final Registry<Metric> REGISTRY = new Registry<Metric>("metric")
      .register(BinaryAccuracy.DEFAULT_NAME, "BinaryAccuracy", Metrics::binaryAccuracy)
      .register(CategoricalAccuracy.DEFAULT_NAME, "CategoricalAccuracy",
          a -> new CategoricalAccuracy(a.getString("name", CategoricalAccuracy.DEFAULT_NAME)))
      .register(SparseCategoricalAccuracy.DEFAULT_NAME, "SparseCategoricalAccuracy",
          a -> new SparseCategoricalAccuracy(a.getString("name", SparseCategoricalAccuracy.DEFAULT_NAME)))
      .register(Precision.DEFAULT_NAME, "Precision",
          a -> new Precision(a.getString("name", Precision.DEFAULT_NAME), threshold(a), classId(a)))
      .register(Recall.DEFAULT_NAME, "Recall",
          a -> new Recall(a.getString("name", Recall.DEFAULT_NAME), threshold(a), classId(a)))
      .register(Auc.DEFAULT_NAME, "AUC", Metrics::auc);

  static {
    // The regression metrics, in Keras's order: the mean errors with rmse after mse, then r2.
    for (RowError e : RowError.values()) {
      String[] aliases = e.alias() == null ? new String[0] : new String[] {e.alias()};
      REGISTRY.register(e.metricName(), e.kerasClassName(),
          a -> new RowErrorMean(a.getString("name", e.metricName()), e), aliases);
      if (e == RowError.MEAN_SQUARED_ERROR) {
        REGISTRY.register(RootMeanSquaredError.DEFAULT_NAME, "RootMeanSquaredError",
            a -> new RootMeanSquaredError(a.getString("name", RootMeanSquaredError.DEFAULT_NAME)), "rmse");
      }
    }
    REGISTRY.register(R2Score.DEFAULT_NAME, "R2Score", Metrics::r2, "r2");
  }

  /**
   * Builds the metric {@code spec} names for a model with {@code outputWidth} outputs.
   * {@code accuracy} and {@code acc} resolve as Keras's compile does: {@link BinaryAccuracy} when
   * {@code outputWidth == 1}, else {@link SparseCategoricalAccuracy} when {@code sparseTargets}
   * (one class index per row), else {@link CategoricalAccuracy}; the metric keeps the key as
   * written (lower-cased), so {@code accuracy} stays {@code accuracy} in the history. Other names
   * use the metric's own name ({@code BinaryAccuracy} reports as {@code binary_accuracy}) unless a
   * {@code name} argument is given.
   *
   * @throws SpecException at {@code path} for an unknown name (with "did you mean") or a bad argument
   */
  public static Metric create(ComponentSpec spec, String path, int outputWidth, boolean sparseTargets) {
    String key = spec.name();
    String canonical = Names.canonical(key);
    if (ACCURACY_SHORTCUTS.contains(canonical)) {
      String concrete = outputWidth == 1 ? BinaryAccuracy.DEFAULT_NAME
          : sparseTargets ? SparseCategoricalAccuracy.DEFAULT_NAME : CategoricalAccuracy.DEFAULT_NAME;
      ComponentSpec named = spec.args().containsKey("name") ? spec : spec.with("name", key.toLowerCase(Locale.ROOT));
      return REGISTRY.create(new ComponentSpec(concrete, named.args()), path);
    }
    if (!REGISTRY.contains(key)) {
      throw new SpecException(path, "unknown metric '" + key + "'." + Names.didYouMean(key, knownNames())
          + " Known: " + String.join(", ", knownNames()) + ".");
    }
    if (!spec.args().containsKey("name") && key.strip().equals(canonical)) {
      // A function name or alias written in snake_case keeps its spelling as the history key
      // (mae stays mae, as accuracy stays accuracy); a class name (MeanAbsoluteError) takes the
      // metric's Keras name.
      return REGISTRY.create(spec.with("name", canonical), path);
    }
    return REGISTRY.create(spec, path);
  }

  /**
   * Which way the history key {@code key} ({@code loss}, {@code val_mae}, {@code r2}, ...) is
   * better for a model compiled with {@code metrics} (unweighted and weighted together): false for a
   * loss, {@link Metric#higherIsBetter()} of the metric of that name (the {@code val_} and
   * {@code test_} prefixes removed), or null when no compiled metric has that name. The one rule
   * behind the callbacks' {@code mode: auto} and the sweep's ranking.
   */
  public static Boolean higherIsBetter(String key, List<Metric> metrics) {
    String name = key;
    for (String prefix : List.of("val_", "test_")) {
      if (name.startsWith(prefix)) {
        name = name.substring(prefix.length());
      }
    }
    if (name.equals("loss")) {
      return false;
    }
    for (Metric m : metrics) {
      if (m.name().equals(name)) {
        return m.higherIsBetter();
      }
    }
    return null;
  }

  /**
   * {@link #higherIsBetter(String, List)} for the metrics {@code compile} names, built for a model
   * of {@code outputWidth} outputs.
   */
  public static Boolean higherIsBetter(String key, dev.lamina.spec.CompileSpec compile, int outputWidth) {
    boolean sparse = Names.canonical(compile.loss().name()).equals("sparse_categorical_crossentropy")
        || compile.loss().name().equals("scce");
    List<Metric> all = new ArrayList<>();
    for (ComponentSpec c : compile.metrics()) {
      all.add(create(c, "compile.metrics", outputWidth, sparse));
    }
    for (ComponentSpec c : compile.weightedMetrics()) {
      all.add(create(c, "compile.weighted_metrics", outputWidth, sparse));
    }
    return higherIsBetter(key, all);
  }

  /** Whether {@link #create} accepts {@code name} (the registry's names plus accuracy/acc). */
  public static boolean isKnown(String name) {
    return name != null && (ACCURACY_SHORTCUTS.contains(Names.canonical(name)) || REGISTRY.contains(name));
  }

  /** Every name {@link #create} accepts, canonical forms only. */
  public static List<String> knownNames() {
    List<String> all = new ArrayList<>(ACCURACY_SHORTCUTS);
    all.addAll(REGISTRY.names());
    return all;
  }

  /** {@code binary_accuracy} with a threshold. */
  public static ComponentSpec binaryAccuracy(double threshold) {
    return BINARY_ACCURACY.with("threshold", threshold);
  }

  /** {@code precision} at a threshold. */
  public static ComponentSpec precision(double threshold) {
    return PRECISION.with("thresholds", threshold);
  }

  /** {@code recall} at a threshold. */
  public static ComponentSpec recall(double threshold) {
    return RECALL.with("thresholds", threshold);
  }

  /** {@code auc} with a number of thresholds and a curve ({@code ROC} or {@code PR}). */
  public static ComponentSpec auc(int numThresholds, Auc.Curve curve) {
    return ComponentSpec.of(Auc.DEFAULT_NAME, "num_thresholds", numThresholds, "curve", curve.name());
  }

  private static Metric binaryAccuracy(Args a) {
    String name = a.getString("name", BinaryAccuracy.DEFAULT_NAME);
    double threshold = a.getDouble("threshold", BinaryAccuracy.DEFAULT_THRESHOLD);
    if (!Double.isFinite(threshold)) {
      throw new SpecException(a.pathOf("threshold"), "threshold must be a finite number, got " + threshold);
    }
    return new BinaryAccuracy(name, threshold);
  }

  private static double threshold(Args a) {
    Object raw = a.raw("thresholds", "number or [number]");
    if (raw instanceof List<?> list) {
      if (list.size() != 1) {
        throw new SpecException(a.pathOf("thresholds"), "only one threshold is supported (the metric reports one "
            + "number), got " + list + "; add one metric per threshold with its own name");
      }
      raw = list.get(0);
      if (!(raw instanceof Number)) {
        throw new SpecException(a.pathOf("thresholds"), "thresholds must be a number in [0, 1], got '" + raw + "'");
      }
      return checkThreshold(a, ((Number) raw).doubleValue());
    }
    return checkThreshold(a, a.getDouble("thresholds", ThresholdConfusion.DEFAULT_THRESHOLD));
  }

  private static double checkThreshold(Args a, double t) {
    if (!(t >= 0 && t <= 1)) {
      throw new SpecException(a.pathOf("thresholds"), "thresholds must be in [0, 1], got " + t);
    }
    return t;
  }

  private static int classId(Args a) {
    int id = a.getInt("class_id", ThresholdConfusion.ALL_CLASSES);
    if (a.has("class_id") && id < 0) {
      throw new SpecException(a.pathOf("class_id"), "class_id must be a column index >= 0, got " + id);
    }
    return id;
  }

  private static Metric r2(Args a) {
    String name = a.getString("name", R2Score.DEFAULT_NAME);
    String aggregation = a.getChoice("class_aggregation", R2Score.UNIFORM_AVERAGE, R2Score.AGGREGATIONS);
    int regressors = a.getInt("num_regressors", 0);
    if (regressors < 0) {
      throw new SpecException(a.pathOf("num_regressors"), "num_regressors must be an integer >= 0, got " + regressors);
    }
    return new R2Score(name, aggregation, regressors);
  }

  private static Metric auc(Args a) {
    String name = a.getString("name", Auc.DEFAULT_NAME);
    int num = a.getInt("num_thresholds", Auc.DEFAULT_NUM_THRESHOLDS);
    if (num <= 1) {
      throw new SpecException(a.pathOf("num_thresholds"), "num_thresholds must be an integer > 1, got " + num
          + "; Keras's default is " + Auc.DEFAULT_NUM_THRESHOLDS);
    }
    String curve = a.getString("curve", Auc.Curve.ROC.name());
    Auc.Curve c = switch (curve) {
      case "ROC", "roc" -> Auc.Curve.ROC;
      case "PR", "pr" -> Auc.Curve.PR;
      default -> throw new SpecException(a.pathOf("curve"), "curve must be ROC or PR, got '" + curve + "'");
    };
    String method = a.getString("summation_method", "interpolation");
    Auc.Summation s = switch (method.toLowerCase(Locale.ROOT)) {
      case "interpolation" -> Auc.Summation.INTERPOLATION;
      case "minoring" -> Auc.Summation.MINORING;
      case "majoring" -> Auc.Summation.MAJORING;
      default -> throw new SpecException(a.pathOf("summation_method"),
          "summation_method must be interpolation, minoring or majoring, got '" + method + "'."
              + Names.didYouMean(method, List.of("interpolation", "minoring", "majoring")));
    };
    boolean fromLogits = a.getBoolean("from_logits", false);
    return new Auc(name, num, c, s, fromLogits);
  }
}

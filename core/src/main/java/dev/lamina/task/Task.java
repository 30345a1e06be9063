package dev.lamina.task;

import dev.lamina.metric.Metric;
import dev.lamina.metric.Metrics;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.SpecException;
import java.util.List;

/**
 * What a model is trained to do, decided once per run by {@link #decide} from the loss, the output
 * layer and the target column(s) - as scikit-learn's {@code type_of_target} decides it once for
 * every estimator and metric - and then carried to every stage after the network: the metrics a
 * spec may ask for, {@code metrics.json}, {@code predictions.csv}, the console summary,
 * {@code predict}, the plots and the sweep report.
 *
 * <ul>
 *   <li>{@link Binary}: one target of two classes, one sigmoid output, {@code binary_crossentropy};
 *       scikit-learn's {@code binary}.</li>
 *   <li>{@link MultiClass}: one target of k classes, k softmax outputs, (sparse) categorical
 *       cross-entropy; {@code multiclass}.</li>
 *   <li>{@link MultiLabel}: several 0/1 targets, one sigmoid output each, {@code binary_crossentropy};
 *       {@code multilabel-indicator}.</li>
 *   <li>{@link Regression}: one or several numeric targets, one output each, any regression loss
 *       ({@code mse}, {@code mae}, {@code huber}); {@code continuous} / {@code continuous-multioutput}.</li>
 * </ul>
 */
public sealed interface Task permits Binary, MultiClass, MultiLabel, Regression {
  /** The losses of classification; every other loss makes a regression. */
  List<String> CLASSIFICATION_LOSSES = List.of("binary_crossentropy", "categorical_crossentropy",
      "sparse_categorical_crossentropy");

  /**
   * The task's name as written to {@code metrics.json} and shown to users: {@code binary},
   * {@code multi_class}, {@code multi_label} or {@code regression}.
   */
  String kind();

  /** The target column names, in output order (one for binary and multi-class). */
  List<String> targets();

  /** The number of model outputs the task needs: one per target unless a class needs its own. */
  default int outputs() {
    return targets().size();
  }

  /**
   * The class names as they appear in the data: two for {@link Binary} (negative first), k for
   * {@link MultiClass} (index order), empty for {@link MultiLabel} and {@link Regression}.
   */
  default List<String> classes() {
    return List.of();
  }

  /** Whether the task predicts classes (binary, multi-class, multi-label) rather than numbers. */
  default boolean classification() {
    return !(this instanceof Regression);
  }

  /**
   * Whether {@code metric} fits this task: a regression metric ({@link Metric#regression()}) for a
   * regression, a class metric otherwise.
   */
  default boolean accepts(Metric metric) {
    return metric.regression() != classification();
  }

  /**
   * Checks every metric of {@code compile} against the task.
   *
   * @throws SpecException at {@code compile.metrics[i]} (or {@code compile.weighted_metrics[i]})
   *     for a metric that does not fit, naming the ones that do
   */
  default void checkMetrics(CompileSpec compile) {
    check(compile.metrics(), "compile.metrics");
    check(compile.weightedMetrics(), "compile.weighted_metrics");
  }

  private void check(List<ComponentSpec> specs, String path) {
    boolean sparse = this instanceof MultiClass;
    for (int i = 0; i < specs.size(); i++) {
      String at = path + "[" + i + "]";
      Metric m = Metrics.create(specs.get(i), at, outputs(), sparse);
      if (!accepts(m)) {
        throw new SpecException(at, "metric '" + specs.get(i).name() + "' measures "
            + (m.regression() ? "numbers" : "classes") + ", but this model is a " + describe() + ". Use "
            + (classification() ? "accuracy, precision, recall or auc" : "mae, mse, rmse, mape, msle, r2, log_cosh or"
                + " cosine_similarity") + ", or remove it");
      }
    }
  }

  /** A short description for messages: {@code regression of 'Price'}, {@code binary classifier of 'Exited'}. */
  default String describe() {
    String of = targets().size() == 1 ? "'" + targets().get(0) + "'" : targets().size() + " targets " + targets();
    return switch (kind()) {
      case Binary.KIND -> "binary classifier of " + of;
      case MultiClass.KIND -> classes().size() + "-class classifier of " + of;
      case MultiLabel.KIND -> "multi-label classifier of " + of;
      default -> "regression of " + of;
    };
  }

  /**
   * Decides the task: the one function every stage asks (see {@link TaskDecision}).
   *
   * @param loss the compiled loss's canonical name ({@code binary_crossentropy}, {@code mse} is
   *     {@code mean_squared_error}, ...)
   * @param output the model's output layer
   * @param targets the target columns, in output order
   * @throws SpecException when the loss, the output layer and the targets disagree, saying which
   *     to change
   */
  static Task decide(String loss, OutputLayer output, List<Target> targets) {
    return TaskDecision.decide(loss, output, targets);
  }
}

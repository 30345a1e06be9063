package dev.lamina.run;

import dev.lamina.metric.BinaryReport;
import dev.lamina.metric.MultiClassReport;
import dev.lamina.model.Model;
import dev.lamina.report.ConfusionMatrix;
import dev.lamina.report.ConfusionMatrixPlot;
import dev.lamina.report.CurvePlots;
import dev.lamina.report.ThresholdsCsv;
import dev.lamina.task.Binary;
import dev.lamina.task.MultiClass;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The classification report of a run on its test rows, added to {@code metrics.json} and written
 * beside it.
 *
 * <p>Binary models (one output, labels 0/1), at the threshold in use:
 * {@value #CONFUSION_MATRIX} ({@code [[TN, FP], [FN, TP]]}, labelled with the class names, as
 * {@link ConfusionMatrix}), {@value #PRECISION},
 * {@value #RECALL}, {@value #F1}, {@value #ACCURACY_AT_THRESHOLD}, and, over all thresholds,
 * {@value #ROC_AUC} (exact, by ranks with ties averaged) and {@value #PR_AUC} (average
 * precision) - not Keras's 200-bucket {@code AUC} approximation; plus {@code roc.png},
 * {@code pr.png} and {@code thresholds.csv}. A compiled {@code precision} or {@code recall}
 * metric's {@code test_} value is replaced by the one at the threshold in use (equal at 0.5).
 *
 * <p>Multi-class models: {@value #CONFUSION_MATRIX} (rows true class, columns predicted, labelled
 * with the class names), and {@value #PRECISION_PER_CLASS}, {@value #RECALL_PER_CLASS} and
 * {@value #F1_PER_CLASS} keyed by class name ({@code {setosa: 1.0, versicolor: 0.9, ...}}).
 *
 * <p>Both draw the matrix as {@value ConfusionMatrixPlot#FILE}.
 */
public final class TestReport {
  /** Key of the confusion matrix. */
  public static final String CONFUSION_MATRIX = "test_confusion_matrix";
  /** Key of the precision at the threshold in use. */
  public static final String PRECISION = "test_precision";
  /** Key of the recall at the threshold in use. */
  public static final String RECALL = "test_recall";
  /** Key of the F1 at the threshold in use. */
  public static final String F1 = "test_f1";
  /** Key of the accuracy at the threshold in use (test_accuracy is Keras's, at 0.5). */
  public static final String ACCURACY_AT_THRESHOLD = "test_accuracy_at_threshold";
  /** Key of the exact ROC AUC. */
  public static final String ROC_AUC = "test_roc_auc";
  /** Key of the average precision. */
  public static final String PR_AUC = "test_pr_auc";
  /** Key of the per-class precision (multi-class). */
  public static final String PRECISION_PER_CLASS = "test_precision_per_class";
  /** Key of the per-class recall (multi-class). */
  public static final String RECALL_PER_CLASS = "test_recall_per_class";
  /** Key of the per-class F1 (multi-class). */
  public static final String F1_PER_CLASS = "test_f1_per_class";

  private TestReport() {}

  /** Whether the model and labels make a binary problem (one output, every label 0 or 1). */
  public static boolean isBinary(Model model, double[] labels) {
    if (model.outputWidth() != 1) {
      return false;
    }
    for (double y : labels) {
      if (y != 0 && y != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * Adds the binary keys to {@code metrics} and writes the curves, the confusion matrix and the
   * threshold table to {@code out}, the plots drawn by {@code plots} (for example on other
   * threads; the caller then waits for them).
   *
   * @param task the model's task: the target and its two class names, negative first
   */
  public static BinaryReport binary(double[] scores, double[] labels, double threshold, Binary task,
      Map<String, Object> metrics, Path out, Executor plots) {
    BinaryReport r = BinaryReport.of(scores, labels, threshold);
    ConfusionMatrix cm = new ConfusionMatrix(task.target(), task.classes(), r.confusionMatrix());
    metrics.put(CONFUSION_MATRIX, cm.toMap());
    plots.execute(() -> ConfusionMatrixPlot.write(out.resolve(ConfusionMatrixPlot.FILE), cm));
    metrics.put(PRECISION, r.precision());
    metrics.put(RECALL, r.recall());
    metrics.put(F1, r.f1());
    metrics.put(ACCURACY_AT_THRESHOLD, r.accuracy());
    metrics.put(ROC_AUC, r.rocAuc());
    metrics.put(PR_AUC, r.prAuc());
    plots.execute(() -> CurvePlots.writeRoc(out.resolve("roc.png"), r));
    plots.execute(() -> CurvePlots.writePr(out.resolve("pr.png"), r));
    ThresholdsCsv.write(out.resolve("thresholds.csv"), r);
    return r;
  }

  /**
   * Adds the multi-class keys to {@code metrics} and draws the confusion matrix into {@code out}.
   *
   * @param task the model's task: the target and its class names in output order
   */
  public static void multiClass(double[] probabilities, double[] labels, MultiClass task, Map<String, Object> metrics,
      Path out, Executor plots) {
    MultiClassReport r = MultiClassReport.of(probabilities, task.outputs(), labels);
    ConfusionMatrix cm = new ConfusionMatrix(task.target(), task.classes(), r.confusionMatrix());
    metrics.put(CONFUSION_MATRIX, cm.toMap());
    metrics.put(PRECISION_PER_CLASS, byClass(task.classes(), r.precision()));
    metrics.put(RECALL_PER_CLASS, byClass(task.classes(), r.recall()));
    metrics.put(F1_PER_CLASS, byClass(task.classes(), r.f1()));
    plots.execute(() -> ConfusionMatrixPlot.write(out.resolve(ConfusionMatrixPlot.FILE), cm));
  }

  /** {@code {setosa: 1.0, versicolor: 0.9, ...}} in class order. */
  private static Map<String, Double> byClass(List<String> classes, double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int c = 0; c < values.length; c++) {
      m.put(classes.get(c), values[c]);
    }
    return m;
  }
}

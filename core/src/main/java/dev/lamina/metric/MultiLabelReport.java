package dev.lamina.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What a multi-label classifier (k sigmoid outputs, one 0/1 label each) does on a set of rows:
 * one {@link BinaryReport} per label at that label's threshold, and the macro average of each
 * score over the labels, as scikit-learn's {@code precision_score(y, p, average="macro")} (and
 * {@code recall_score}, {@code f1_score}, {@code roc_auc_score(y, s, average="macro")}) on a
 * {@code multilabel-indicator} target:
 *
 * <pre>
 *   macro precision = (1/k) sum_j TP_j / (TP_j + FP_j)     (0 for a label with nothing flagged)
 *   macro recall    = (1/k) sum_j TP_j / (TP_j + FN_j)
 *   macro F1        = (1/k) sum_j 2 P_j R_j / (P_j + R_j)  (the mean of the per-label F1s, not the F1 of the means)
 *   macro ROC AUC   = (1/k) sum_j AUC_j                    (exact, by ranks; NaN when a label has one class)
 * </pre>
 */
public final class MultiLabelReport {
  private final List<BinaryReport> labels;

  private MultiLabelReport(List<BinaryReport> labels) {
    this.labels = List.copyOf(labels);
  }

  /**
   * The report of row-major {@code scores} against row-major 0/1 {@code truth}, {@code k} per row.
   *
   * @param thresholds each label's threshold (a label is 1 when its score is strictly greater)
   * @throws IllegalArgumentException when the sizes disagree
   */
  public static MultiLabelReport of(double[] scores, double[] truth, int k, double[] thresholds) {
    if (k < 1 || scores.length != truth.length || scores.length % k != 0 || thresholds.length != k) {
      throw new IllegalArgumentException("expected row-major scores and labels of " + k + " per row and " + k
          + " thresholds, got " + scores.length + " scores, " + truth.length + " labels, " + thresholds.length
          + " thresholds");
    }
    List<BinaryReport> reports = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      reports.add(BinaryReport.of(column(scores, j, k), column(truth, j, k), thresholds[j]));
    }
    return new MultiLabelReport(reports);
  }

  /** The number of labels. */
  public int size() {
    return labels.size();
  }

  /** Label {@code j}'s report at its threshold. */
  public BinaryReport label(int j) {
    return labels.get(j);
  }

  /** The mean over the labels of their precision. */
  public double macroPrecision() {
    return macro(BinaryReport::precision);
  }

  /** The mean over the labels of their recall. */
  public double macroRecall() {
    return macro(BinaryReport::recall);
  }

  /** The mean over the labels of their F1. */
  public double macroF1() {
    return macro(BinaryReport::f1);
  }

  /** The mean over the labels of their exact ROC AUC; NaN when a label holds one class only. */
  public double macroRocAuc() {
    return macro(BinaryReport::rocAuc);
  }

  /** The mean of {@code score} over the labels, summed in label order. */
  private double macro(ToDoubleFunction<BinaryReport> score) {
    double sum = 0;
    for (BinaryReport r : labels) {
      sum += score.applyAsDouble(r);
    }
    return sum / labels.size();
  }

  private static double[] column(double[] x, int j, int k) {
    double[] c = new double[x.length / k];
    for (int i = 0; i < c.length; i++) {
      c[i] = x[i * k + j];
    }
    return c;
  }
}

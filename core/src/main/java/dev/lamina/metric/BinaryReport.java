package dev.lamina.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * What a binary classifier does on a set of rows, computed exactly from every score (not Keras's
 * 200-bucket {@link Auc} approximation):
 *
 * <ul>
 *   <li>the confusion matrix at a threshold (a row is flagged when its score is strictly greater
 *       than the threshold, as Keras's {@code predict(x) > 0.5}), laid out as scikit-learn's
 *       {@code confusion_matrix}: {@code [[TN, FP], [FN, TP]]};
 *   <li>precision TP/(TP+FP), recall TP/(TP+FN), F1 = 2PR/(P+R), accuracy; a ratio with a zero
 *       denominator is 0 (Keras's and scikit-learn's {@code zero_division} default);
 *   <li>ROC AUC by ranks (Mann-Whitney): {@code (sum of the positives' ranks - P(P+1)/2) / (P N)}
 *       with tied scores given their average rank, which equals the trapezoid area under the exact
 *       ROC curve and scikit-learn's {@code roc_auc_score};
 *   <li>PR AUC as average precision, {@code sum_k (R_k - R_{k-1}) P_k} over the distinct scores
 *       in decreasing order (scikit-learn's {@code average_precision_score}, a step function with
 *       no interpolation, so it never overstates the area).
 * </ul>
 * AUCs are NaN when the rows hold only one class.
 */
public final class BinaryReport {
  /** The thresholds of {@link #table()}: 0.01, 0.02, ..., 0.99. */
  public static final int TABLE_STEPS = 100;

  private final double[] scores;
  private final double[] labels;
  private final RankedScores ranked;
  private final double threshold;
  private final long tp;
  private final long fp;
  private final long tn;
  private final long fn;

  private BinaryReport(double[] scores, double[] labels, double threshold) {
    this.scores = scores.clone();
    this.labels = labels.clone();
    this.ranked = RankedScores.of(scores, labels);
    this.threshold = threshold;
    long[] c = counts(scores, labels, threshold);
    this.tp = c[0];
    this.fp = c[1];
    this.tn = c[2];
    this.fn = c[3];
  }

  /** The report for scores (probability of class 1) and 0/1 labels at {@code threshold}. */
  public static BinaryReport of(double[] scores, double[] labels, double threshold) {
    return new BinaryReport(scores, labels, threshold);
  }

  private static long[] counts(double[] scores, double[] labels, double t) {
    long[] c = new long[4];
    for (int i = 0; i < scores.length; i++) {
      boolean flagged = scores[i] > t;
      boolean positive = labels[i] > 0.5;
      c[flagged ? (positive ? 0 : 1) : (positive ? 3 : 2)]++;
    }
    return c;
  }

  /** The threshold the counts use. */
  public double threshold() {
    return threshold;
  }

  /** {@code [[TN, FP], [FN, TP]]}: rows are the true class, columns the predicted one. */
  public long[][] confusionMatrix() {
    return new long[][] {{tn, fp}, {fn, tp}};
  }

  /** TP / (TP + FP), 0 when nothing is flagged. */
  public double precision() {
    return ratio(tp, tp + fp);
  }

  /** TP / (TP + FN), 0 when there are no positives. */
  public double recall() {
    return ratio(tp, tp + fn);
  }

  /** 2 P R / (P + R), 0 when both are 0. */
  public double f1() {
    return f1(precision(), recall());
  }

  /** (TP + TN) / rows. */
  public double accuracy() {
    return ratio(tp + tn, tp + tn + fp + fn);
  }

  /** Exact ROC AUC by average ranks (ties averaged); NaN with one class only. */
  public double rocAuc() {
    return rocAuc(scores, labels);
  }

  /** Average precision over the distinct scores; NaN without positives. */
  public double prAuc() {
    if (ranked.positives() == 0) {
      return Double.NaN;
    }
    double ap = 0;
    double prevRecall = 0;
    for (int k = 0; k < ranked.size(); k++) {
      double r = (double) ranked.truePositives(k) / ranked.positives();
      double p = (double) ranked.truePositives(k) / (ranked.truePositives(k) + ranked.falsePositives(k));
      ap += (r - prevRecall) * p;
      prevRecall = r;
    }
    return ap;
  }

  /**
   * Mann-Whitney AUC: ranks 1..n in increasing score order, each tie group given the average of
   * its ranks; {@code (R+ - P(P+1)/2) / (P N)}.
   */
  static double rocAuc(double[] scores, double[] labels) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double positiveRanks = 0;
    long p = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + 1 + j + 1) / 2.0;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] > 0.5) {
          positiveRanks += rank;
          p++;
        }
      }
      i = j + 1;
    }
    long neg = n - p;
    if (p == 0 || neg == 0) {
      return Double.NaN;
    }
    return (positiveRanks - p * (p + 1) / 2.0) / ((double) p * neg);
  }

  /** The ROC curve through every distinct score: {@code {fpr[], tpr[]}}, starting at (0, 0). */
  public double[][] rocCurve() {
    int m = ranked.size();
    double[] fpr = new double[m + 1];
    double[] tpr = new double[m + 1];
    for (int k = 0; k < m; k++) {
      fpr[k + 1] = ratio(ranked.falsePositives(k), ranked.negatives());
      tpr[k + 1] = ratio(ranked.truePositives(k), ranked.positives());
    }
    return new double[][] {fpr, tpr};
  }

  /** The precision-recall points at every distinct score: {@code {recall[], precision[]}}. */
  public double[][] prCurve() {
    int m = ranked.size();
    double[] r = new double[m];
    double[] p = new double[m];
    for (int k = 0; k < m; k++) {
      r[k] = ratio(ranked.truePositives(k), ranked.positives());
      p[k] = ratio(ranked.truePositives(k), ranked.truePositives(k) + ranked.falsePositives(k));
    }
    return new double[][] {r, p};
  }

  /** Share of rows that are positive: the precision of a random ranking (the PR baseline). */
  public double positiveRate() {
    return ratio(ranked.positives(), ranked.rows());
  }

  /** One row of the threshold table. */
  public record ThresholdRow(double threshold, double precision, double recall, double f1, double flagged) {}

  /** Precision, recall, F1 and the share of rows flagged at 0.01, 0.02, ..., 0.99. */
  public List<ThresholdRow> table() {
    List<ThresholdRow> rows = new ArrayList<>();
    for (int s = 1; s < TABLE_STEPS; s++) {
      double t = s / (double) TABLE_STEPS;
      long[] c = counts(scores, labels, t);
      double p = ratio(c[0], c[0] + c[1]);
      double r = ratio(c[0], c[0] + c[3]);
      rows.add(new ThresholdRow(t, p, r, f1(p, r), ratio(c[0] + c[1], scores.length)));
    }
    return rows;
  }

  static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}

package dev.lamina.run;

import dev.lamina.metric.Metric;
import dev.lamina.metric.R2Score;
import dev.lamina.metric.RootMeanSquaredError;
import dev.lamina.metric.RowError;
import dev.lamina.metric.RowErrorMean;
import dev.lamina.task.Binary;
import dev.lamina.task.MultiClass;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what a scoring pass predicts, batch by batch in constant memory: rows per predicted
 * class or label, and for a regression the streamed MAE, RMSE and R2 against the true values of
 * the rows that have them (averaged over the targets, and with several targets per target too);
 * and the categories never seen in training that columns with {@code handle_unknown: ignore}
 * scored as all zeros.
 */
final class Tally {
  private final Task task;
  private final Thresholds thresholds;
  private final double[] perOutput;
  private final long[] counts;
  private final List<Metric> scores = errors();
  /** With several targets, the same three scores per target. */
  private final List<List<Metric>> perTarget = new java.util.ArrayList<>();
  private long rows;
  private long scored;
  private final Map<String, Long> unseen = new LinkedHashMap<>();
  private long unseenRows;
  private long lastUnseenRow = -1;

  Tally(Task task, Thresholds thresholds) {
    this.task = task;
    this.thresholds = thresholds;
    this.perOutput = thresholds.forOutputs(task);
    this.counts = new long[task instanceof Binary ? 2 : task.classification() ? task.outputs() : 0];
    if (!task.classification() && task.targets().size() > 1) {
      for (int j = 0; j < task.targets().size(); j++) {
        perTarget.add(errors());
      }
    }
  }

  /** MAE, RMSE and R2, in the order of {@link RegressionReport#scores}. */
  private static List<Metric> errors() {
    return List.of(new RowErrorMean(RowError.MEAN_ABSOLUTE_ERROR),
        new RootMeanSquaredError(RootMeanSquaredError.DEFAULT_NAME), new R2Score());
  }

  long rows() {
    return rows;
  }

  /** Adds {@code n} rows of row-major outputs and their true values (one per target, NaN when unknown). */
  void add(double[] outputs, double[] truth, int n) {
    int k = task.outputs();
    for (int i = 0; i < n; i++) {
      if (task instanceof Binary) {
        counts[Thresholds.decide(outputs[i], perOutput, 0) ? 1 : 0]++;
      } else if (task instanceof MultiClass) {
        counts[argmax(outputs, i * k, k)]++;
      } else if (task instanceof MultiLabel) {
        for (int j = 0; j < k; j++) {
          counts[j] += Thresholds.decide(outputs[i * k + j], perOutput, j) ? 1 : 0;
        }
      }
    }
    if (!task.classification()) {
      scoreKnown(outputs, truth, n, k);
    }
    rows += n;
  }

  /** Counts one cell of row {@code row} holding an unseen category ({@code Geography=Italy}). */
  void unseen(long row, String column, String value) {
    unseen.merge(column + "=" + value, 1L, Long::sum);
    if (row != lastUnseenRow) {
      unseenRows++;
      lastUnseenRow = row;
    }
  }

  /** Updates the regression scores with the rows whose every true value is known. */
  private void scoreKnown(double[] outputs, double[] truth, int n, int k) {
    int t = task.targets().size();
    double[] out = new double[n * k];
    double[] known = new double[n * t];
    int m = 0;
    for (int i = 0; i < n; i++) {
      boolean all = true;
      for (int j = 0; j < t; j++) {
        all &= !Double.isNaN(truth[i * t + j]);
      }
      if (all) {
        System.arraycopy(outputs, i * k, out, m * k, k);
        System.arraycopy(truth, i * t, known, m * t, t);
        m++;
      }
    }
    if (m > 0) {
      for (Metric metric : scores) {
        metric.update(out, known, null, m, k);
      }
      for (int j = 0; j < perTarget.size(); j++) {
        double[] p = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
          p[i] = out[i * k + j];
          y[i] = known[i * t + j];
        }
        for (Metric metric : perTarget.get(j)) {
          metric.update(p, y, null, m, 1);
        }
      }
      scored += m;
    }
  }

  /**
   * @param unlabelled rows whose target cell was missing or no value of the target, in a file
   *     that has the target column
   * @param firstUnlabelled the first of them (a 1-based data row), or 0
   */
  PredictSummary summary(long unlabelled, long firstUnlabelled) {
    Map<String, Double> s = new LinkedHashMap<>();
    if (!task.classification() && scored > 0) {
      s.put(RegressionReport.MAE, scores.get(0).result());
      s.put(RegressionReport.RMSE, scores.get(1).result());
      s.put(RegressionReport.R2, scores.get(2).result());
      for (int j = 0; j < perTarget.size(); j++) {
        String suffix = "_" + task.targets().get(j);
        s.put(RegressionReport.MAE + suffix, perTarget.get(j).get(0).result());
        s.put(RegressionReport.RMSE + suffix, perTarget.get(j).get(1).result());
        s.put(RegressionReport.R2 + suffix, perTarget.get(j).get(2).result());
      }
    }
    return new PredictSummary(task, rows, counts, s, thresholds, unseenRows, unseen, unlabelled, firstUnlabelled);
  }

  private static int argmax(double[] v, int from, int n) {
    int best = 0;
    for (int j = 1; j < n; j++) {
      if (v[from + j] > v[from + best] || Double.isNaN(v[from + best]) && !Double.isNaN(v[from + j])) {
        best = j;
      }
    }
    return best;
  }
}

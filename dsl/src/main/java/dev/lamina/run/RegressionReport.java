package dev.lamina.run;

import dev.lamina.metric.Metric;
import dev.lamina.metric.R2Score;
import dev.lamina.metric.RootMeanSquaredError;
import dev.lamina.metric.RowError;
import dev.lamina.metric.RowErrorMean;
import dev.lamina.report.RegressionPlots;
import dev.lamina.task.Regression;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The report of a regression on its test rows, added to {@code metrics.json}: {@value #MAE},
 * {@value #RMSE} and {@value #R2} (unweighted, averaged over the targets as scikit-learn's
 * {@code uniform_average}; R2 is scikit-learn's {@code r2_score}), and with several targets the same
 * per target under {@value #PER_TARGET_SUFFIX} keys ({@code {"Weight": 18.2, ...}}); plus the plots
 * {@code predicted_vs_actual.png} and {@code residuals.png}.
 */
public final class RegressionReport {
  /** Key of the test mean absolute error. */
  public static final String MAE = "test_mae";
  /** Key of the test root mean squared error. */
  public static final String RMSE = "test_rmse";
  /** Key of the test R2. */
  public static final String R2 = "test_r2";
  /** Suffix of the per-target maps ({@code test_mae_per_target}). */
  public static final String PER_TARGET_SUFFIX = "_per_target";

  private RegressionReport() {}

  /**
   * The test MAE, RMSE and R2 of row-major {@code predicted} against {@code actual}
   * ({@code task.outputs()} values per row), in that order.
   */
  public static Map<String, Double> scores(Regression task, double[] predicted, double[] actual) {
    int k = task.outputs();
    int rows = predicted.length / k;
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(MAE, score(new RowErrorMean(RowError.MEAN_ABSOLUTE_ERROR), predicted, actual, rows, k));
    m.put(RMSE, score(new RootMeanSquaredError(RMSE), predicted, actual, rows, k));
    m.put(R2, score(new R2Score(), predicted, actual, rows, k));
    return m;
  }

  /** Adds the test scores to {@code metrics} and draws the two plots into {@code out} with {@code plots}. */
  static void write(Regression task, double[] predicted, double[] actual, Map<String, Object> metrics, Path out,
      Executor plots) {
    metrics.putAll(scores(task, predicted, actual));
    int k = task.outputs();
    if (k > 1) {
      Map<String, Map<String, Double>> perTarget = new LinkedHashMap<>();
      for (int j = 0; j < k; j++) {
        double[] p = column(predicted, j, k);
        double[] a = column(actual, j, k);
        Map<String, Double> one = scores(new Regression(java.util.List.of(task.targets().get(j))), p, a);
        for (Map.Entry<String, Double> e : one.entrySet()) {
          perTarget.computeIfAbsent(e.getKey() + PER_TARGET_SUFFIX, x -> new LinkedHashMap<>())
              .put(task.targets().get(j), e.getValue());
        }
      }
      metrics.putAll(perTarget);
    }
    plots.execute(() -> RegressionPlots.writePredictedVsActual(out, task.targets(), predicted, actual));
    plots.execute(() -> RegressionPlots.writeResiduals(out, task.targets(), predicted, actual));
  }

  private static double score(Metric m, double[] predicted, double[] actual, int rows, int cols) {
    m.update(predicted, actual, null, rows, cols);
    return m.result();
  }

  private static double[] column(double[] x, int j, int cols) {
    double[] c = new double[x.length / cols];
    for (int r = 0; r < c.length; r++) {
      c[r] = x[r * cols + j];
    }
    return c;
  }
}

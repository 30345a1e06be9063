package dev.lamina.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The analysis behind the report: cells grouped by activation (when it is swept), each summarized
 * in a {@link CellStats}, ranked, and the winner tested against the runner-up.
 *
 * <p>The ranking metric is the sweep's {@code monitor} when it names one (a history key, by its
 * best value over the epochs), in the direction its metric says; else the best val_loss (the
 * training loss without validation rows). The test rows never rank: choosing the winner on them
 * would make its test scores an optimistic estimate, so they are reported beside the ranking
 * ({@link SweepSpec} refuses a {@code test_} monitor). The loss target of {@code epochs_to_target}
 * is {@code target_loss} from the sweep section, or else the median of the best val_loss over all
 * OK runs of the sweep (so about half the runs reach it, and the column says how fast).
 *
 * @param metricName the ranking metric: the monitor or {@value #DEFAULT_METRIC}
 * @param higherIsBetter whether the ranking puts larger values first
 * @param target the loss target
 * @param groupField "activation" when it is swept, else null
 * @param groups the groups, in the order of the activation axis
 */
public record SweepStatistics(String metricName, boolean higherIsBetter, double target, String groupField,
    List<GroupStats> groups) {
  /** The ranking metric of a sweep without a monitor: each run's lowest val_loss. */
  public static final String DEFAULT_METRIC = "best_val_loss";

  /** Analyzes the results of a sweep ranked by a loss (lower is better). */
  public static SweepStatistics of(SweepSpec spec, List<SweepResult> results) {
    return of(spec, results, false);
  }

  /**
   * Analyzes the results of a sweep.
   *
   * @param higherIsBetter whether the sweep's monitor ranks larger values first (its metric's
   *     {@code higherIsBetter}); ignored without a monitor
   */
  public static SweepStatistics of(SweepSpec spec, List<SweepResult> results, boolean higherIsBetter) {
    String metricName = spec.monitor() != null ? spec.monitor() : DEFAULT_METRIC;
    boolean higher = spec.monitor() != null && higherIsBetter;
    ToDoubleFunction<SweepResult> value = spec.monitor() == null
        ? SweepResult::bestValLoss
        : r -> r.score("best_" + spec.monitor());
    double target = spec.targetLoss() != null ? spec.targetLoss() : autoTarget(results);
    int groupAxis = -1;
    for (int a = 0; a < spec.axes().size(); a++) {
      if (spec.axes().get(a).field().equals("activation")) {
        groupAxis = a;
      }
    }
    Map<String, Map<String, List<SweepResult>>> grouped = new LinkedHashMap<>();
    if (groupAxis >= 0) {
      for (String v : spec.axes().get(groupAxis).values()) {
        grouped.put(v, new LinkedHashMap<>());
      }
    }
    for (SweepResult r : results) {
      String g = groupAxis >= 0 ? r.run().values().get(groupAxis) : "all";
      List<String> rest = new ArrayList<>(r.run().values());
      if (groupAxis >= 0) {
        rest.remove(groupAxis);
      }
      String label = rest.isEmpty() ? "(spec)" : String.join(", ", rest);
      grouped.computeIfAbsent(g, k -> new LinkedHashMap<>()).computeIfAbsent(label, k -> new ArrayList<>()).add(r);
    }
    List<GroupStats> groups = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<SweepResult>>> g : grouped.entrySet()) {
      List<CellStats> cells = new ArrayList<>();
      for (Map.Entry<String, List<SweepResult>> c : g.getValue().entrySet()) {
        cells.add(cell(g.getKey(), c.getKey(), c.getValue(), value, target));
      }
      List<CellStats> ranking = new ArrayList<>(cells);
      ranking.sort(Comparator.<CellStats>comparingInt(c -> c.ok() == 0 ? Integer.MAX_VALUE : c.runs().size() - c.ok())
          .thenComparingDouble(c -> Double.isNaN(c.metricMean()) ? Double.POSITIVE_INFINITY
              : higher ? -c.metricMean() : c.metricMean()));
      double welch = Double.NaN;
      double mwu = Double.NaN;
      if (ranking.size() > 1) {
        double[] a = ranking.get(0).metric();
        double[] b = ranking.get(1).metric();
        if (a.length >= 2 && b.length >= 2) {
          if (ranking.get(0).metricSd() > 0 || ranking.get(1).metricSd() > 0) {
            welch = new TTest().tTest(a, b);
          }
          mwu = new MannWhitneyUTest().mannWhitneyUTest(a, b);
        }
      }
      groups.add(new GroupStats(g.getKey(), cells, ranking, welch, mwu));
    }
    return new SweepStatistics(metricName, higher, target, groupAxis >= 0 ? "activation" : null, groups);
  }

  private static double autoTarget(List<SweepResult> results) {
    double[] best = results.stream().filter(r -> r.status() == RunStatus.OK).mapToDouble(SweepResult::bestValLoss).toArray();
    return best.length == 0 ? Double.NaN : new Median().evaluate(best);
  }

  private static CellStats cell(String group, String label, List<SweepResult> runs, ToDoubleFunction<SweepResult> value,
      double target) {
    List<SweepResult> ok = runs.stream().filter(r -> r.status() == RunStatus.OK).toList();
    int diverged = (int) runs.stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
    int failed = (int) runs.stream().filter(r -> r.status() == RunStatus.FAILED).count();
    double[] metric = ok.stream().mapToDouble(value).toArray();
    double[] acc = ok.stream().mapToDouble(SweepResult::testAccuracy).toArray();
    double[] best = ok.stream().mapToDouble(SweepResult::bestValLoss).toArray();
    double[] epochs = ok.stream().mapToInt(r -> r.epochsTo(target)).filter(e -> e > 0).asDoubleStream().toArray();
    int length = ok.stream().mapToInt(r -> r.valLoss().length).max().orElse(0);
    double[] curveMean = new double[length];
    double[] curveSd = new double[length];
    for (int e = 0; e < length; e++) {
      int epoch = e;
      double[] at = ok.stream().filter(r -> r.valLoss().length > epoch).mapToDouble(r -> r.valLoss()[epoch]).toArray();
      curveMean[e] = mean(at);
      curveSd[e] = at.length > 1 ? sd(at) : 0;
    }
    return new CellStats(group, label, runs, ok.size(), diverged, failed, metric, mean(metric), sd(metric), mean(acc),
        sd(acc), mean(best), sd(best), epochs.length, epochs.length == 0 ? -1 : new Median().evaluate(epochs),
        curveMean, curveSd);
  }

  static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
  }

  static double sd(double[] v) {
    if (v.length < 2) {
      return v.length == 1 ? 0 : Double.NaN;
    }
    double m = mean(v);
    double s = 0;
    for (double d : v) {
      s += (d - m) * (d - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}

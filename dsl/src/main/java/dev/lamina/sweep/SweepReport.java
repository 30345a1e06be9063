package dev.lamina.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lamina.diagnose.Diagnosis;
import dev.lamina.diagnose.LayerStats;
import dev.lamina.report.AtomicFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a sweep's outputs into one folder, each file atomically:
 * <ul>
 *   <li>{@code sweep.csv}: one row per run, in plan order: {@code run}, every swept field, {@code repeat},
 *       {@code seed}, {@code status} (ok / diverged / failed), {@code best_val_loss},
 *       {@code final_val_loss}, {@code test_loss}, {@code test_accuracy} (when the runs measure it),
 *       {@code epochs_run}, {@code epochs_to_target} (-1 when never reached), {@code seconds},
 *       {@code error}, then the other test scores ({@code test_mae}, {@code test_rmse},
 *       {@code test_r2} of a regression); non-finite numbers as {@code NaN};</li>
 *   <li>{@code sweep.json}: the same rows with their loss curves, plus the grid, metric and target
 *       (non-finite numbers as null);</li>
 *   <li>{@code report.md} and a self-contained {@code report.html} (inline CSS and SVG charts, no
 *       script, no network): per activation, mean +- sd per initializer of the ranking metric
 *       (never a test score: see {@link SweepStatistics}) and of the test scores, the winner with its
 *       p-values, the mean loss curves with a band, and the per-layer statistics at initialization.</li>
 * </ul>
 * Only {@code seconds} differs between two runs of the same sweep.
 */
public final class SweepReport {
  /** The only column that depends on the machine and the thread count. */
  public static final String TIMING_COLUMN = "seconds";
  private static final String TEST_LOSS = "test_loss";
  private static final String TEST_ACCURACY = "test_accuracy";
  private static final String BEST_VAL_LOSS = "best val_loss";

  private SweepReport() {}

  /**
   * Writes every output.
   *
   * @param init the per-layer statistics at initialization of each cell (by cell index), may be empty
   */
  public static void write(Path dir, String name, SweepSpec spec, List<SweepResult> results, SweepStatistics stats,
      Map<Integer, Diagnosis> init) {
    AtomicFile.writeString(dir.resolve("sweep.csv"), csv(spec, results, stats.target()));
    AtomicFile.writeString(dir.resolve("sweep.json"), json(spec, results, stats));
    AtomicFile.writeString(dir.resolve("report.md"), markdown(name, spec, results, stats, init));
    AtomicFile.writeString(dir.resolve("report.html"), html(name, spec, results, stats, init));
  }

  /** The CSV text. */
  public static String csv(SweepSpec spec, List<SweepResult> results, double target) {
    StringBuilder sb = new StringBuilder("run");
    for (SweepAxis a : spec.axes()) {
      sb.append(',').append(a.field());
    }
    boolean accuracy = hasAccuracy(results);
    sb.append(",repeat,seed,status,best_val_loss,final_val_loss,test_loss").append(accuracy ? ",test_accuracy" : "")
        .append(",epochs_run,epochs_to_target,").append(TIMING_COLUMN).append(",error");
    List<String> extra = testScores(results);
    for (String k : extra) {
      sb.append(',').append(k);
    }
    sb.append('\n');
    for (SweepResult r : results) {
      sb.append(r.run().index());
      for (String v : r.run().values()) {
        sb.append(',').append(ReportCells.csv(v));
      }
      sb.append(',').append(r.run().repeat()).append(',').append(r.run().seed()).append(',').append(r.status().label())
          .append(',').append(r.bestValLoss()).append(',').append(r.finalValLoss()).append(',').append(r.testLoss());
      if (accuracy) {
        sb.append(',').append(r.testAccuracy());
      }
      sb.append(',').append(r.epochsRun()).append(',').append(r.epochsTo(target))
          .append(',').append(String.format(Locale.ROOT, "%.3f", r.seconds())).append(',').append(ReportCells.csv(r.error()));
      for (String k : extra) {
        sb.append(',').append(r.score(k));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * The test scores beyond test_loss and test_accuracy that the runs report ({@code test_mae},
   * {@code test_rmse}, {@code test_r2} for a regression), in the order the first run gives them.
   */
  static List<String> testScores(List<SweepResult> results) {
    java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
    for (SweepResult r : results) {
      for (String k : r.scores().keySet()) {
        if (k.startsWith("test_") && !k.equals(TEST_LOSS) && !k.equals(TEST_ACCURACY)) {
          keys.add(k);
        }
      }
    }
    return new ArrayList<>(keys);
  }


  private static String json(SweepSpec spec, List<SweepResult> results, SweepStatistics stats) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> grid = new LinkedHashMap<>();
    for (SweepAxis a : spec.axes()) {
      grid.put(a.field(), a.values());
    }
    root.put("grid", grid);
    root.put("seeds", spec.seeds());
    root.put("metric", stats.metricName());
    root.put("higher_is_better", stats.higherIsBetter());
    root.put("target_loss", ReportCells.finite(stats.target()));
    List<Object> runs = new ArrayList<>();
    for (SweepResult r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("run", r.run().index());
      for (int a = 0; a < spec.axes().size(); a++) {
        m.put(spec.axes().get(a).field(), r.run().values().get(a));
      }
      m.put("repeat", r.run().repeat());
      m.put("seed", r.run().seed());
      m.put("status", r.status().label());
      m.put("best_val_loss", ReportCells.finite(r.bestValLoss()));
      m.put("final_val_loss", ReportCells.finite(r.finalValLoss()));
      m.put("test_loss", ReportCells.finite(r.testLoss()));
      m.put("test_accuracy", ReportCells.finite(r.testAccuracy()));
      m.put("epochs_run", r.epochsRun());
      m.put("epochs_to_target", r.epochsTo(stats.target()));
      m.put(TIMING_COLUMN, r.seconds());
      m.put("error", r.error());
      m.put("loss", ReportCells.finite(r.loss()));
      m.put("val_loss", ReportCells.finite(r.valLoss()));
      runs.add(m);
    }
    root.put("runs", runs);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }



  private static String markdown(String name, SweepSpec spec, List<SweepResult> results, SweepStatistics stats,
      Map<Integer, Diagnosis> init) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Sweep: ").append(name).append("\n\n").append(setup(spec, results, stats)).append("\n\n");
    for (GroupStats g : stats.groups()) {
      sb.append("## ").append(groupTitle(stats, g)).append("\n\n");
      List<String[]> rows = table(stats, g);
      sb.append('|').append(String.join("|", rows.get(0))).append("|\n|");
      sb.append("---|".repeat(rows.get(0).length)).append('\n');
      for (String[] r : rows.subList(1, rows.size())) {
        sb.append('|').append(String.join("|", r)).append("|\n");
      }
      sb.append('\n').append(verdict(stats, g)).append("\n\n");
      List<String[]> layers = initTable(g, init);
      if (!layers.isEmpty()) {
        sb.append("Per-layer statistics at initialization (std of dL/dz of each Dense layer relative to the output "
            + "layer's: below 0.1 vanishing, above 10 exploding):\n\n|").append(String.join("|", layers.get(0))).append("|\n|")
            .append("---|".repeat(layers.get(0).length)).append('\n');
        for (String[] r : layers.subList(1, layers.size())) {
          sb.append('|').append(String.join("|", r)).append("|\n");
        }
        sb.append('\n');
      }
    }
    sb.append(problems(results));
    return sb.toString();
  }

  private static String html(String name, SweepSpec spec, List<SweepResult> results, SweepStatistics stats,
      Map<Integer, Diagnosis> init) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Sweep: ")
        .append(LossChartSvg.esc(name)).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#222}\n")
        .append("table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}\n")
        .append("td:first-child,th:first-child{text-align:left}tr.winner td{background:#e8f5e9;font-weight:bold}\n")
        .append(".bad{color:#b71c1c}.verdict{background:#f5f5f5;padding:8px 12px;border-left:4px solid #1f77b4}\n")
        .append("</style>\n</head>\n<body>\n<h1>Sweep: ").append(LossChartSvg.esc(name)).append("</h1>\n<p>")
        .append(LossChartSvg.esc(setup(spec, results, stats))).append("</p>\n");
    for (GroupStats g : stats.groups()) {
      sb.append("<h2>").append(LossChartSvg.esc(groupTitle(stats, g))).append("</h2>\n<table>\n");
      List<String[]> rows = table(stats, g);
      sb.append("<tr>");
      for (String h : rows.get(0)) {
        sb.append("<th>").append(LossChartSvg.esc(h)).append("</th>");
      }
      sb.append("</tr>\n");
      for (int i = 1; i < rows.size(); i++) {
        boolean winner = g.cells().get(i - 1) == g.winner() && g.winner().ok() > 0;
        sb.append(winner ? "<tr class=\"winner\">" : "<tr>");
        for (String c : rows.get(i)) {
          sb.append(c.contains("diverged") || c.contains("failed") ? "<td class=\"bad\">" : "<td>")
              .append(LossChartSvg.esc(c)).append("</td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</table>\n<p class=\"verdict\">").append(LossChartSvg.esc(verdict(stats, g))).append("</p>\n");
      sb.append(LossChartSvg.render("val_loss per epoch, " + groupTitle(stats, g), g.cells()));
      List<String[]> layers = initTable(g, init);
      if (!layers.isEmpty()) {
        sb.append("<h3>Per-layer statistics at initialization</h3>\n<p>Standard deviation of the back-propagated error "
            + "dL/dz of each Dense layer relative to the output layer's (below 0.1: vanishing; above 10: exploding), "
            + "the largest fraction of dead ReLU units and of saturated outputs in any layer, on a batch of training "
            + "rows with repeat 0's seed, one column per cell.</p>\n<table>\n<tr>");
        for (String h : layers.get(0)) {
          sb.append("<th>").append(LossChartSvg.esc(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (String[] r : layers.subList(1, layers.size())) {
          sb.append("<tr>");
          for (String c : r) {
            sb.append("<td>").append(LossChartSvg.esc(c)).append("</td>");
          }
          sb.append("</tr>\n");
        }
        sb.append("</table>\n");
      }
    }
    String problems = problems(results);
    if (!problems.isEmpty()) {
      sb.append("<h2>Runs that did not end OK</h2>\n<pre>").append(LossChartSvg.esc(problems)).append("</pre>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static String setup(SweepSpec spec, List<SweepResult> results, SweepStatistics stats) {
    StringBuilder grid = new StringBuilder();
    for (SweepAxis a : spec.axes()) {
      grid.append(grid.length() == 0 ? "" : "; ").append(a.field()).append(": ").append(String.join(", ", a.values()));
    }
    return results.size() + " runs: " + spec.cells() + " cells x " + spec.seeds() + " seeds (" + grid + "). Ranked by "
        + stats.metricName() + (stats.higherIsBetter() ? " (higher is better): " : " (lower is better): ")
        + (stats.metricName().equals(SweepStatistics.DEFAULT_METRIC)
            ? "each run's lowest val_loss over the epochs (its training loss without validation rows)"
            : "each run's best " + stats.metricName() + " over the epochs")
        + "; the test rows are measured, never ranked on. Mean +- sd over the runs that ended OK. epochs to target: median "
        + "first epoch with val_loss <= " + fmt(stats.target()) + (spec.targetLoss() != null ? " (target_loss)"
        : " (the median best val_loss of all OK runs)") + ", over the runs that reached it.";
  }

  private static String groupTitle(SweepStatistics stats, GroupStats g) {
    return stats.groupField() == null ? "All runs" : "activation: " + g.name();
  }

  /**
   * One row per cell: the ranking metric first, then the best val_loss (when it is not the ranking
   * metric), the test scores the runs have (test_loss, test_accuracy, then the others such as
   * test_mae, test_rmse, test_r2), epochs to target and the rank.
   */
  private static List<String[]> table(SweepStatistics stats, GroupStats g) {
    List<SweepResult> all = g.cells().stream().flatMap(c -> c.runs().stream()).toList();
    boolean rankedByVal = stats.metricName().equals(SweepStatistics.DEFAULT_METRIC);
    List<String> scores = new ArrayList<>();
    if (all.stream().anyMatch(r -> !Double.isNaN(r.testLoss()))) {
      scores.add(TEST_LOSS);
    }
    if (hasAccuracy(all)) {
      scores.add(TEST_ACCURACY);
    }
    scores.addAll(testScores(all));
    List<String> header = new ArrayList<>(List.of("cell", "ok / runs", rankedByVal ? BEST_VAL_LOSS : stats.metricName()));
    if (!rankedByVal) {
      header.add(BEST_VAL_LOSS);
    }
    header.addAll(scores);
    header.addAll(List.of("epochs to target", "rank"));
    List<String[]> rows = new ArrayList<>();
    rows.add(header.toArray(new String[0]));
    for (CellStats c : g.cells()) {
      String ok = c.ok() + " / " + c.runs().size();
      if (c.diverged() > 0) {
        ok += ", " + c.diverged() + " diverged";
      }
      if (c.failed() > 0) {
        ok += ", " + c.failed() + " failed";
      }
      String reached = c.reachedTarget() == 0 ? "never" : fmtEpochs(c.medianEpochsToTarget()) + " (" + c.reachedTarget()
          + "/" + c.ok() + ")";
      List<String> row = new ArrayList<>(List.of(c.label(), ok, pm(c.metricMean(), c.metricSd())));
      if (!rankedByVal) {
        row.add(pm(c.bestValMean(), c.bestValSd()));
      }
      for (String k : scores) {
        double[] v = c.runs().stream().filter(r -> r.status() == RunStatus.OK).mapToDouble(r -> testScore(r, k)).toArray();
        row.add(pm(SweepStatistics.mean(v), SweepStatistics.sd(v)));
      }
      row.addAll(List.of(reached, Integer.toString(g.ranking().indexOf(c) + 1)));
      rows.add(row.toArray(new String[0]));
    }
    return rows;
  }

  private static double testScore(SweepResult r, String key) {
    return switch (key) {
      case TEST_LOSS -> r.testLoss();
      case TEST_ACCURACY -> r.testAccuracy();
      default -> r.score(key);
    };
  }

  /** Whether any run measured a test accuracy (a classifier compiled with accuracy). */
  private static boolean hasAccuracy(List<SweepResult> results) {
    return results.stream().anyMatch(r -> !Double.isNaN(r.testAccuracy()));
  }

  private static String verdict(SweepStatistics stats, GroupStats g) {
    CellStats w = g.winner();
    if (w.ok() == 0) {
      return "No winner: no run of this group ended OK.";
    }
    StringBuilder sb = new StringBuilder("Winner: ").append(w.label()).append(" (").append(stats.metricName()).append(' ')
        .append(pm(w.metricMean(), w.metricSd())).append(')');
    CellStats r = g.runnerUp();
    if (r == null) {
      return sb.append(", the only cell.").toString();
    }
    sb.append(" vs runner-up ").append(r.label()).append(" (").append(pm(r.metricMean(), r.metricSd())).append("): ");
    if (Double.isNaN(g.welchP()) && Double.isNaN(g.mannWhitneyP())) {
      return sb.append("no test possible (fewer than two OK runs in a cell, or no spread); use more seeds.").toString();
    }
    double p = Double.isNaN(g.welchP()) ? g.mannWhitneyP() : g.welchP();
    sb.append("Welch's t-test p = ").append(fmtP(g.welchP())).append(", Mann-Whitney U p = ").append(fmtP(g.mannWhitneyP()))
        .append(p < 0.05 ? "; the difference is significant at the 5% level." : "; not significant at the 5% level: "
            + "the two are indistinguishable with these seeds.");
    return sb.toString();
  }

  /** Rows: one per Dense layer, then max dead, max saturated, warnings; columns: one per cell. */
  private static List<String[]> initTable(GroupStats g, Map<Integer, Diagnosis> init) {
    List<CellStats> cells = new ArrayList<>();
    List<Diagnosis> diagnoses = new ArrayList<>();
    for (CellStats c : g.cells()) {
      Diagnosis d = init.get(c.runs().get(0).run().cell());
      if (d != null) {
        cells.add(c);
        diagnoses.add(d);
      }
    }
    List<String[]> rows = new ArrayList<>();
    if (cells.isEmpty()) {
      return rows;
    }
    int width = cells.size() + 1;
    String[] header = new String[width];
    header[0] = "layer";
    for (int i = 0; i < cells.size(); i++) {
      header[i + 1] = cells.get(i).label();
    }
    rows.add(header);
    List<LayerStats> first = diagnoses.get(0).layers();
    for (int l = 0; l < first.size(); l++) {
      String[] r = new String[width];
      r[0] = "layer " + first.get(l).index() + " (" + (l == first.size() - 1 ? "output" : "dL/dz std / output") + ")";
      for (int i = 0; i < cells.size(); i++) {
        List<LayerStats> ls = diagnoses.get(i).layers();
        r[i + 1] = l < ls.size() ? sci(ls.get(l).errorStdRatio()) : "-";
      }
      rows.add(r);
    }
    String[] dead = new String[width];
    String[] sat = new String[width];
    String[] warn = new String[width];
    dead[0] = "max dead ReLU units";
    sat[0] = "max saturated outputs";
    warn[0] = "warnings";
    for (int i = 0; i < cells.size(); i++) {
      double dd = Double.NaN;
      double ss = Double.NaN;
      for (LayerStats s : diagnoses.get(i).layers()) {
        dd = max(dd, s.deadFraction());
        ss = max(ss, s.saturatedFraction());
      }
      dead[i + 1] = pct(dd);
      sat[i + 1] = pct(ss);
      warn[i + 1] = Integer.toString(diagnoses.get(i).warnings().size());
    }
    rows.add(dead);
    rows.add(sat);
    rows.add(warn);
    return rows;
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  private static String problems(List<SweepResult> results) {
    StringBuilder sb = new StringBuilder();
    for (SweepResult r : results) {
      if (r.status() != RunStatus.OK) {
        sb.append("- run ").append(r.run().index()).append(" (").append(String.join(", ", r.run().values()))
            .append(", repeat ").append(r.run().repeat()).append("): ").append(r.status().label());
        if (!r.error().isEmpty()) {
          sb.append(": ").append(r.error());
        }
        if (r.status() == RunStatus.DIVERGED) {
          sb.append(" after ").append(r.epochsRun()).append(" epochs");
        }
        sb.append('\n');
      }
    }
    return sb.length() == 0 ? "" : "Runs that did not end OK:\n\n" + sb;
  }

  private static String pm(double mean, double sd) {
    if (Double.isNaN(mean)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.4f +- %.4f", mean, sd);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String fmtEpochs(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String fmtP(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    return p < 1e-4 ? sci(p) : String.format(Locale.ROOT, "%.4f", p);
  }

  private static String sci(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v >= 0.01 && v < 1000) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    return String.format(Locale.ROOT, "%.2e", v).replaceAll("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
  }

  private static String pct(double f) {
    return Double.isNaN(f) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * f);
  }
}

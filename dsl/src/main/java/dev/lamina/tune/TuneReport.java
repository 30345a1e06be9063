package dev.lamina.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lamina.report.AtomicFile;
import dev.lamina.runspec.RunSpec;
import dev.lamina.sweep.ReportCells;
import dev.lamina.table.DataSpec;
import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a search's outputs into one folder, each file atomically:
 * <ul>
 *   <li>{@code tune.csv}: one row per trial, in trial order: {@code trial}, every tuned path,
 *       {@code rank}, {@code status} ({@code completed}, {@code stopped early} or {@code failed}),
 *       {@code rung}, {@code epochs} (the budget of its furthest rung), the objective and every
 *       final held-out and test metric there, {@code seconds} (over all its rungs), {@code error};</li>
 *   <li>{@code tune.json}: the same with every rung's result, units and learning curve, plus the
 *       space, the budgets and the strategy;</li>
 *   <li>{@code best.yaml}: the winner's spec, ready to train ({@code java -jar builder.jar best.yaml});</li>
 *   <li>{@code report.md} and a self-contained {@code report.html} (inline SVG, no script): the best
 *       trials, the winner against the runner-up, each parameter's effect, the promoted trials'
 *       learning curves.</li>
 * </ul>
 * Only {@code seconds} differs between two runs of the same search, whatever the thread count.
 */
public final class TuneReport {
  /** The only column that depends on the machine and the thread count. */
  public static final String TIMING_COLUMN = "seconds";
  /** Trials listed in the reports' table of best trials. */
  public static final int TOP = 10;

  private TuneReport() {}

  /** Writes every output of {@code o} into {@code o.outDir()}. */
  public static void write(TuneJob.Outcome o, RunSpec base, ParsedSpec parsed) {
    Path dir = o.outDir();
    AtomicFile.writeString(dir.resolve("tune.csv"), csv(o));
    AtomicFile.writeString(dir.resolve("tune.json"), json(o));
    AtomicFile.writeString(dir.resolve("best.yaml"), bestYaml(o, parsed));
    WinnerTest test = WinnerTest.of(o.ranking());
    AtomicFile.writeString(dir.resolve("report.md"), markdown(o, base, test));
    AtomicFile.writeString(dir.resolve("report.html"), TuneHtml.render(o, base, test, setup(o, base)));
  }

  /** The CSV text. */
  public static String csv(TuneJob.Outcome o) {
    List<TrialSummary> byTrial = byTrial(o);
    List<String> metrics = TrialSummary.metricKeys(byTrial);
    metrics.remove(o.spec().objective().metric());
    StringBuilder sb = new StringBuilder("trial");
    for (Parameter p : o.spec().space().parameters()) {
      sb.append(',').append(ReportCells.csv(p.name()));
    }
    sb.append(",rank,status,rung,epochs,").append(o.spec().objective().metric());
    for (String m : metrics) {
      sb.append(',').append(m);
    }
    sb.append(',').append(TIMING_COLUMN).append(",error\n");
    for (TrialSummary t : byTrial) {
      sb.append(t.trial().index());
      for (Object v : t.trial().values()) {
        sb.append(',').append(ReportCells.csv(String.valueOf(v)));
      }
      sb.append(',').append(o.ranking().indexOf(t) + 1).append(',').append(t.status()).append(',').append(t.last().rung())
          .append(',').append(t.last().epochs()).append(',').append(t.objective());
      for (String m : metrics) {
        sb.append(',').append(t.metric(m));
      }
      sb.append(',').append(String.format(Locale.ROOT, "%.3f", t.seconds())).append(',').append(ReportCells.csv(t.last().error()))
          .append('\n');
    }
    return sb.toString();
  }

  private static List<TrialSummary> byTrial(TuneJob.Outcome o) {
    List<TrialSummary> out = new ArrayList<>(o.ranking());
    out.sort(java.util.Comparator.comparingInt(t -> t.trial().index()));
    return out;
  }


  private static String json(TuneJob.Outcome o) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("strategy", o.spec().strategy().label());
    root.put("trials", o.trials().size());
    root.put("metric", o.spec().objective().metric());
    root.put("direction", o.spec().objective().higherIsBetter() ? "max" : "min");
    Map<String, Object> space = new LinkedHashMap<>();
    o.spec().space().parameters().forEach(p -> space.put(p.name(), p.domain().describe()));
    root.put("space", space);
    root.put("budgets", o.results().stream().map(TrialResult::epochs).distinct().toList());
    root.put("seeds", o.spec().seeds());
    root.put("best_trial", o.best().trial().index());
    List<Object> trials = new ArrayList<>();
    for (TrialSummary t : byTrial(o)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("trial", t.trial().index());
      Map<String, Object> settings = new LinkedHashMap<>();
      for (int p = 0; p < t.trial().values().size(); p++) {
        settings.put(o.spec().space().parameters().get(p).name(), t.trial().values().get(p));
      }
      m.put("settings", settings);
      m.put("rank", o.ranking().indexOf(t) + 1);
      m.put("status", t.status());
      m.put(TIMING_COLUMN, t.seconds());
      List<Object> rungs = new ArrayList<>();
      for (TrialResult r : t.rungs()) {
        Map<String, Object> rm = new LinkedHashMap<>();
        rm.put("rung", r.rung());
        rm.put("epochs", r.epochs());
        rm.put("objective", ReportCells.finite(r.objective()));
        rm.put("units", ReportCells.finite(r.units()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        r.metrics().forEach((k, v) -> metrics.put(k, ReportCells.finite(v)));
        rm.put("metrics", metrics);
        rm.put("curve", ReportCells.finite(r.curve()));
        rm.put(TIMING_COLUMN, r.seconds());
        rm.put("error", r.error());
        rungs.add(rm);
      }
      m.put("rungs", rungs);
      trials.add(m);
    }
    root.put("results", trials);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }



  /** The winner's spec with its data paths made relative to the output folder, and a header saying what it is. */
  static String bestYaml(TuneJob.Outcome o, ParsedSpec parsed) {
    TrialSummary best = o.best();
    RunSpec spec = best.trial().spec();
    DataSpec d = spec.data();
    Path dir = o.outDir().toAbsolutePath().normalize();
    String csv = d.csv() == null ? null : relative(dir, parsed.resolve(d.csv()));
    String testCsv = d.testCsv() == null ? null : relative(dir, parsed.resolve(d.testCsv()));
    DataSpec moved = d.withFiles(csv, testCsv);
    StringBuilder sb = new StringBuilder("# The best trial (").append(best.trial().index()).append(") of ")
        .append(o.trials().size()).append(" (").append(o.spec().strategy().label()).append("), ")
        .append(o.spec().objective().metric()).append(' ').append(TuneFormat.metric(best.objective())).append(" at ")
        .append(best.last().epochs()).append(" epochs:\n#   ")
        .append(TrialSpecs.describe(o.spec().space(), best.trial().values())).append("\n# Train it: java -jar builder.jar ")
        .append("best.yaml (from this folder)\n");
    return sb.append(SpecWriter.write(new RunSpec(spec.model(), moved, spec.fit(), spec.predict()))).toString();
  }

  private static String relative(Path dir, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    try {
      return dir.relativize(abs).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return abs.toString();
    }
  }

  static String setup(TuneJob.Outcome o, RunSpec base) {
    List<Integer> budgets = o.results().stream().map(TrialResult::epochs).distinct().toList();
    long stopped = o.ranking().stream().filter(t -> t.status().equals(TrialSummary.STOPPED_EARLY)).count();
    long failed = o.ranking().stream().filter(t -> t.status().equals(TrialSummary.FAILED)).count();
    StringBuilder sb = new StringBuilder();
    sb.append(o.trials().size()).append(" trials, ").append(o.spec().strategy().label()).append(" (epoch budgets ")
        .append(budgets).append("), ").append(o.results().size()).append(" trainings");
    if (o.spec().seeds() > 1) {
      sb.append(" of ").append(o.spec().seeds()).append(" seeds each");
    }
    sb.append("; ").append(stopped).append(" stopped early, ").append(failed).append(" failed. Ranked by ")
        .append(o.spec().objective().metric()).append(" (").append(o.spec().objective().direction())
        .append(") at the last epoch, on the held-out rows; test metrics are reported, never used to choose.");
    return sb.toString();
  }

  /** The table of best trials: header row, then up to {@link #TOP} rows. */
  static List<String[]> bestTable(TuneJob.Outcome o) {
    List<String[]> rows = new ArrayList<>();
    List<String> metrics = TrialSummary.metricKeys(o.ranking());
    metrics.remove(o.spec().objective().metric());
    List<String> header = new ArrayList<>(List.of("rank", "trial"));
    o.spec().space().parameters().forEach(p -> header.add(p.name()));
    header.addAll(List.of("status", "epochs", o.spec().objective().metric()));
    header.addAll(metrics);
    rows.add(header.toArray(new String[0]));
    for (int i = 0; i < Math.min(TOP, o.ranking().size()); i++) {
      TrialSummary t = o.ranking().get(i);
      List<String> r = new ArrayList<>(List.of(Integer.toString(i + 1), Integer.toString(t.trial().index())));
      t.trial().values().forEach(v -> r.add(TuneFormat.value(v)));
      r.addAll(List.of(t.status(), Integer.toString(t.last().epochs()), TuneFormat.metric(t.objective())));
      metrics.forEach(m -> r.add(TuneFormat.metric(t.metric(m))));
      rows.add(r.toArray(new String[0]));
    }
    return rows;
  }

  private static String markdown(TuneJob.Outcome o, RunSpec base, WinnerTest test) {
    StringBuilder sb = new StringBuilder("# Search: ").append(base.model().name()).append("\n\n").append(setup(o, base))
        .append("\n\n## Best trials\n\n");
    List<String[]> rows = bestTable(o);
    sb.append('|').append(String.join("|", rows.get(0))).append("|\n|").append("---|".repeat(rows.get(0).length)).append('\n');
    for (String[] r : rows.subList(1, rows.size())) {
      sb.append('|').append(String.join("|", r)).append("|\n");
    }
    sb.append('\n').append(test.verdict(o.spec().objective(), o.best().last().units().length)).append("\n\n")
        .append("The winner's spec, ready to train: `best.yaml`. Each parameter's effect and the learning curves of the "
            + "promoted trials are in `report.html`.\n");
    String failed = failures(o);
    if (!failed.isEmpty()) {
      sb.append("\n## Failed trials\n\n").append(failed);
    }
    return sb.toString();
  }

  static String failures(TuneJob.Outcome o) {
    StringBuilder sb = new StringBuilder();
    for (TrialSummary t : o.ranking()) {
      if (t.status().equals(TrialSummary.FAILED)) {
        sb.append("- trial ").append(t.trial().index()).append(' ')
            .append(TrialSpecs.describe(o.spec().space(), t.trial().values())).append(" at ").append(t.last().epochs())
            .append(" epochs: ").append(t.last().error()).append('\n');
      }
    }
    return sb.toString();
  }
}

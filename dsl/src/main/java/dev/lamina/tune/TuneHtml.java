package dev.lamina.tune;

import dev.lamina.runspec.RunSpec;
import java.util.ArrayList;
import java.util.List;

/** {@code report.html}: one self-contained page (inline CSS and SVG, no script, no network). */
final class TuneHtml {
  /** Promoted trials whose learning curves are drawn (the best first). */
  static final int CURVES = 10;

  private TuneHtml() {}

  static String render(TuneJob.Outcome o, RunSpec base, WinnerTest test, String setup) {
    String name = TuneCharts.esc(base.model().name());
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Search: ")
        .append(name).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#222}\n")
        .append("table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}\n")
        .append("tr.winner td{background:#e8f5e9;font-weight:bold}svg{margin:4px}\n")
        .append(".verdict{background:#f5f5f5;padding:8px 12px;border-left:4px solid #1f77b4}\n")
        .append("</style>\n</head>\n<body>\n<h1>Search: ").append(name).append("</h1>\n<p>")
        .append(TuneCharts.esc(setup)).append("</p>\n<h2>Best trials</h2>\n<table>\n");
    List<String[]> rows = TuneReport.bestTable(o);
    for (int i = 0; i < rows.size(); i++) {
      sb.append(i == 1 ? "<tr class=\"winner\">" : "<tr>");
      for (String c : rows.get(i)) {
        sb.append(i == 0 ? "<th>" : "<td>").append(TuneCharts.esc(c)).append(i == 0 ? "</th>" : "</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n<p class=\"verdict\">").append(TuneCharts.esc(test.verdict(o.spec().objective(),
        o.best().last().units().length))).append("</p>\n<p>The winner's spec, ready to train, is <code>best.yaml</code>.</p>\n");
    sb.append("<h2>Each parameter's effect</h2>\n<p>Every trial's ").append(TuneCharts.esc(o.spec().objective().metric()))
        .append(" after rung 0 (the budget all trials share) against the parameter's value; the winner in red.</p>\n");
    List<TrialResult> rung0 = o.results().stream().filter(r -> r.rung() == 0).toList();
    double[] objective = rung0.stream().mapToDouble(TrialResult::objective).toArray();
    int best = -1;
    for (int i = 0; i < rung0.size(); i++) {
      if (rung0.get(i).trial() == o.best().trial().index()) {
        best = i;
      }
    }
    for (int p = 0; p < o.spec().space().parameters().size(); p++) {
      List<Object> values = new ArrayList<>();
      for (TrialResult r : rung0) {
        values.add(o.trials().get(r.trial()).values().get(p));
      }
      sb.append(TuneCharts.effect(o.spec().space().parameters().get(p), values, objective, best,
          o.spec().objective().metric()));
    }
    List<String> labels = new ArrayList<>();
    List<double[]> curves = new ArrayList<>();
    int lastRung = o.results().stream().mapToInt(TrialResult::rung).max().orElse(0);
    for (TrialSummary t : o.ranking()) {
      if (curves.size() < CURVES && !t.last().failed() && (lastRung == 0 || t.last().rung() > 0)) {
        labels.add("trial " + t.trial().index() + " (" + t.last().epochs() + " ep)");
        curves.add(t.last().curve());
      }
    }
    sb.append("<h2>Learning curves</h2>\n<p>").append(lastRung == 0 ? "The best trials'" : "The promoted trials'")
        .append(" held-out ").append(TuneCharts.esc(o.spec().objective().metric()))
        .append(" per epoch at their furthest budget, best first.</p>\n")
        .append(TuneCharts.curves("learning curves", labels, curves, o.spec().objective().metric()));
    String failed = TuneReport.failures(o);
    if (!failed.isEmpty()) {
      sb.append("<h2>Failed trials</h2>\n<pre>").append(TuneCharts.esc(failed)).append("</pre>\n");
    }
    return sb.append("</body>\n</html>\n").toString();
  }
}

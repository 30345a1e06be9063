package dev.lamina.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One trial of a finished search, as the reports show it: its furthest rung's result and status.
 *
 * @param trial the trial
 * @param last its result at the furthest rung it trained
 * @param status {@value #COMPLETED} (trained the full budget), {@value #STOPPED_EARLY} (not
 *     promoted past an earlier rung) or {@value #FAILED}
 * @param seconds wall time over all its rungs
 * @param rungs its result at every rung it trained, in rung order
 */
public record TrialSummary(Trial trial, TrialResult last, String status, double seconds, List<TrialResult> rungs) {
  /** Trained the full budget. */
  public static final String COMPLETED = "completed";
  /** Not promoted past an earlier rung. */
  public static final String STOPPED_EARLY = "stopped early";
  /** A training failed or diverged. */
  public static final String FAILED = "failed";

  /** Freezes the rungs. */
  public TrialSummary {
    rungs = List.copyOf(rungs);
  }

  /** The objective at the furthest rung (NaN when failed). */
  public double objective() {
    return last.objective();
  }

  /** A final metric ({@code test_accuracy}, {@code val_loss}) at the furthest rung, NaN when absent. */
  public double metric(String key) {
    Double v = last.metrics().get(key);
    return v == null ? Double.NaN : v;
  }

  /** The metric keys of the results, in first-seen order. */
  static List<String> metricKeys(List<TrialSummary> trials) {
    List<String> keys = new ArrayList<>();
    for (TrialSummary t : trials) {
      for (Map.Entry<String, Double> e : t.last().metrics().entrySet()) {
        if (!keys.contains(e.getKey())) {
          keys.add(e.getKey());
        }
      }
    }
    return keys;
  }

  /**
   * The trials best first: the furthest rung first (a trial promoted further beat the others on
   * a shared budget), then the objective, then the trial number; failed trials last.
   */
  static List<TrialSummary> rank(List<Trial> trials, List<TrialResult> results, Objective objective, int lastRung) {
    List<TrialSummary> out = new ArrayList<>();
    for (Trial t : trials) {
      List<TrialResult> mine = results.stream().filter(r -> r.trial() == t.index())
          .sorted(Comparator.comparingInt(TrialResult::rung)).toList();
      TrialResult last = mine.get(mine.size() - 1);
      String status = last.failed() ? FAILED : last.rung() == lastRung ? COMPLETED : STOPPED_EARLY;
      out.add(new TrialSummary(t, last, status, mine.stream().mapToDouble(TrialResult::seconds).sum(), mine));
    }
    out.sort(Comparator.<TrialSummary>comparingInt(s -> s.last().failed() ? 1 : 0)
        .thenComparing(Comparator.<TrialSummary>comparingInt(s -> s.last().rung()).reversed())
        .thenComparing(TrialSummary::objective, objective::compare)
        .thenComparingInt(s -> s.trial().index()));
    return out;
  }
}

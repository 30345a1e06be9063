package dev.lamina.tune;

import java.util.List;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Is the winner distinguishable from the runner-up? The same tests as the sweep's report, on the
 * two trials' objective per unit (seed x fold) at the full budget: Welch's two-sided t-test and the
 * two-sided Mann-Whitney U test (commons-math3). NaN when either trial has fewer than two units or
 * neither has any spread: then only more seeds ({@code tune.seeds}) or folds can tell.
 *
 * @param winner the best trial
 * @param runnerUp the second best at the same budget, or null
 * @param welchP Welch's p-value, or NaN
 * @param mannWhitneyP Mann-Whitney U's p-value, or NaN
 */
public record WinnerTest(TrialSummary winner, TrialSummary runnerUp, double welchP, double mannWhitneyP) {
  /** Compares the two best completed trials of {@code ranking}. */
  static WinnerTest of(List<TrialSummary> ranking) {
    TrialSummary w = ranking.get(0);
    TrialSummary r = ranking.size() > 1 && ranking.get(1).status().equals(w.status()) ? ranking.get(1) : null;
    double welch = Double.NaN;
    double mwu = Double.NaN;
    if (r != null && w.last().units().length >= 2 && r.last().units().length >= 2) {
      double[] a = w.last().units();
      double[] b = r.last().units();
      if (spread(a) || spread(b)) {
        welch = new TTest().tTest(a, b);
      }
      mwu = new MannWhitneyUTest().mannWhitneyUTest(a, b);
    }
    return new WinnerTest(w, r, welch, mwu);
  }

  private static boolean spread(double[] v) {
    for (double d : v) {
      if (d != v[0]) {
        return true;
      }
    }
    return false;
  }

  /** The verdict as one sentence. */
  String verdict(Objective objective, int units) {
    StringBuilder sb = new StringBuilder("Winner: trial ").append(winner.trial().index()).append(" (")
        .append(objective.metric()).append(' ').append(TuneFormat.metric(winner.objective())).append(')');
    if (runnerUp == null) {
      return sb.append(", no runner-up at the same budget.").toString();
    }
    sb.append(" vs runner-up trial ").append(runnerUp.trial().index()).append(" (")
        .append(TuneFormat.metric(runnerUp.objective())).append("): ");
    if (Double.isNaN(welchP) && Double.isNaN(mannWhitneyP)) {
      return sb.append(units < 2 ? "no test possible with one training per trial; set tune.seeds: 5 or"
          + " fit.cross_validation to compare them over seeds or folds." : "no test possible (no spread).").toString();
    }
    double p = Double.isNaN(welchP) ? mannWhitneyP : welchP;
    return sb.append("Welch's t-test p = ").append(p(welchP)).append(", Mann-Whitney U p = ").append(p(mannWhitneyP))
        .append(" over ").append(units).append(" seeds x folds").append(p < 0.05
            ? "; the difference is significant at the 5% level." : "; not significant at the 5% level: the two are "
            + "indistinguishable with these seeds and folds.").toString();
  }

  private static String p(double p) {
    return Double.isNaN(p) ? "n/a" : p < 1e-4 ? String.format(java.util.Locale.ROOT, "%.2e", p)
        : String.format(java.util.Locale.ROOT, "%.4f", p);
  }
}

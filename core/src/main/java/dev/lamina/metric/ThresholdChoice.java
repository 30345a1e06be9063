package dev.lamina.metric;

/**
 * Chooses a decision threshold from a labelled set of scores (a run uses the validation rows,
 * never the test rows). Candidates are the midpoints between consecutive distinct scores, so the
 * chosen threshold flags exactly the rows scoring above it and sits as far as possible from the
 * nearest score; the lowest candidate, half the smallest score, flags every row.
 *
 * <ul>
 *   <li>{@link #bestF1}: the candidate with the highest F1 (on ties, the higher threshold, which
 *       flags fewer rows);
 *   <li>{@link #forRecall}: the highest candidate whose recall reaches the target (the fewest rows
 *       flagged for that recall).
 * </ul>
 */
public final class ThresholdChoice {
  private ThresholdChoice() {}

  /** The threshold with the best F1 on these rows. */
  public static double bestF1(double[] scores, double[] labels) {
    RankedScores r = requirePositives(scores, labels);
    double best = -1;
    double chosen = Double.NaN;
    for (int k = 0; k < r.size(); k++) {
      double p = (double) r.truePositives(k) / (r.truePositives(k) + r.falsePositives(k));
      double rec = (double) r.truePositives(k) / r.positives();
      double f = BinaryReport.f1(p, rec);
      if (f > best) {
        best = f;
        chosen = below(r, k);
      }
    }
    return chosen;
  }

  /** The highest threshold whose recall on these rows is at least {@code target}. */
  public static double forRecall(double[] scores, double[] labels, double target) {
    if (!(target > 0 && target <= 1)) {
      throw new IllegalArgumentException("target recall must be in (0, 1], got " + target);
    }
    RankedScores r = requirePositives(scores, labels);
    for (int k = 0; k < r.size(); k++) {
      if ((double) r.truePositives(k) / r.positives() >= target) {
        return below(r, k);
      }
    }
    return below(r, r.size() - 1);
  }

  /** A threshold flagging exactly the rows scoring at least {@code score(k)}. */
  private static double below(RankedScores r, int k) {
    if (k + 1 < r.size()) {
      return (r.score(k) + r.score(k + 1)) / 2;
    }
    // Flag every row: for probabilities, half the smallest keeps the threshold inside (0, 1).
    return r.score(k) > 0 ? r.score(k) / 2 : r.score(k) - 1;
  }

  private static RankedScores requirePositives(double[] scores, double[] labels) {
    RankedScores r = RankedScores.of(scores, labels);
    if (r.positives() == 0) {
      throw new IllegalArgumentException("the rows have no positive label, so no threshold can be chosen on them");
    }
    return r;
  }
}

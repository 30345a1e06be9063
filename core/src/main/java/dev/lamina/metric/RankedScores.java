package dev.lamina.metric;

import java.util.Arrays;

/**
 * Scores of a binary problem sorted once, for exact curves: the distinct scores in decreasing
 * order and, for each, how many positives and negatives score at least that much.
 *
 * <p>Flagging every row whose score is at least the k-th distinct score gives
 * {@code tp[k]} true and {@code fp[k]} false positives. Tied scores fall in one step, so a curve
 * through these points treats ties the way a rank-based AUC averages them.
 */
public final class RankedScores {
  private final double[] distinct;
  private final long[] tp;
  private final long[] fp;
  private final long positives;
  private final long negatives;

  private RankedScores(double[] distinct, long[] tp, long[] fp, long positives, long negatives) {
    this.distinct = distinct;
    this.tp = tp;
    this.fp = fp;
    this.positives = positives;
    this.negatives = negatives;
  }

  /**
   * Sorts {@code scores} with their labels (a label above 0.5 is positive).
   *
   * @throws IllegalArgumentException when the arrays differ in length or a score is NaN
   */
  public static RankedScores of(double[] scores, double[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
    }
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("score of row " + i + " is NaN");
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    double[] d = new double[n];
    long[] t = new long[n];
    long[] f = new long[n];
    int k = -1;
    long cumTp = 0;
    long cumFp = 0;
    for (int i = 0; i < n; i++) {
      int r = order[i];
      if (labels[r] > 0.5) {
        cumTp++;
      } else {
        cumFp++;
      }
      if (k < 0 || scores[r] != d[k]) {
        k++;
        d[k] = scores[r];
      }
      t[k] = cumTp;
      f[k] = cumFp;
    }
    int size = k + 1;
    return new RankedScores(Arrays.copyOf(d, size), Arrays.copyOf(t, size), Arrays.copyOf(f, size), cumTp, cumFp);
  }

  /** Number of distinct scores. */
  public int size() {
    return distinct.length;
  }

  /** The k-th largest distinct score. */
  public double score(int k) {
    return distinct[k];
  }

  /** Positives scoring at least {@link #score(int) score(k)}. */
  public long truePositives(int k) {
    return tp[k];
  }

  /** Negatives scoring at least {@link #score(int) score(k)}. */
  public long falsePositives(int k) {
    return fp[k];
  }

  /** Number of positive rows. */
  public long positives() {
    return positives;
  }

  /** Number of negative rows. */
  public long negatives() {
    return negatives;
  }

  /** Number of rows. */
  public long rows() {
    return positives + negatives;
  }
}

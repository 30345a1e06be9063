package dev.lamina.metric;

import java.util.Arrays;

/**
 * Area under the ROC or precision-recall curve, approximated as Keras's
 * {@code keras.metrics.AUC} does (name {@code auc}).
 *
 * <p>Thresholds: {@code -eps}, {@code (i+1)/(num_thresholds-1)} for {@code i < num_thresholds-2},
 * and {@code 1+eps} ({@code eps = 1e-7}, Keras's {@code backend.epsilon()}). At each threshold the
 * weighted TP, FP, TN, FN counts (prediction strictly above it is positive, non-zero target is
 * positive, every element counts, row weights apply to their elements) are accumulated with
 * Keras's O(n + T) bucket method: a prediction {@code p}, clipped to [0, 1], lands in bucket
 * {@code max(0, ceil(p * (T - 1)) - 1)}, and the counts at threshold {@code i} are the sums over
 * buckets {@code >= i}.
 *
 * <p>Result: for {@code ROC}, {@code sum_i (FPR_i - FPR_{i+1}) * h_i} with {@code h_i} the mean
 * ({@code interpolation}), min ({@code minoring}) or max ({@code majoring}) of the recalls at
 * {@code i} and {@code i+1}; for {@code PR} with {@code interpolation}, Davis and Goadrich's
 * (2006) interpolation in Keras's closed form; {@code PR} with the other methods sums precision
 * against recall. Ratios with a zero denominator count as 0.
 *
 * <p>Defaults: {@code num_thresholds=200, curve="ROC", summation_method="interpolation",
 * from_logits=false}. Arrays are allocated once; updates allocate nothing.
 */
public final class Auc implements Metric {
  /** Keras's default number of thresholds. */
  public static final int DEFAULT_NUM_THRESHOLDS = 200;
  /** Keras's default name. */
  public static final String DEFAULT_NAME = "auc";
  /** Keras's {@code backend.epsilon()}: the end thresholds are {@code -EPSILON} and {@code 1 + EPSILON}. */
  public static final double EPSILON = 1e-7;

  /** Which curve to integrate. */
  public enum Curve {
    /** True-positive rate against false-positive rate (Keras default). */
    ROC,
    /** Precision against recall. */
    PR
  }

  /** Keras's Riemann summation methods. */
  public enum Summation {
    /** Mid-point (trapezoid) for ROC; Davis-Goadrich interpolation for PR (Keras default). */
    INTERPOLATION,
    /** Lower bound: the smaller height of each interval. */
    MINORING,
    /** Upper bound: the larger height of each interval. */
    MAJORING
  }

  private final String name;
  private final int numThresholds;
  private final Curve curve;
  private final Summation summation;
  private final boolean fromLogits;
  private final double[] tp;
  private final double[] fp;
  private final double[] tn;
  private final double[] fn;
  private final double[] tpBucket;
  private final double[] fpBucket;

  /** With Keras's defaults. */
  public Auc() {
    this(DEFAULT_NAME, DEFAULT_NUM_THRESHOLDS, Curve.ROC, Summation.INTERPOLATION, false);
  }

  /**
   * @param name the history key
   * @param numThresholds at least 2
   * @param curve ROC or PR
   * @param summation the Riemann method
   * @param fromLogits whether predictions are logits (a sigmoid is applied first)
   */
  public Auc(String name, int numThresholds, Curve curve, Summation summation, boolean fromLogits) {
    if (numThresholds <= 1) {
      throw new IllegalArgumentException("num_thresholds must be an integer > 1, got " + numThresholds);
    }
    this.name = name;
    this.numThresholds = numThresholds;
    this.curve = curve;
    this.summation = summation;
    this.fromLogits = fromLogits;
    tp = new double[numThresholds];
    fp = new double[numThresholds];
    tn = new double[numThresholds];
    fn = new double[numThresholds];
    tpBucket = new double[numThresholds];
    fpBucket = new double[numThresholds];
  }

  /** The threshold at index {@code i}, as Keras lists them. */
  public double threshold(int i) {
    if (i == 0) {
      return 0.0 - EPSILON;
    }
    if (i == numThresholds - 1) {
      return 1.0 + EPSILON;
    }
    return i * 1.0 / (numThresholds - 1);
  }

  /** Number of thresholds. */
  public int numThresholds() {
    return numThresholds;
  }

  /** The curve integrated. */
  public Curve curve() {
    return curve;
  }

  /** The summation method. */
  public Summation summation() {
    return summation;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    Arrays.fill(tp, 0);
    Arrays.fill(fp, 0);
    Arrays.fill(tn, 0);
    Arrays.fill(fn, 0);
  }

  @Override
  public void update(double[] pred, double[] target, double[] weights, int rows, int cols) {
    Arrays.fill(tpBucket, 0);
    Arrays.fill(fpBucket, 0);
    double totalTrue = 0;
    double totalFalse = 0;
    int last = numThresholds - 1;
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1.0 : weights[r];
      int base = r * cols;
      for (int j = 0; j < cols; j++) {
        double p = pred[base + j];
        if (fromLogits) {
          p = 1.0 / (1.0 + Math.exp(-p));
        }
        p = Math.min(1.0, Math.max(0.0, p));
        // Strictly above threshold k/(T-1) <=> ceil(p * (T-1)) - 1 >= k; the -eps first threshold takes p = 0.
        int bucket = Math.max(0, (int) Math.ceil(p * last) - 1);
        if (target[base + j] != 0) {
          tpBucket[bucket] += w;
          totalTrue += w;
        } else {
          fpBucket[bucket] += w;
          totalFalse += w;
        }
      }
    }
    double tpAbove = 0;
    double fpAbove = 0;
    for (int i = last; i >= 0; i--) {
      tpAbove += tpBucket[i];
      fpAbove += fpBucket[i];
      tp[i] += tpAbove;
      fp[i] += fpAbove;
      tn[i] += totalFalse - fpAbove;
      fn[i] += totalTrue - tpAbove;
    }
  }

  @Override
  public double result() {
    if (curve == Curve.PR && summation == Summation.INTERPOLATION) {
      return interpolatedPrAuc();
    }
    double sum = 0;
    for (int i = 0; i < numThresholds - 1; i++) {
      double x0;
      double x1;
      double y0;
      double y1;
      if (curve == Curve.ROC) {
        x0 = divideNoNan(fp[i], fp[i] + tn[i]);
        x1 = divideNoNan(fp[i + 1], fp[i + 1] + tn[i + 1]);
        y0 = divideNoNan(tp[i], tp[i] + fn[i]);
        y1 = divideNoNan(tp[i + 1], tp[i + 1] + fn[i + 1]);
      } else {
        x0 = divideNoNan(tp[i], tp[i] + fn[i]);
        x1 = divideNoNan(tp[i + 1], tp[i + 1] + fn[i + 1]);
        y0 = divideNoNan(tp[i], tp[i] + fp[i]);
        y1 = divideNoNan(tp[i + 1], tp[i + 1] + fp[i + 1]);
      }
      double height = switch (summation) {
        case INTERPOLATION -> (y0 + y1) / 2.0;
        case MINORING -> Math.min(y0, y1);
        case MAJORING -> Math.max(y0, y1);
      };
      sum += (x0 - x1) * height;
    }
    return sum;
  }

  /** Keras's {@code interpolate_pr_auc}: precision interpolated along predicted positives. */
  private double interpolatedPrAuc() {
    double sum = 0;
    for (int i = 0; i < numThresholds - 1; i++) {
      double dtp = tp[i] - tp[i + 1];
      double p0 = tp[i] + fp[i];
      double p1 = tp[i + 1] + fp[i + 1];
      double slope = divideNoNan(dtp, Math.max(p0 - p1, 0));
      double intercept = tp[i + 1] - slope * p1;
      double ratio = p0 > 0 && p1 > 0 ? divideNoNan(p0, Math.max(p1, 0)) : 1.0;
      sum += divideNoNan(slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[i + 1] + fn[i + 1], 0));
    }
    return sum;
  }

  private static double divideNoNan(double a, double b) {
    return b == 0 ? 0.0 : a / b;
  }

  @Override
  public String toString() {
    return name;
  }
}

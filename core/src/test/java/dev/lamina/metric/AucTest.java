package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.random.Rng;
import org.junit.jupiter.api.Test;

class AucTest {
  @Test
  void matchesKerasDocstringExample() {
    // keras.metrics.AUC(num_thresholds=3) on [0, 0, 1, 1] / [0, 0.5, 0.3, 0.9] gives 0.75.
    Auc m = new Auc("auc", 3, Auc.Curve.ROC, Auc.Summation.INTERPOLATION, false);
    m.update(new double[] {0, 0.5, 0.3, 0.9}, new double[] {0, 0, 1, 1}, null, 4, 1);
    assertThat(m.result()).isEqualTo(0.75);
  }

  @Test
  void matchesKerasDocstringExampleWithWeights() {
    Auc m = new Auc("auc", 3, Auc.Curve.ROC, Auc.Summation.INTERPOLATION, false);
    m.update(new double[] {0, 0.5, 0.3, 0.9}, new double[] {0, 0, 1, 1}, new double[] {1, 0, 0, 1}, 4, 1);
    assertThat(m.result()).isEqualTo(1.0);
  }

  @Test
  void separatedScoresGiveTheTrapezoidOfTheStepCurve() {
    // ROC points by threshold: (1,1) (0.5,1) (0.5,0.5) (0,0.5) (0,0): area 0.5 + 0.25
    Auc m = new Auc();
    m.update(new double[] {0.1, 0.4, 0.6, 0.8}, new double[] {0, 1, 0, 1}, null, 4, 1);
    assertThat(m.result()).isEqualTo(0.75);
  }

  @Test
  void scoresInOneBucketCountAsTiesUnderInterpolation() {
    // 0.5001 and 0.5002 share bucket 99 of 200 thresholds: the ROC jumps (1,1) -> (0,0) in one
    // interval and the trapezoid gives 0.5, where the exact ranking (positive below negative) gives 0.
    Auc m = new Auc();
    m.update(new double[] {0.5001, 0.5002}, new double[] {1, 0}, null, 2, 1);
    assertThat(m.result()).isEqualTo(0.5);
  }

  @Test
  void predictionOnAThresholdIsNotAbove() {
    // 0.5 with 3 thresholds is not > 0.5: the positive at 0.5 and the negative at 0.2 tie, AUC 0.5.
    Auc m = new Auc("auc", 3, Auc.Curve.ROC, Auc.Summation.INTERPOLATION, false);
    m.update(new double[] {0.5, 0.2}, new double[] {1, 0}, null, 2, 1);
    assertThat(m.result()).isEqualTo(0.5);
  }

  @Test
  void prCurveUsesKerasInterpolation() {
    // thresholds -eps, 0.5, 1+eps: tp = 2,1,0; fp = 2,0,0; fn = 0,1,2; predicted positives 4,1,0
    // interval 0: slope 1/3, intercept 2/3, ratio 4 -> (1/3)(1 + (2/3) ln 4) / 2
    // interval 1: slope 1, intercept 0 -> 1 / 2
    double expected = (1.0 / 3.0) * (1 + (2.0 / 3.0) * Math.log(4)) / 2 + 0.5;
    Auc m = new Auc("auc", 3, Auc.Curve.PR, Auc.Summation.INTERPOLATION, false);
    m.update(new double[] {0, 0.5, 0.3, 0.9}, new double[] {0, 0, 1, 1}, null, 4, 1);
    assertThat(m.result()).isCloseTo(expected, within(1e-15));
  }

  @Test
  void minoringAndMajoringBracketInterpolation() {
    double[] pred = {0, 0.5, 0.3, 0.9};
    double[] target = {0, 0, 1, 1};
    double[] results = new double[3];
    Auc.Summation[] methods = {Auc.Summation.MINORING, Auc.Summation.INTERPOLATION, Auc.Summation.MAJORING};
    for (int i = 0; i < 3; i++) {
      Auc m = new Auc("auc", 3, Auc.Curve.ROC, methods[i], false);
      m.update(pred, target, null, 4, 1);
      results[i] = m.result();
    }
    // heights over the one non-empty interval (FPR 1 -> 0) are recalls 1 and 0.5
    assertThat(results).containsExactly(0.5, 0.75, 1.0);
  }

  @Test
  void approximatesExactRocAucOnRandomData() {
    Data d = Data.random(1000, 17L);
    Auc m = new Auc();
    m.update(d.score, d.label, null, d.score.length, 1);
    assertThat(m.result()).isCloseTo(exactRocAuc(d.score, d.label, null), within(1e-3));
  }

  @Test
  void coarseThresholdsMissTheExactAucByMoreThanTheTolerance() {
    // Negative control: the 1e-3 tolerance above is tight enough to catch a crude discretization.
    Data d = Data.random(1000, 17L);
    Auc m = new Auc("auc", 3, Auc.Curve.ROC, Auc.Summation.INTERPOLATION, false);
    m.update(d.score, d.label, null, d.score.length, 1);
    assertThat(Math.abs(m.result() - exactRocAuc(d.score, d.label, null))).isGreaterThan(1e-2);
  }

  @Test
  void approximatesExactWeightedRocAucOnRandomData() {
    Data d = Data.random(1000, 99L);
    Rng rng = new Rng(5);
    double[] w = new double[d.score.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = rng.nextDouble(0.1, 3.0);
    }
    Auc m = new Auc();
    m.update(d.score, d.label, w, d.score.length, 1);
    assertThat(m.result()).isCloseTo(exactRocAuc(d.score, d.label, w), within(1e-3));
  }

  @Test
  void batchesAccumulateLikeOneBatch() {
    Data d = Data.random(300, 3L);
    Auc whole = new Auc();
    whole.update(d.score, d.label, null, 300, 1);
    Auc split = new Auc();
    double[] s = new double[100];
    double[] l = new double[100];
    for (int b = 0; b < 3; b++) {
      System.arraycopy(d.score, b * 100, s, 0, 100);
      System.arraycopy(d.label, b * 100, l, 0, 100);
      split.update(s, l, null, 100, 1);
    }
    assertThat(split.result()).isCloseTo(whole.result(), within(1e-12));
  }

  @Test
  void logitsGiveTheSameAucAsProbabilities() {
    Data d = Data.random(200, 8L);
    double[] logits = new double[d.score.length];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = Math.log(d.score[i] / (1 - d.score[i]));
    }
    Auc probs = new Auc();
    probs.update(d.score, d.label, null, 200, 1);
    Auc fromLogits = new Auc("auc", Auc.DEFAULT_NUM_THRESHOLDS, Auc.Curve.ROC, Auc.Summation.INTERPOLATION, true);
    fromLogits.update(logits, d.label, null, 200, 1);
    assertThat(fromLogits.result()).isCloseTo(probs.result(), within(1e-12));
  }

  @Test
  void resetClearsTheCounts() {
    Auc m = new Auc();
    m.update(new double[] {0.1, 0.9}, new double[] {1, 0}, null, 2, 1);
    m.reset();
    m.update(new double[] {0.1, 0.9}, new double[] {0, 1}, null, 2, 1);
    assertThat(m.result()).isEqualTo(1.0);
  }

  @Test
  void thresholdsAreKeras() {
    Auc m = new Auc();
    assertThat(m.threshold(0)).isEqualTo(-1e-7);
    assertThat(m.threshold(1)).isEqualTo(1.0 / 199);
    assertThat(m.threshold(198)).isEqualTo(198.0 / 199);
    assertThat(m.threshold(199)).isEqualTo(1 + 1e-7);
  }

  /** Exact weighted ROC AUC: the probability a positive outranks a negative, ties counting one half. */
  private static double exactRocAuc(double[] score, double[] label, double[] w) {
    double num = 0;
    double pos = 0;
    double neg = 0;
    for (int i = 0; i < score.length; i++) {
      double wi = w == null ? 1 : w[i];
      if (label[i] == 1) {
        pos += wi;
      } else {
        neg += wi;
      }
    }
    for (int i = 0; i < score.length; i++) {
      if (label[i] != 1) {
        continue;
      }
      for (int j = 0; j < score.length; j++) {
        if (label[j] == 1) {
          continue;
        }
        double pair = (w == null ? 1 : w[i]) * (w == null ? 1 : w[j]);
        if (score[i] > score[j]) {
          num += pair;
        } else if (score[i] == score[j]) {
          num += 0.5 * pair;
        }
      }
    }
    return num / (pos * neg);
  }

  /** Labels (40% positive) and probabilities that separate them moderately. */
  private record Data(double[] score, double[] label) {
    static Data random(int n, long seed) {
      Rng rng = new Rng(seed);
      double[] score = new double[n];
      double[] label = new double[n];
      for (int i = 0; i < n; i++) {
        label[i] = rng.nextDouble() < 0.4 ? 1 : 0;
        double z = rng.nextGaussian() + 1.2 * label[i] - 0.5;
        score[i] = 1 / (1 + Math.exp(-z));
      }
      return new Data(score, label);
    }
  }
}

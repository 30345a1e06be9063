package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact binary report: confusion matrix, ratios, rank AUC with ties, average precision. */
class BinaryReportTest {
  /** The brute-force definition: over every (positive, negative) pair, 1 if ordered, 1/2 if tied. */
  private static double pairCountAuc(double[] s, double[] y) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        if (y[i] == 1 && y[j] == 0) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    return wins / pairs;
  }

  @ParameterizedTest(name = "seed {0}, scores rounded to {1} levels")
  @CsvSource({"1, 5", "2, 10", "3, 3", "4, 1000000", "5, 2"})
  void rocAucEqualsThePairCountWithTiesCountedAsHalf(long seed, int levels) {
    Rng rng = new Rng(seed);
    int n = 300;
    double[] s = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextDouble() < 0.2 ? 1 : 0;
      double raw = 1 / (1 + Math.exp(-(rng.nextGaussian() + 1.5 * y[i])));
      s[i] = Math.round(raw * levels) / (double) levels;
    }
    assertThat(BinaryReport.of(s, y, 0.5).rocAuc()).isCloseTo(pairCountAuc(s, y), within(1e-12));
  }

  @Test
  void scikitLearnDocumentationExampleGivesItsPublishedValues() {
    // roc_auc_score and average_precision_score docs: y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8].
    BinaryReport r = BinaryReport.of(new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0, 0, 1, 1}, 0.5);
    assertThat(r.rocAuc()).isCloseTo(0.75, within(1e-15));
    assertThat(r.prAuc()).isCloseTo(0.8333333333333333, within(1e-15));
  }

  @Test
  void averagePrecisionStepsOverTiedScoresTogether() {
    // Distinct 0.8: TP 1, FP 1 (R 0.5, P 0.5); 0.3: TP 2, FP 1 (R 1, P 2/3). AP = 0.5 * 0.5 + 0.5 * 2/3.
    BinaryReport r = BinaryReport.of(new double[] {0.8, 0.8, 0.3}, new double[] {1, 0, 1}, 0.5);
    assertThat(r.prAuc()).isCloseTo(0.25 + 1.0 / 3, within(1e-15));
  }

  @Test
  void confusionMatrixFlagsScoresStrictlyAboveTheThreshold() {
    double[] s = {0.9, 0.5, 0.6, 0.2, 0.7, 0.1};
    double[] y = {1, 1, 0, 0, 1, 1};
    BinaryReport r = BinaryReport.of(s, y, 0.5);
    // flagged: 0.9 (TP), 0.6 (FP), 0.7 (TP); 0.5 is not above 0.5 (FN), 0.1 (FN), 0.2 (TN).
    assertThat(r.confusionMatrix()).isDeepEqualTo(new long[][] {{1, 1}, {2, 2}});
    assertThat(r.precision()).isEqualTo(2.0 / 3);
    assertThat(r.recall()).isEqualTo(0.5);
    assertThat(r.f1()).isCloseTo(2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), within(1e-15));
    assertThat(r.accuracy()).isEqualTo(0.5);
  }

  @Test
  void ratiosWithNothingFlaggedAreZeroAndAucWithOneClassIsNaN() {
    BinaryReport r = BinaryReport.of(new double[] {0.1, 0.2}, new double[] {0, 0}, 0.5);
    assertThat(r.precision()).isZero();
    assertThat(r.recall()).isZero();
    assertThat(r.f1()).isZero();
    assertThat(r.rocAuc()).isNaN();
    assertThat(r.prAuc()).isNaN();
  }

  @Test
  void thresholdTableHasOneRowPerHundredthWithTheShareFlagged() {
    BinaryReport r = BinaryReport.of(new double[] {0.15, 0.55, 0.95, 0.35}, new double[] {0, 1, 1, 0}, 0.5);
    List<BinaryReport.ThresholdRow> table = r.table();
    assertThat(table).hasSize(99);
    assertThat(table.get(0).threshold()).isEqualTo(0.01);
    BinaryReport.ThresholdRow at30 = table.get(29);
    assertThat(at30.threshold()).isEqualTo(0.3);
    assertThat(at30.flagged()).isEqualTo(0.75);
    assertThat(at30.precision()).isEqualTo(2.0 / 3);
    assertThat(at30.recall()).isEqualTo(1.0);
    assertThat(table.get(98).flagged()).isEqualTo(0.0);
  }

  @Test
  void rocCurveRunsFromOriginToOneOne() {
    double[][] roc = BinaryReport.of(new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0, 0, 1, 1}, 0.5).rocCurve();
    assertThat(roc[0]).containsExactly(0, 0, 0.5, 0.5, 1);
    assertThat(roc[1]).containsExactly(0, 0.5, 0.5, 1, 1);
  }
}

package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrecisionRecallTest {
  // predicted positive (> 0.5): rows 0, 1, 4; row 2 sits at the threshold and is negative.
  private static final double[] PRED = {0.9, 0.6, 0.5, 0.2, 0.7};
  private static final double[] TARGET = {1, 0, 1, 1, 1};
  private static final double[] WEIGHTS = {1, 2, 1, 0.5, 3};

  @Test
  void precisionIsTruePositivesOverPredictedPositives() {
    Precision m = new Precision();
    m.update(PRED, TARGET, null, 5, 1);
    assertThat(m.result()).isCloseTo(2.0 / 3.0, within(1e-15));
  }

  @Test
  void recallIsTruePositivesOverActualPositives() {
    Recall m = new Recall();
    m.update(PRED, TARGET, null, 5, 1);
    assertThat(m.result()).isEqualTo(0.5);
  }

  @Test
  void weightsScaleTheCounts() {
    Precision p = new Precision();
    Recall r = new Recall();
    p.update(PRED, TARGET, WEIGHTS, 5, 1);
    r.update(PRED, TARGET, WEIGHTS, 5, 1);
    // tp = 1 + 3, fp = 2, fn = 1 + 0.5
    assertThat(p.result()).isCloseTo(4.0 / 6.0, within(1e-15));
    assertThat(r.result()).isCloseTo(4.0 / 5.5, within(1e-15));
  }

  @Test
  void nothingPredictedPositiveGivesZeroPrecision() {
    Precision m = new Precision();
    m.update(new double[] {0.1, 0.2}, new double[] {1, 0}, null, 2, 1);
    assertThat(m.result()).isZero();
  }

  @Test
  void classIdScoresOneColumn() {
    // two columns; column 1 has predictions 0.8 (target 0) and 0.9 (target 1)
    double[] pred = {0.9, 0.8, 0.1, 0.9};
    double[] target = {1, 0, 0, 1};
    Precision m = new Precision("precision", 0.5, 1);
    m.update(pred, target, null, 2, 2);
    assertThat(m.result()).isEqualTo(0.5);
  }

  @Test
  void everyColumnCountsWithoutClassId() {
    double[] pred = {0.9, 0.8, 0.1, 0.9};
    double[] target = {1, 0, 0, 1};
    Precision m = new Precision();
    m.update(pred, target, null, 2, 2);
    assertThat(m.result()).isCloseTo(2.0 / 3.0, within(1e-15));
  }

  @Test
  void thresholdMoves() {
    Recall m = new Recall("recall", 0.1, -1);
    m.update(PRED, TARGET, null, 5, 1);
    assertThat(m.result()).isEqualTo(1.0);
  }
}

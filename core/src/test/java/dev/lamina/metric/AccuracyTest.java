package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyTest {
  private static final double[] PRED = {0.5, 0.7, 0.2, 0.9};
  private static final double[] TARGET = {1, 1, 0, 0};

  @Test
  void binaryAccuracyCountsAPredictionAtTheThresholdAsNegative() {
    // predicted classes 0 (0.5 is not > 0.5), 1, 0, 1 against 1, 1, 0, 0: two hits out of four.
    BinaryAccuracy m = new BinaryAccuracy();
    m.update(PRED, TARGET, null, 4, 1);
    assertThat(m.result()).isEqualTo(0.5);
  }

  @Test
  void binaryAccuracyAtThresholdIsCorrectForANegativeTarget() {
    BinaryAccuracy m = new BinaryAccuracy();
    m.update(new double[] {0.5}, new double[] {0}, null, 1, 1);
    assertThat(m.result()).isEqualTo(1.0);
  }

  @Test
  void binaryAccuracyWeightsRows() {
    // hits are rows 1 and 2: (3 + 0.5) / (1 + 3 + 0.5 + 0)
    BinaryAccuracy m = new BinaryAccuracy();
    m.update(PRED, TARGET, new double[] {1, 3, 0.5, 0}, 4, 1);
    assertThat(m.result()).isCloseTo(3.5 / 4.5, within(1e-15));
  }

  @Test
  void binaryAccuracyUsesItsThreshold() {
    BinaryAccuracy m = new BinaryAccuracy("binary_accuracy", 0.8);
    m.update(PRED, TARGET, null, 4, 1);
    // predicted 0, 0, 0, 1 against 1, 1, 0, 0: only row 2 hits
    assertThat(m.result()).isEqualTo(0.25);
  }

  @Test
  void binaryAccuracyAveragesColumnsWithinARowThenWeightsRows() {
    // row 0: columns hit, miss -> 0.5; row 1: hit, hit -> 1.0; weights 1 and 3
    double[] pred = {0.9, 0.9, 0.1, 0.8};
    double[] target = {1, 0, 0, 1};
    BinaryAccuracy m = new BinaryAccuracy();
    m.update(pred, target, new double[] {1, 3}, 2, 2);
    assertThat(m.result()).isCloseTo((0.5 * 1 + 1.0 * 3) / 4, within(1e-15));
  }

  @Test
  void accumulatesOverBatchesUntilReset() {
    BinaryAccuracy m = new BinaryAccuracy();
    m.update(new double[] {0.9}, new double[] {1}, null, 1, 1);
    m.update(new double[] {0.9, 0.9, 0.9}, new double[] {0, 0, 0}, null, 3, 1);
    assertThat(m.result()).isEqualTo(0.25);
    m.reset();
    assertThat(m.result()).isZero();
    m.update(new double[] {0.9}, new double[] {1}, null, 1, 1);
    assertThat(m.result()).isEqualTo(1.0);
  }

  @Test
  void categoricalAccuracyComparesArgmaxes() {
    double[] pred = {0.1, 0.7, 0.2, 0.5, 0.3, 0.2, 0.3, 0.3, 0.4};
    double[] target = {0, 1, 0, 0, 0, 1, 0, 0, 1};
    CategoricalAccuracy m = new CategoricalAccuracy();
    m.update(pred, target, new double[] {1, 2, 4}, 3, 3);
    // rows 0 and 2 hit, row 1 misses
    assertThat(m.result()).isCloseTo(5.0 / 7.0, within(1e-15));
  }

  @Test
  void categoricalAccuracyBreaksTiesTowardTheFirstColumn() {
    CategoricalAccuracy m = new CategoricalAccuracy();
    m.update(new double[] {0.5, 0.5}, new double[] {1, 0}, null, 1, 2);
    assertThat(m.result()).isEqualTo(1.0);
  }

  @Test
  void sparseCategoricalAccuracyComparesArgmaxWithTheClassIndex() {
    double[] pred = {0.1, 0.7, 0.2, 0.5, 0.3, 0.2, 0.3, 0.3, 0.4};
    double[] target = {1, 2, 2};
    SparseCategoricalAccuracy m = new SparseCategoricalAccuracy();
    m.update(pred, target, new double[] {1, 2, 4}, 3, 3);
    assertThat(m.result()).isCloseTo(5.0 / 7.0, within(1e-15));
  }

  @Test
  void emptyMetricIsZero() {
    assertThat(new SparseCategoricalAccuracy().result()).isZero();
  }
}

package dev.lamina.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Loss values against numbers worked out by hand (or with 40-digit mpmath where noted). */
class LossValuesTest {
  private static final double TIGHT = 1e-15;

  @Test
  void binaryCrossentropyOfAConfidentCorrectPredictionIsMinusLnPoint9() {
    double l = new BinaryCrossentropy().compute(new double[] {0.9}, new double[] {1}, null, null, 1, 1);
    assertThat(l).isCloseTo(-Math.log(0.9), within(TIGHT)).isCloseTo(0.1053605156578263, within(TIGHT));
  }

  @Test
  void binaryCrossentropyClipsAZeroProbabilityToEpsilon() {
    double[] g = new double[1];
    double l = new BinaryCrossentropy().compute(new double[] {0.0}, new double[] {1}, null, g, 1, 1);
    assertThat(l).isCloseTo(16.11809565095832, within(1e-13)).isCloseTo(-Math.log(1e-7), within(1e-13));
    assertThat(g[0]).as("no gradient through an active clip").isZero();
  }

  @Test
  void binaryCrossentropyClipsAProbabilityOfOne() {
    double l = new BinaryCrossentropy().compute(new double[] {1.0}, new double[] {0}, null, null, 1, 1);
    assertThat(l).isCloseTo(-Math.log(1e-7), within(1e-8));
  }

  @Test
  void binaryCrossentropyAveragesOverColumns() {
    double l = new BinaryCrossentropy().compute(new double[] {0.9, 0.2}, new double[] {1, 0}, null, null, 1, 2);
    assertThat(l).isCloseTo(0.16425203348601802, within(TIGHT));
  }

  @Test
  void labelSmoothingMovesBinaryLabelsTowardsOneHalf() {
    // y = 1 with ls = 0.2 becomes 0.9: -(0.9 ln 0.9 + 0.1 ln 0.1), mpmath 0.32508297339144826.
    double l = new BinaryCrossentropy(false, 0.2).compute(new double[] {0.9}, new double[] {1}, null, null, 1, 1);
    assertThat(l).isCloseTo(0.32508297339144826, within(TIGHT));
  }

  @Test
  void binaryCrossentropyFromLogitsAtZeroIsLnTwo() {
    double l = new BinaryCrossentropy(true, 0).compute(new double[] {0.0}, new double[] {1}, null, null, 1, 1);
    assertThat(l).isCloseTo(Math.log(2), within(TIGHT));
  }

  @Test
  void sampleWeightsScaleRowsButTheMeanStillDividesByRows() {
    double[] pred = {0.9, 0.6};
    double[] target = {1, 1};
    double l = new BinaryCrossentropy().compute(pred, target, new double[] {2, 0}, null, 2, 1);
    assertThat(l).isCloseTo(2 * -Math.log(0.9) / 2, within(TIGHT));
  }

  @Test
  void categoricalCrossentropyIsMinusLogOfTheTrueClassProbability() {
    double l = new CategoricalCrossentropy().compute(new double[] {0.2, 0.3, 0.5}, new double[] {0, 0, 1}, null, null, 1, 3);
    assertThat(l).isCloseTo(-Math.log(0.5), within(TIGHT));
  }

  @Test
  void categoricalCrossentropyRenormalisesEachRow() {
    double l = new CategoricalCrossentropy().compute(new double[] {0.4, 0.6, 1.0}, new double[] {0, 0, 1}, null, null, 1, 3);
    assertThat(l).isCloseTo(-Math.log(0.5), within(TIGHT));
  }

  @Test
  void categoricalLabelSmoothingSpreadsOverTheClasses() {
    // ls = 0.3 over 3 classes: y' = (0.1, 0.1, 0.8).
    double l = new CategoricalCrossentropy(false, 0.3).compute(new double[] {0.2, 0.3, 0.5}, new double[] {0, 0, 1}, null, null, 1, 3);
    assertThat(l).isCloseTo(-(0.1 * Math.log(0.2) + 0.1 * Math.log(0.3) + 0.8 * Math.log(0.5)), within(TIGHT));
  }

  @Test
  void sparseCategoricalCrossentropyReadsTheClassIndex() {
    double l = new SparseCategoricalCrossentropy().compute(new double[] {0.2, 0.3, 0.5, 0.7, 0.2, 0.1},
        new double[] {2, 0}, null, null, 2, 3);
    assertThat(l).isCloseTo((-Math.log(0.5) - Math.log(0.7)) / 2, within(TIGHT));
  }

  @Test
  void sparseCategoricalCrossentropyFromLogitsIsLogSumExpMinusTheTrueLogit() {
    double l = new SparseCategoricalCrossentropy(true).compute(new double[] {1, 2, 3}, new double[] {0}, null, null, 1, 3);
    double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    assertThat(l).isCloseTo(lse - 1, within(TIGHT));
  }

  @Test
  void meanSquaredErrorAveragesSquaredErrorsOverColumnsAndRows() {
    double l = new MeanSquaredError().compute(new double[] {1, 2, 3, 3}, new double[] {0, 0, 3, 1}, null, null, 2, 2);
    assertThat(l).isCloseTo(((1 + 4) / 2.0 + (0 + 4) / 2.0) / 2, within(TIGHT));
  }

  @Test
  void meanAbsoluteErrorAveragesAbsoluteErrors() {
    double[] g = new double[3];
    double l = new MeanAbsoluteError().compute(new double[] {1, -2, 5}, new double[] {0, 0, 5}, null, g, 1, 3);
    assertThat(l).isCloseTo(1.0, within(TIGHT));
    assertThat(g).containsExactly(1.0 / 3, -1.0 / 3, 0.0);
  }

  @Test
  void huberIsQuadraticInsideDelta() {
    double l = new Huber().compute(new double[] {0.5}, new double[] {0}, null, null, 1, 1);
    assertThat(l).isEqualTo(0.125);
  }

  @Test
  void huberIsLinearOutsideDelta() {
    double[] g = new double[1];
    double l = new Huber().compute(new double[] {-2}, new double[] {0}, null, g, 1, 1);
    assertThat(l).isEqualTo(1.5);
    assertThat(g[0]).isEqualTo(-1.0);
  }

  @Test
  void huberWithDeltaTwoAtErrorThreeIsFour() {
    double l = new Huber(2).compute(new double[] {3}, new double[] {0}, null, null, 1, 1);
    assertThat(l).isEqualTo(2 * 3 - 0.5 * 4);
  }

  @Test
  void huberPiecesMeetAtDelta() {
    Huber h = new Huber(1.5);
    assertThat(h.value(Math.nextUp(1.5))).isCloseTo(h.value(1.5), within(1e-15));
    assertThat(h.derivative(Math.nextUp(1.5))).isCloseTo(h.derivative(1.5), within(1e-15));
  }

  @Test
  void anEmptyBatchHasZeroLoss() {
    assertThat(new MeanSquaredError().compute(new double[0], new double[0], null, null, 0, 3)).isZero();
    assertThat(new CategoricalCrossentropy().compute(new double[0], new double[0], null, null, 0, 3)).isZero();
  }
}

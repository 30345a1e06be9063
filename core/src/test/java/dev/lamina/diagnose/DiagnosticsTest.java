package dev.lamina.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.model.Model;
import dev.lamina.random.Rng;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics of a 2-2-1 network (relu, sigmoid) on two rows, against values worked out by hand:
 *
 * <pre>
 * x = [[1, 2], [2, 1]], y = [1, 0]
 * W0 = [[0.5, -1], [0.25, -0.5]], b0 = [0, 0]  -&gt;  z0 = [[1, -2], [1.25, -2.5]], a0 = [[1, 0], [1.25, 0]]
 * W1 = [[2], [3]], b1 = [0]                     -&gt;  z1 = [2, 2.5], p = [s(2), s(2.5)]
 * dL/dz1 = (p - y) / 2 (binary cross-entropy fused with the sigmoid)
 * dW1 = a0^T dz1 = [dz1_0 + 1.25 dz1_1, 0]
 * dz0 = [[2 dz1_0, 0], [2 dz1_1, 0]]  (unit 1 never positive: dead)
 * dW0 = x^T dz0 = [[2 dz1_0 + 4 dz1_1, 0], [4 dz1_0 + 2 dz1_1, 0]]
 * </pre>
 */
class DiagnosticsTest {
  private static final double EPS = 1e-12;
  private final double[] x = {1, 2, 2, 1};
  private final double[] y = {1, 0};
  private Diagnosis diagnosis;
  private double dz10;
  private double dz11;

  @BeforeEach
  void inspectTheTinyNetwork() {
    Model m = Model.of(TinyNetwork.model(1, List.of(TinyNetwork.dense(2, "relu", "glorot_uniform").withInputDim(2),
        TinyNetwork.dense(1, "sigmoid", "glorot_uniform"))));
    m.setWeights(new double[][] {{0.5, -1, 0.25, -0.5}, {0, 0}, {2, 3}, {0}});
    diagnosis = Diagnostics.inspect(m, new Dataset(x, 2, 2, y, 1, null));
    dz10 = (sigmoid(2) - 1) / 2;
    dz11 = sigmoid(2.5) / 2;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double std(double... v) {
    double m = 0;
    for (double d : v) {
      m += d;
    }
    m /= v.length;
    double s = 0;
    for (double d : v) {
      s += (d - m) * (d - m);
    }
    return Math.sqrt(s / v.length);
  }

  @Test
  void reportsFansInitializerAndTargetStd() {
    LayerStats l0 = diagnosis.layers().get(0);
    assertThat(l0.fanIn()).isEqualTo(2);
    assertThat(l0.fanOut()).isEqualTo(2);
    assertThat(l0.initializer()).isEqualTo("glorot_uniform");
    assertThat(l0.targetStd()).isCloseTo(Math.sqrt(2.0 / 4), within(EPS));
    assertThat(diagnosis.layers().get(1).targetStd()).isCloseTo(Math.sqrt(2.0 / 3), within(EPS));
  }

  @Test
  void weightMeanAndStdAreThoseOfTheKernel() {
    LayerStats l0 = diagnosis.layers().get(0);
    assertThat(l0.weightMean()).isCloseTo(-0.75 / 4, within(EPS));
    assertThat(l0.weightStd()).isCloseTo(std(0.5, -1, 0.25, -0.5), within(EPS));
  }

  @Test
  void activationStatisticsAreOverTheBatch() {
    LayerStats l0 = diagnosis.layers().get(0);
    assertThat(l0.activationMean()).isCloseTo(2.25 / 4, within(EPS));
    assertThat(l0.activationStd()).isCloseTo(std(1, 0, 1.25, 0), within(EPS));
    assertThat(l0.preActivationStd()).isCloseTo(std(1, -2, 1.25, -2.5), within(EPS));
    LayerStats l1 = diagnosis.layers().get(1);
    assertThat(l1.activationMean()).isCloseTo((sigmoid(2) + sigmoid(2.5)) / 2, within(EPS));
  }

  @Test
  void lossIsTheBatchBinaryCrossentropy() {
    double expected = -(Math.log(sigmoid(2)) + Math.log(1 - sigmoid(2.5))) / 2;
    assertThat(diagnosis.loss()).isCloseTo(expected, within(1e-9));
  }

  @Test
  void kernelGradientNormAndStdComeFromOneBackwardPass() {
    double g00 = 2 * dz10 + 4 * dz11;
    double g10 = 4 * dz10 + 2 * dz11;
    LayerStats l0 = diagnosis.layers().get(0);
    assertThat(l0.gradientNorm()).isCloseTo(Math.hypot(g00, g10), within(EPS));
    assertThat(l0.gradientStd()).isCloseTo(std(g00, 0, g10, 0), within(EPS));
    double g1 = dz10 + 1.25 * dz11;
    LayerStats l1 = diagnosis.layers().get(1);
    assertThat(l1.gradientNorm()).isCloseTo(Math.abs(g1), within(EPS));
    assertThat(l1.gradientStd()).isCloseTo(std(g1, 0), within(EPS));
  }

  @Test
  void errorNormIsTheNormOfDLossDzIncludingTheFusedOutputLayer() {
    assertThat(diagnosis.layers().get(1).errorNorm()).isCloseTo(Math.hypot(dz10, dz11), within(EPS));
    assertThat(diagnosis.layers().get(0).errorNorm()).isCloseTo(Math.hypot(2 * dz10, 2 * dz11), within(EPS));
  }

  @Test
  void errorStdRatioComparesEachLayerWithTheOutputLayer() {
    assertThat(diagnosis.layers().get(1).errorStd()).isCloseTo(std(dz10, dz11), within(EPS));
    assertThat(diagnosis.layers().get(0).errorStd()).isCloseTo(std(2 * dz10, 0, 2 * dz11, 0), within(EPS));
    assertThat(diagnosis.layers().get(0).errorStdRatio()).isCloseTo(std(2 * dz10, 0, 2 * dz11, 0) / std(dz10, dz11), within(1e-9));
    assertThat(diagnosis.layers().get(1).errorStdRatio()).isEqualTo(1.0);
  }

  @Test
  void aReluUnitNeverPositiveOnTheBatchIsDead() {
    assertThat(diagnosis.layers().get(0).deadFraction()).isEqualTo(0.5);
    assertThat(diagnosis.warnings()).anyMatch(w -> w.startsWith("layer 0 (relu): 1 of 2 units (50%) is dead"));
  }

  @Test
  void deadAndSaturatedAreNotApplicableOutsideTheirFamilies() {
    assertThat(diagnosis.layers().get(0).saturatedFraction()).isNaN();
    assertThat(diagnosis.layers().get(1).deadFraction()).isNaN();
    assertThat(diagnosis.layers().get(1).saturatedFraction()).isEqualTo(0.0);
  }

  @Test
  void constantInitializationIsReportedAsUnbrokenSymmetry() {
    Model m = Model.of(TinyNetwork.deep(4, 2, 5, "tanh", dev.lamina.spec.ComponentSpec.of("ones"), 3));
    Diagnosis d = Diagnostics.inspect(m, batch(4, 16, 3));
    assertThat(d.layers().get(0).duplicateUnits()).isEqualTo(4);
    assertThat(d.warnings()).anyMatch(w -> w.contains("4 of 5 units are exact copies of another unit"));
  }

  @Test
  void randomInitializationHasNoCopies() {
    Model m = Model.of(TinyNetwork.deep(4, 2, 5, "tanh", dev.lamina.spec.ComponentSpec.of("glorot_uniform"), 3));
    assertThat(Diagnostics.inspect(m, batch(4, 16, 3)).layers()).allMatch(l -> l.duplicateUnits() == 0);
  }

  @Test
  void largeSigmoidInputsAreCountedAsSaturated() {
    Model m = Model.of(TinyNetwork.model(1, List.of(TinyNetwork.dense(2, "sigmoid", "glorot_uniform").withInputDim(1),
        TinyNetwork.dense(1, "sigmoid", "glorot_uniform"))));
    // Unit 0 gets z = 10x: saturated for |x| >= 0.46; unit 1 gets z = 0.01x: never.
    m.setWeights(new double[][] {{10, 0.01}, {0, 0}, {1, 1}, {0}});
    Diagnosis d = Diagnostics.inspect(m, new Dataset(new double[] {-1, -0.1, 0.2, 1}, 4, 1, new double[] {0, 1, 0, 1}, 1, null));
    assertThat(d.layers().get(0).saturatedFraction()).isEqualTo(2.0 / 8);
    assertThat(d.warnings()).anyMatch(w -> w.startsWith("layer 0 (sigmoid): 25% of outputs are saturated"));
  }

  @Test
  void aDeepSmallUniformNetworkGetsAVanishingWarningThatNamesTheMatchedInit() {
    Model m = Model.of(TinyNetwork.deep(8, 8, 16, "tanh", dev.lamina.spec.ComponentSpec.of("random_uniform"), 5));
    Diagnosis d = Diagnostics.inspect(m, batch(8, 64, 5));
    assertThat(d.warnings()).anyMatch(w -> w.startsWith("layer 0 (tanh): gradient std is ")
        && w.endsWith("of the output layer's: vanishing; glorot_uniform keeps it within 10x"));
  }

  @Test
  void theCallbackMeasuresAtInitializationAndAfterEachEpoch() {
    Model m = Model.of(TinyNetwork.deep(4, 2, 5, "relu", dev.lamina.spec.ComponentSpec.of("he_uniform"), 3));
    Dataset data = batch(4, 40, 9);
    List<Integer> epochs = new java.util.ArrayList<>();
    DiagnosticsCallback cb = new DiagnosticsCallback(m, data.slice(0, 20), (e, d) -> epochs.add(e));
    m.fit(data, null, Fit.epochs(3).batchSize(8), cb);
    assertThat(epochs).containsExactly(0, 1, 2, 3);
    assertThat(cb.diagnoses()).hasSize(4);
    assertThat(cb.diagnoses().get(3).layers().get(0).weightMean()).isNotEqualTo(cb.diagnoses().get(0).layers().get(0).weightMean());
  }

  @Test
  void inspectingDoesNotChangeTheWeights() {
    Model m = Model.of(TinyNetwork.deep(4, 2, 5, "relu", dev.lamina.spec.ComponentSpec.of("he_uniform"), 3));
    double[][] before = m.weights();
    Diagnostics.inspect(m, batch(4, 16, 3));
    assertThat(m.weights()).isDeepEqualTo(before);
  }

  @Test
  void theTableListsEveryDenseLayerAndTheWarnings() {
    String text = diagnosis.render();
    assertThat(text).contains("Per-layer statistics on 2 rows").contains("dense_1").contains("sigmoid")
        .contains("Warnings:").contains("50%");
  }

  static Dataset batch(int cols, int rows, long seed) {
    Rng rng = new Rng(seed);
    double[] xs = new double[rows * cols];
    double[] ys = new double[rows];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = rng.nextGaussian();
    }
    for (int r = 0; r < rows; r++) {
      ys[r] = xs[r * cols] > 0 ? 1 : 0;
    }
    return new Dataset(xs, rows, cols, ys, 1, null);
  }
}

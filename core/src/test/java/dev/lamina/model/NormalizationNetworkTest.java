package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import dev.lamina.spec.BatchNormalizationSpec;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerNormalizationSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.testing.GradientCheck;
import dev.lamina.train.Fit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BatchNormalization and LayerNormalization inside a network: gradients, summary, saving. */
class NormalizationNetworkTest {
  private static final int ROWS = 8;
  private static final int INPUTS = 4;

  private static DenseSpec dense(int units, String activation) {
    ComponentSpec normal = ComponentSpec.of("random_normal", "stddev", 0.7);
    return new DenseSpec(units, ComponentSpec.of(activation), true, normal, ComponentSpec.of("random_normal", "stddev", 0.3),
        null, null, null, null);
  }

  private static Model model(List<LayerSpec> layers) {
    return Model.of(new ModelSpec("norm", 3L, layers,
        new CompileSpec(ComponentSpec.of("sgd"), ComponentSpec.of("binary_crossentropy"), List.of())), INPUTS);
  }

  private static List<LayerSpec> withBatchNorm() {
    return List.of(dense(5, "linear"), BatchNormalizationSpec.DEFAULT, dense(3, "tanh"),
        LayerNormalizationSpec.DEFAULT, dense(1, "sigmoid"));
  }

  @Test
  void trainingModeGradientsOfEveryParameterMatchCentralDifferences() {
    Model model = model(withBatchNorm());
    Rng rng = new Rng(4);
    double[] x = new double[ROWS * INPUTS];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian() * 2 + 1;
    }
    double[] y = new double[ROWS];
    for (int r = 0; r < ROWS; r++) {
      y[r] = r % 3 == 0 ? 1 : 0;
    }
    Network net = model.network();
    LossHead head = model.head();
    net.allocate(ROWS);
    head.allocate(ROWS);
    head.loss(net.forward(x, ROWS, true), y, null, ROWS, true);
    head.backward(ROWS);
    for (Parameter p : net.parameters()) {
      double[] analytic = p.grad().clone();
      double[] numeric = GradientCheck.numericGradient(
          ignored -> head.loss(net.forward(x, ROWS, true), y, null, ROWS, false), p.value());
      // Floor 1e-7: the bias feeding the BatchNormalization has an exactly zero gradient (the
      // batch mean cancels it), where the numeric one is rounding noise near 1e-13.
      GradientCheck.assertMatches(analytic, numeric, 1e-6, 1e-7, p.name());
    }
    for (double g : net.parameters().get(1).grad()) {
      assertThat(g).as("bias before BatchNormalization").isCloseTo(0.0, within(1e-15));
    }
  }

  @Test
  void summaryCountsTheMovingStatisticsAsNonTrainable() {
    String summary = model(withBatchNorm()).summary();
    // Dense 4->5 (25) + BN gamma, beta (10) + Dense 5->3 (18) + LN (6) + Dense 3->1 (4) = 63 trainable;
    // moving mean and variance of 5 columns = 10 non-trainable.
    assertThat(summary).contains("Total params: 73 ").contains("Trainable params: 63 ")
        .contains("Non-trainable params: 10 ").contains("batch_normalization (BatchNormalization)")
        .contains("layer_normalization (LayerNormalization)");
  }

  @Test
  void weightsFileRoundTripKeepsTheMovingStatistics(@TempDir Path dir) {
    Model trained = model(withBatchNorm());
    double[][] x = Fixtures.features(64, INPUTS, 5);
    trained.fit(x, Fixtures.labels(x, 5), Fit.epochs(2).batchSize(16));
    assertThat(trained.state().get(0).value()[0]).isNotEqualTo(0.0);
    Path file = dir.resolve("w.bin");
    WeightsFile.write(trained, file);
    Model fresh = model(withBatchNorm());
    WeightsFile.read(fresh, file);
    assertThat(fresh.state().get(0).value()).containsExactly(trained.state().get(0).value());
    assertThat(fresh.state().get(1).value()).containsExactly(trained.state().get(1).value());
    assertThat(fresh.predict(x)).isDeepEqualTo(trained.predict(x));
  }

  @Test
  void snapshotWeightsIncludeTheStateSoRestoreBestWeightsRestoresIt() {
    Model m = model(withBatchNorm());
    double[][] snapshot = m.weights();
    assertThat(snapshot.length).isEqualTo(m.parameters().size() + m.state().size());
    double[][] x = Fixtures.features(32, INPUTS, 6);
    m.fit(x, Fixtures.labels(x, 6), Fit.epochs(1).batchSize(8));
    m.setWeights(snapshot);
    assertThat(m.state().get(0).value()).containsOnly(0.0);
    assertThat(m.state().get(1).value()).containsOnly(1.0);
  }

  @Test
  void trainingWithNormalizationLayersAndClassWeightsAllocatesNothingPerBatch() {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    double[][] x = Fixtures.features(5000, INPUTS, 1);
    double[] y = Fixtures.labels(x, 1);
    allocated(bean, x, y, 3);
    long perEpoch = (allocated(bean, x, y, 20) - allocated(bean, x, y, 10)) / 10;
    assertThat(perEpoch).as("bytes allocated per epoch of 500 batches").isLessThan(4_000);
  }

  private static long allocated(com.sun.management.ThreadMXBean bean, double[][] x, double[] y, int epochs) {
    Model m = model(withBatchNorm());
    long id = Thread.currentThread().getId();
    long before = bean.getThreadAllocatedBytes(id);
    m.fit(x, y, Fit.epochs(epochs).batchSize(10).balancedClassWeight());
    return bean.getThreadAllocatedBytes(id) - before;
  }
}

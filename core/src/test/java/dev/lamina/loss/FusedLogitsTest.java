package dev.lamina.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.activation.Activation;
import dev.lamina.activation.Activations;
import dev.lamina.activation.Sigmoid;
import dev.lamina.activation.Softmax;
import dev.lamina.random.Rng;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.testing.GradientCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused path (activation + loss on logits) must agree with the probability path (activation
 * forward, loss on probabilities, activation backward) wherever clipping is inactive: here logits in
 * [-5, 5], so probabilities stay well inside [1e-7, 1 - 1e-7].
 */
class FusedLogitsTest {
  private static final double AGREEMENT = 1e-9;

  static Stream<ComponentSpec> fusable() {
    Stream<ComponentSpec> defaults = Losses.REGISTRY.names().stream().map(ComponentSpec::of)
        .filter(s -> Losses.create(s, "") instanceof FusedLogitsLoss);
    return Stream.concat(defaults, Stream.of(
        ComponentSpec.of("binary_crossentropy", "label_smoothing", 0.1),
        ComponentSpec.of("categorical_crossentropy", "label_smoothing", 0.2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fusable")
  void fusedLossAndGradientEqualTheProbabilityPath(ComponentSpec spec) {
    FusedLogitsLoss loss = (FusedLogitsLoss) Losses.create(spec, "loss");
    Activation act = Activations.create(loss.fusableActivation());
    Rng rng = Rng.forPath(11, spec.toString());
    int rows = 6;
    int cols = 3;
    int n = rows * cols;
    double[] z = GradientCheck.uniform(rng, n, -5, 5);
    double[] weights = GradientCheck.uniform(rng, rows, 0, 2);
    double[] target = LossGradientTest.batch(loss, false, false, rows, cols, rng).target();

    double[] p = new double[n];
    act.forward(z, p, rows, cols);
    double[] gradP = new double[n];
    double viaProbabilities = loss.compute(p, target, weights, gradP, rows, cols);
    double[] chained = new double[n];
    act.backward(z, p, gradP, chained, rows, cols);

    double[] gradZ = new double[n];
    double viaLogits = loss.computeFromLogits(z, target, weights, gradZ, rows, cols);

    assertThat(viaLogits).isCloseTo(viaProbabilities, within(AGREEMENT));
    assertThat(gradZ).containsExactly(chained, within(AGREEMENT));
  }

  @Test
  void binaryCrossentropyFusesWithSigmoidOnlyWhenGivenProbabilities() {
    assertThat(new BinaryCrossentropy().fusesWith(new Sigmoid())).isTrue();
    assertThat(new BinaryCrossentropy().fusesWith(new Softmax())).isFalse();
    assertThat(new BinaryCrossentropy(true, 0).fusesWith(new Sigmoid())).isFalse();
  }

  @Test
  void categoricalCrossentropiesFuseWithSoftmax() {
    assertThat(new CategoricalCrossentropy().fusesWith(new Softmax())).isTrue();
    assertThat(new SparseCategoricalCrossentropy().fusesWith(new Softmax())).isTrue();
    assertThat(new SparseCategoricalCrossentropy().fusesWith(new Sigmoid())).isFalse();
    assertThat(new CategoricalCrossentropy(true, 0).fusesWith(new Softmax())).isFalse();
  }

  @Test
  void fusedGradientOfBinaryCrossentropyIsSigmoidMinusLabelOverRowsAndCols() {
    double[] z = {0.3, -1.2, 2.0, 0.0};
    double[] y = {1, 0, 0, 1};
    double[] g = new double[4];
    new BinaryCrossentropy().computeFromLogits(z, y, null, g, 2, 2);
    for (int i = 0; i < 4; i++) {
      assertThat(g[i]).isCloseTo((Sigmoid.sigmoid(z[i]) - y[i]) / 4, within(1e-17));
    }
  }

  @Test
  void logitsLossesStayFiniteAtTenThousand() {
    double[] g = new double[2];
    double bce = new BinaryCrossentropy(true, 0).compute(new double[] {1e4, -1e4}, new double[] {0, 0}, null, g, 1, 2);
    assertThat(bce).isEqualTo(5e3);
    assertThat(g).containsExactly(0.5, 0.0);
    double cce = new CategoricalCrossentropy(true, 0).compute(new double[] {1e4, -1e4}, new double[] {0, 1}, null, g, 1, 2);
    assertThat(cce).isEqualTo(2e4);
    assertThat(g).containsExactly(1.0, -1.0);
    double scce = new SparseCategoricalCrossentropy(true).compute(new double[] {-1e4, 1e4}, new double[] {1}, null, g, 1, 2);
    assertThat(scce).isEqualTo(0.0);
  }
}

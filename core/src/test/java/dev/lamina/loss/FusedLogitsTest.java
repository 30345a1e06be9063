package dev.lamina.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.activation.Activation;
import dev.lamina.activation.Activations;
import dev.lamina.activation.Sigmoid;
import dev.lamina.activation.Softmax;
import dev.lamina.activation.Softplus;
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

  @Test
  void binaryLogitsLossIsBitIdenticalToSoftplusAndSigmoidTakenSeparately() {
    double[] z = {0.0, -0.0, 1e-300, -1e-300, 0.3, -0.3, 2.5, -2.5, 17.0, -17.0, 40.0, -40.0, 750.0, -750.0,
        Double.MAX_VALUE, -Double.MAX_VALUE};
    double[] y = {0, 1, 0, 1, 1, 0, 0.25, 1, 0, 1, 0, 1, 1, 0, 0, 1};
    int rows = z.length;
    double[] weights = GradientCheck.uniform(Rng.forPath(12, "weights"), rows, 0, 2);
    double scale = 1.0 / rows;
    double expectedTotal = 0;
    double[] expectedGrad = new double[rows];
    for (int r = 0; r < rows; r++) {
      double rowSum = 0;
      rowSum += Softplus.softplus(z[r]) - z[r] * y[r];
      expectedGrad[r] = weights[r] * scale * (Sigmoid.sigmoid(z[r]) - y[r]);
      expectedTotal += weights[r] * rowSum;
    }
    double[] grad = new double[rows];
    double total = new BinaryCrossentropy().computeFromLogits(z, y, weights, grad, rows, 1);
    assertThat(total).isEqualTo(expectedTotal * scale);
    for (int r = 0; r < rows; r++) {
      assertThat(Double.doubleToRawLongBits(grad[r])).as("z=%s", z[r])
          .isEqualTo(Double.doubleToRawLongBits(expectedGrad[r]));
    }
  }
}


package dev.lamina.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.random.Rng;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.testing.GradientCheck;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered activation (read from the registry, so a new one cannot skip this) plus
 * configured variants: backward must equal the central-difference gradient of
 * f(z) = sum_i dOut_i out_i(z) for random z and dOut.
 *
 * <p>Inputs keep 0.01 away from multiples of 0.5, where every kink of the configurations below
 * lies (0, +-3, thresholds 1 and -1.5, max values 2 and 6).
 */
class ActivationGradientTest {
  private static final long SEED = 20240611L;
  private static final int[][] SHAPES = {{1, 1}, {3, 4}, {5, 2}, {2, 7}};
  private static final int BATCHES_PER_SHAPE = 3;
  private static final int PADDING = 3;
  private static final double SENTINEL = 12345.0;

  static Stream<ComponentSpec> activations() {
    Stream<ComponentSpec> defaults = Activations.REGISTRY.names().stream().map(ComponentSpec::of);
    Stream<ComponentSpec> variants = Stream.of(
        ComponentSpec.of("swish"),
        ComponentSpec.of("relu", "negative_slope", 0.1),
        ComponentSpec.of("relu", "max_value", 2.0),
        ComponentSpec.of("relu", "negative_slope", 0.1, "max_value", 6.0, "threshold", 1.0),
        ComponentSpec.of("relu", "threshold", -1.5),
        ComponentSpec.of("relu", "threshold", -1.5, "max_value", 2.0),
        ComponentSpec.of("leaky_relu", "negative_slope", 0.3),
        ComponentSpec.of("elu", "alpha", 0.5),
        ComponentSpec.of("gelu", "approximate", true));
    return Stream.concat(defaults, variants);
  }

  private static double weightedOutput(Activation act, double[] z, double[] dOut, int rows, int cols) {
    double[] out = new double[rows * cols];
    act.forward(z, out, rows, cols);
    double s = 0;
    for (int i = 0; i < out.length; i++) {
      s += dOut[i] * out[i];
    }
    return s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void backwardMatchesCentralDifferences(ComponentSpec spec) {
    Activation act = Activations.create(spec, "test");
    assertThat(worstRelativeError(act, Rng.forPath(SEED, spec.toString()))).isLessThan(GradientCheck.DEFAULT_TOLERANCE);
  }

  @Test
  void negativeControlAnActivationWithAWrongDerivativeFailsTheCheck() {
    ElementwiseActivation wrong = new ElementwiseActivation("sigmoid_with_wrong_derivative") {
      @Override
      public double apply(double x) {
        return Sigmoid.sigmoid(x);
      }

      @Override
      public double derivative(double x, double y) {
        return y * (1 - y) * (1 + 1e-4);
      }
    };
    assertThat(worstRelativeError(wrong, new Rng(SEED))).isGreaterThan(1e-5);
  }

  /** The worst relative error over all shapes and batches; also checks that padding stays untouched. */
  private static double worstRelativeError(Activation act, Rng rng) {
    double worst = 0;
    for (int[] shape : SHAPES) {
      int rows = shape[0];
      int cols = shape[1];
      int n = rows * cols;
      for (int b = 0; b < BATCHES_PER_SHAPE; b++) {
        double[] z = Arrays.copyOf(GradientCheck.uniformAwayFromGrid(rng, n, -4, 4, 0.5, 0.01), n + PADDING);
        Arrays.fill(z, n, n + PADDING, Double.NaN);
        double[] dOut = Arrays.copyOf(GradientCheck.uniform(rng, n, -1, 1), n + PADDING);
        double[] out = new double[n + PADDING];
        act.forward(z, out, rows, cols);
        double[] dZ = new double[n + PADDING];
        Arrays.fill(dZ, SENTINEL);
        act.backward(z, out, dOut, dZ, rows, cols);

        double[] numeric = GradientCheck.numericGradient(x -> weightedOutput(act, x, dOut, rows, cols), z, n,
            GradientCheck.DEFAULT_STEP);
        double err = GradientCheck.maxRelativeError(dZ, numeric);
        assertThat(err).as("%s %dx%d: %s", act, rows, cols, GradientCheck.describeWorst(dZ, numeric, 0)).isNotNaN();
        worst = Math.max(worst, err);
        assertThat(Arrays.copyOfRange(dZ, n, n + PADDING)).as("padding untouched").containsOnly(SENTINEL);
      }
    }
    return worst;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void backwardGivesTheSameResultWhenDzAliasesDout(ComponentSpec spec) {
    Activation act = Activations.create(spec, "test");
    Rng rng = Rng.forPath(SEED, "alias/" + spec);
    int rows = 3;
    int cols = 4;
    double[] z = GradientCheck.uniform(rng, rows * cols, -4, 4);
    double[] dOut = GradientCheck.uniform(rng, rows * cols, -1, 1);
    double[] out = new double[rows * cols];
    act.forward(z, out, rows, cols);
    double[] separate = new double[rows * cols];
    act.backward(z, out, dOut, separate, rows, cols);

    act.backward(z, out, dOut, dOut, rows, cols);
    assertThat(dOut).containsExactly(separate);
  }
}

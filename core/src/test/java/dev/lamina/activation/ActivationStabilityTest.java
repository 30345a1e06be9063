package dev.lamina.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.spec.ComponentSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** At |x| = 1e4 every activation stays finite (exponential excepted) and reaches its limit. */
class ActivationStabilityTest {
  private static final double BIG = 1e4;

  static Stream<String> names() {
    return Activations.REGISTRY.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void forwardAndBackwardProduceNoNaNAtPlusMinusTenThousand(String name) {
    Activation act = Activations.create(name);
    double[] z = {BIG, -BIG, 0, -BIG, BIG, 1e3};
    double[] out = new double[z.length];
    double[] dZ = new double[z.length];
    act.forward(z, out, 2, 3);
    act.backward(z, out, new double[] {1, 1, 1, 1, 1, 1}, dZ, 2, 3);
    assertThat(out).doesNotContain(Double.NaN);
    assertThat(dZ).doesNotContain(Double.NaN);
    if (!name.equals(Exponential.NAME)) {
      for (int i = 0; i < z.length; i++) {
        assertThat(Double.isFinite(out[i])).as("%s(%s) = %s", name, z[i], out[i]).isTrue();
        assertThat(Double.isFinite(dZ[i])).as("%s'(%s) = %s", name, z[i], dZ[i]).isTrue();
      }
    }
  }

  static Stream<Arguments> limits() {
    return Stream.of(
        Arguments.of("sigmoid", BIG, 1.0, 0.0),
        Arguments.of("sigmoid", -BIG, 0.0, 0.0),
        Arguments.of("tanh", BIG, 1.0, 0.0),
        Arguments.of("tanh", -BIG, -1.0, 0.0),
        Arguments.of("softplus", BIG, BIG, 1.0),
        Arguments.of("softplus", -BIG, 0.0, 0.0),
        Arguments.of("silu", BIG, BIG, 1.0),
        Arguments.of("silu", -BIG, 0.0, 0.0),
        Arguments.of("elu", -BIG, -1.0, 0.0),
        Arguments.of("selu", -BIG, -Selu.SCALE * Selu.ALPHA, 0.0),
        Arguments.of("selu", BIG, Selu.SCALE * BIG, Selu.SCALE),
        Arguments.of("gelu", BIG, BIG, 1.0),
        Arguments.of("gelu", -BIG, 0.0, 0.0),
        Arguments.of("softsign", BIG, 0.9999000099990001, 1 / (10001.0 * 10001.0)),
        Arguments.of("hard_sigmoid", -BIG, 0.0, 0.0),
        Arguments.of("leaky_relu", -BIG, -0.2 * BIG, 0.2),
        Arguments.of("exponential", -BIG, 0.0, 0.0),
        Arguments.of("exponential", BIG, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
  }

  @ParameterizedTest(name = "{0}({1}) -> {2}")
  @MethodSource("limits")
  void reachesItsLimit(String name, double x, double value, double slope) {
    ElementwiseActivation act = (ElementwiseActivation) Activations.create(name);
    double y = act.apply(x);
    assertThat(y).isCloseTo(value, within(1e-12 * Math.max(1, Math.abs(value))));
    assertThat(act.derivative(x, y)).isCloseTo(slope, within(1e-12 * Math.max(1, Math.abs(slope))));
  }

  @ParameterizedTest(name = "gelu approximate at {0}")
  @MethodSource("hugeInputs")
  void tanhApproximateGeluStaysFiniteForHugeInputs(double x) {
    ElementwiseActivation act = (ElementwiseActivation) Activations.create(ComponentSpec.of("gelu", "approximate", true), "");
    double y = act.apply(x);
    assertThat(y).isEqualTo(x > 0 ? x : 0.0, within(0.0));
    assertThat(act.derivative(x, y)).isEqualTo(x > 0 ? 1.0 : 0.0);
  }

  static Stream<Double> hugeInputs() {
    return Stream.of(BIG, -BIG, 1e200, -1e200);
  }

  @ParameterizedTest(name = "softmax row {0}")
  @MethodSource("hugeRows")
  void softmaxOfHugeLogitsIsOneHot(double a, double b, double c) {
    double[] out = new double[3];
    new Softmax().forward(new double[] {a, b, c}, out, 1, 3);
    assertThat(out).containsExactly(1.0, 0.0, 0.0);
  }

  static Stream<Arguments> hugeRows() {
    return Stream.of(Arguments.of(BIG, -BIG, 0.0), Arguments.of(BIG, 0.0, 0.0), Arguments.of(-BIG + 1000, -BIG, -BIG));
  }
}

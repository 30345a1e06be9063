package dev.lamina.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.spec.ComponentSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values computed independently (40-digit mpmath, or by hand) against the implementations, to
 * {@link #EXACT} relative error (the last bit or two) unless a row says otherwise: the exact gelu's
 * far left tail inherits commons-math3's erfc accuracy, measured at 1.2e-15 (x = -5) and 3.8e-15
 * (x = -10) relative.
 */
class ActivationValuesTest {
  private static final double EXACT = 5e-16;
  private static final double ERFC_TAIL = 1e-14;

  private static Arguments v(ComponentSpec spec, double x, double expected) {
    return Arguments.of(spec, x, expected, EXACT);
  }

  private static Arguments v(ComponentSpec spec, double x, double expected, double relativeTolerance) {
    return Arguments.of(spec, x, expected, relativeTolerance);
  }

  static Stream<Arguments> values() {
    return Stream.of(
        v(ComponentSpec.of("sigmoid"), 0.0, 0.5),
        v(ComponentSpec.of("sigmoid"), 1.0, 0.7310585786300049),
        v(ComponentSpec.of("tanh"), 0.5, 0.46211715726000974),
        v(ComponentSpec.of("relu"), -2.0, 0.0),
        v(ComponentSpec.of("relu"), 2.5, 2.5),
        v(ComponentSpec.of("relu", "max_value", 6.0), 7.0, 6.0),
        // Keras passes x itself above the threshold and subtracts slope * (threshold - x) below it.
        v(ComponentSpec.of("relu", "negative_slope", 0.1, "max_value", 6.0, "threshold", 1.0), -1.0, -0.2),
        v(ComponentSpec.of("relu", "negative_slope", 0.1, "max_value", 6.0, "threshold", 1.0), 0.5, -0.05),
        v(ComponentSpec.of("relu", "negative_slope", 0.1, "max_value", 6.0, "threshold", 1.0), 3.0, 3.0),
        v(ComponentSpec.of("relu", "negative_slope", 0.1, "max_value", 6.0, "threshold", 1.0), 10.0, 6.0),
        v(ComponentSpec.of("relu", "alpha", 0.5), -2.0, -1.0),
        v(ComponentSpec.of("leaky_relu"), -1.0, -0.2),
        v(ComponentSpec.of("leaky_relu"), 3.0, 3.0),
        v(ComponentSpec.of("elu"), -1.0, -0.6321205588285577),
        v(ComponentSpec.of("elu", "alpha", 2.0), -1.0, -1.2642411176571153),
        v(ComponentSpec.of("selu"), -1.0, -1.1113307378125628),
        v(ComponentSpec.of("selu"), 1.0, 1.0507009873554805),
        v(ComponentSpec.of("softplus"), 0.0, 0.6931471805599453),
        v(ComponentSpec.of("softsign"), 1.0, 0.5),
        v(ComponentSpec.of("softsign"), -3.0, -0.75),
        v(ComponentSpec.of("silu"), 1.0, 0.7310585786300049),
        v(ComponentSpec.of("swish"), 1.0, 0.7310585786300049),
        v(ComponentSpec.of("gelu"), 1.0, 0.8413447460685429),
        v(ComponentSpec.of("gelu"), -1.0, -0.15865525393145705),
        v(ComponentSpec.of("gelu"), 2.0, 1.9544997361036416),
        v(ComponentSpec.of("gelu"), -5.0, -1.4332578593959695e-06, ERFC_TAIL),
        v(ComponentSpec.of("gelu"), -10.0, -7.619853024160526e-23, ERFC_TAIL),
        v(ComponentSpec.of("gelu", "approximate", true), 1.0, 0.8411919906082767),
        v(ComponentSpec.of("gelu", "approximate", true), -1.0, -0.1588080093917233),
        v(ComponentSpec.of("hard_sigmoid"), 2.0, 0.8333333333333334),
        v(ComponentSpec.of("hard_sigmoid"), 0.0, 0.5),
        v(ComponentSpec.of("hard_sigmoid"), -3.0, 0.0),
        v(ComponentSpec.of("hard_sigmoid"), 3.0, 1.0),
        // Keras 2's 0.2 x + 0.5 would give 1 here; Keras 3's x / 6 + 0.5 does not saturate until 3.
        v(ComponentSpec.of("hard_sigmoid"), 2.5, 0.9166666666666666),
        v(ComponentSpec.of("exponential"), 1.0, Math.E),
        v(ComponentSpec.of("linear"), -7.25, -7.25));
  }

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @MethodSource("values")
  void matchesTheIndependentlyComputedValue(ComponentSpec spec, double x, double expected, double relativeTolerance) {
    Activation act = Activations.create(spec, "test");
    double[] out = new double[1];
    act.forward(new double[] {x}, out, 1, 1);
    assertThat(out[0]).isCloseTo(expected, within(Math.abs(expected) * relativeTolerance));
  }

  @ParameterizedTest(name = "Phi({0})")
  @MethodSource("normalCdf")
  void normalCdfIsAccurateInBothTails(double x, double expected) {
    assertThat(Gelu.normalCdf(x)).isCloseTo(expected, within(Math.abs(expected) * 1e-14));
  }

  static Stream<Arguments> normalCdf() {
    return Stream.of(
        Arguments.of(1.0, 0.8413447460685429),
        Arguments.of(-1.0, 0.15865525393145705),
        Arguments.of(0.5, 0.6914624612740131),
        Arguments.of(-5.0, 2.866515718791939e-07),
        Arguments.of(-10.0, 7.619853024160525e-24));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("derivatives")
  void derivativeAtAKnownPoint(ComponentSpec spec, double x, double expected) {
    ElementwiseActivation act = (ElementwiseActivation) Activations.create(spec, "test");
    assertThat(act.derivative(x, act.apply(x))).isCloseTo(expected, within(1e-15));
  }

  static Stream<Arguments> derivatives() {
    return Stream.of(
        Arguments.of(ComponentSpec.of("sigmoid"), 0.0, 0.25),
        Arguments.of(ComponentSpec.of("tanh"), 0.0, 1.0),
        Arguments.of(ComponentSpec.of("relu"), 0.0, 0.0),
        Arguments.of(ComponentSpec.of("hard_sigmoid"), 0.0, 1.0 / 6),
        Arguments.of(ComponentSpec.of("hard_sigmoid"), 3.5, 0.0),
        Arguments.of(ComponentSpec.of("gelu"), 0.0, 0.5),
        Arguments.of(ComponentSpec.of("softsign"), 1.0, 0.25),
        Arguments.of(ComponentSpec.of("selu"), 1.0, Selu.SCALE),
        Arguments.of(ComponentSpec.of("elu"), 0.0, 1.0));
  }
}

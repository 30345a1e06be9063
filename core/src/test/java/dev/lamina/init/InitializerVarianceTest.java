package dev.lamina.init;

import static dev.lamina.init.VarianceScaling.Distribution.TRUNCATED_NORMAL;
import static dev.lamina.init.VarianceScaling.Distribution.UNTRUNCATED_NORMAL;
import static dev.lamina.init.VarianceScaling.Mode.FAN_AVG;
import static dev.lamina.init.VarianceScaling.Mode.FAN_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.spec.ComponentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The standard deviation each initializer aims for, recomputed here from the papers' formulas for
 * several (fan_in, fan_out) pairs, is what {@code targetStd} reports and what a 100k sample shows.
 */
class InitializerVarianceTest {
  private static final int[][] FAN_PAIRS = {{4, 8}, {11, 6}, {256, 256}, {1000, 10}};
  /**
   * Variance of a sample variance is (kurtosis - 1) sigma^4 / n; kurtosis is at most 3 here
   * (uniform 1.8, truncated normal 2.4, normal 3), so the relative standard error is at most
   * sqrt(2 / n); 5 standard errors make a false failure a 1-in-3-million event.
   */
  private static final double STANDARD_ERRORS = 5;

  private record Scheme(ComponentSpec spec, DoubleBinaryOperator expectedStd) {
    @Override
    public String toString() {
      return spec.toString();
    }
  }

  private static final List<Scheme> SCHEMES = List.of(
      new Scheme(Initializers.GLOROT_UNIFORM, (in, out) -> Math.sqrt(2 / (in + out))),
      new Scheme(Initializers.GLOROT_NORMAL, (in, out) -> Math.sqrt(2 / (in + out))),
      new Scheme(Initializers.HE_UNIFORM, (in, out) -> Math.sqrt(2 / in)),
      new Scheme(Initializers.HE_NORMAL, (in, out) -> Math.sqrt(2 / in)),
      new Scheme(Initializers.LECUN_UNIFORM, (in, out) -> Math.sqrt(1 / in)),
      new Scheme(Initializers.LECUN_NORMAL, (in, out) -> Math.sqrt(1 / in)),
      new Scheme(Initializers.UNIFORM_FAN_IN, (in, out) -> 1 / Math.sqrt(3 * in)),
      new Scheme(Initializers.VARIANCE_SCALING, (in, out) -> Math.sqrt(1 / in)),
      new Scheme(Initializers.varianceScaling(3, FAN_OUT, UNTRUNCATED_NORMAL), (in, out) -> Math.sqrt(3 / out)),
      new Scheme(Initializers.varianceScaling(0.5, FAN_AVG, TRUNCATED_NORMAL),
          (in, out) -> Math.sqrt(0.5 / ((in + out) / 2))),
      new Scheme(Initializers.RANDOM_UNIFORM, (in, out) -> 0.1 / Math.sqrt(12)),
      new Scheme(Initializers.RANDOM_NORMAL, (in, out) -> 0.05),
      new Scheme(Initializers.TRUNCATED_NORMAL, (in, out) -> 0.05 * TruncatedNormalDistribution.standardStd()));

  static Stream<Arguments> schemesAndFans() {
    List<Arguments> cases = new ArrayList<>();
    for (Scheme s : SCHEMES) {
      for (int[] fans : FAN_PAIRS) {
        cases.add(Arguments.of(s, fans[0], fans[1]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} fan_in={1} fan_out={2}")
  @MethodSource("schemesAndFans")
  void targetStdIsThePapersFormula(Scheme scheme, int fanIn, int fanOut) {
    double expected = scheme.expectedStd().applyAsDouble(fanIn, fanOut);

    assertThat(Samples.create(scheme.spec()).targetStd(Fans.of(fanIn, fanOut)))
        .isCloseTo(expected, within(1e-12 * expected));
  }

  @ParameterizedTest(name = "{0} fan_in={1} fan_out={2}")
  @MethodSource("schemesAndFans")
  void sampleVarianceMatchesTheTarget(Scheme scheme, int fanIn, int fanOut) {
    double expected = scheme.expectedStd().applyAsDouble(fanIn, fanOut);
    double[] sample = Samples.draw(Samples.create(scheme.spec()), new int[] {fanIn, fanOut},
        Samples.seedFor(scheme + "/" + fanIn + "x" + fanOut));
    double relativeTolerance = STANDARD_ERRORS * Math.sqrt(2.0 / sample.length);

    assertThat(Samples.variance(sample) / (expected * expected)).isCloseTo(1.0, within(relativeTolerance));
  }

  @ParameterizedTest(name = "{0} fan_in={1} fan_out={2}")
  @MethodSource("schemesAndFans")
  void sampleMeanIsTheDocumentedMean(Scheme scheme, int fanIn, int fanOut) {
    double std = scheme.expectedStd().applyAsDouble(fanIn, fanOut);
    double[] sample = Samples.draw(Samples.create(scheme.spec()), new int[] {fanIn, fanOut},
        Samples.seedFor("mean/" + scheme + "/" + fanIn + "x" + fanOut));

    assertThat(Samples.mean(sample)).isCloseTo(0.0, within(STANDARD_ERRORS * std / Math.sqrt(sample.length)));
  }
}

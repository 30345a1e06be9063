package dev.lamina.init;

import static dev.lamina.init.VarianceScaling.Distribution.TRUNCATED_NORMAL;
import static dev.lamina.init.VarianceScaling.Distribution.UNIFORM;
import static dev.lamina.init.VarianceScaling.Mode.FAN_AVG;
import static dev.lamina.init.VarianceScaling.Mode.FAN_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.ComponentSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hard limits on a 200 x 500 kernel (fan_in 200, fan_out 500): uniform values lie in [lo, hi) and
 * reach close to both ends; truncated normals never pass mean +- 2 sigma and reach close to the cut.
 */
class InitializerBoundsTest {
  /**
   * With n = 100k uniform values, the gap between the largest and the bound exceeds
   * k (hi - lo) / n with probability e^-k; allowing 20 (hi - lo) / n makes a false failure e^-20.
   */
  private static final double UNIFORM_GAP = 20.0 / Samples.SIZE;
  /** A truncated normal puts 0.05 of its mass per sigma at the cut: within 1 % of it, e^-50 to miss. */
  private static final double TRUNCATED_REACH = 0.99;

  static Stream<Arguments> uniforms() {
    return Stream.of(
        Arguments.of(Initializers.RANDOM_UNIFORM, -0.05, 0.05),
        Arguments.of(Initializers.randomUniform(-1, 3), -1.0, 3.0),
        Arguments.of(Initializers.GLOROT_UNIFORM, -Math.sqrt(6 / 700.0), Math.sqrt(6 / 700.0)),
        Arguments.of(Initializers.HE_UNIFORM, -Math.sqrt(6 / 200.0), Math.sqrt(6 / 200.0)),
        Arguments.of(Initializers.LECUN_UNIFORM, -Math.sqrt(3 / 200.0), Math.sqrt(3 / 200.0)),
        Arguments.of(Initializers.UNIFORM_FAN_IN, -1 / Math.sqrt(200), 1 / Math.sqrt(200)),
        Arguments.of(Initializers.varianceScaling(4, FAN_OUT, UNIFORM), -Math.sqrt(12 / 500.0), Math.sqrt(12 / 500.0)));
  }

  @ParameterizedTest(name = "{0} in [{1}, {2})")
  @MethodSource("uniforms")
  void uniformValuesStayInsideTheHalfOpenInterval(ComponentSpec spec, double lo, double hi) {
    double[] sample = Samples.draw(Samples.create(spec), Samples.KERNEL, Samples.seedFor("in/" + spec));

    assertThat(Samples.min(sample)).isGreaterThanOrEqualTo(lo);
    assertThat(Samples.max(sample)).isLessThan(hi);
  }

  @ParameterizedTest(name = "{0} reaches {1} and {2}")
  @MethodSource("uniforms")
  void uniformValuesReachBothEnds(ComponentSpec spec, double lo, double hi) {
    double[] sample = Samples.draw(Samples.create(spec), Samples.KERNEL, Samples.seedFor("ends/" + spec));
    double slack = UNIFORM_GAP * (hi - lo);

    assertThat(Samples.max(sample)).isGreaterThan(hi - slack);
    assertThat(Samples.min(sample)).isLessThan(lo + slack);
  }

  static Stream<Arguments> truncatedNormals() {
    double c = TruncatedNormalDistribution.standardStd();
    return Stream.of(
        Arguments.of(Initializers.TRUNCATED_NORMAL, 0.0, 2 * 0.05),
        Arguments.of(Initializers.truncatedNormal(0.5, 2), 0.5, 2 * 2.0),
        Arguments.of(Initializers.GLOROT_NORMAL, 0.0, 2 * Math.sqrt(2 / 700.0) / c),
        Arguments.of(Initializers.HE_NORMAL, 0.0, 2 * Math.sqrt(2 / 200.0) / c),
        Arguments.of(Initializers.LECUN_NORMAL, 0.0, 2 * Math.sqrt(1 / 200.0) / c),
        Arguments.of(Initializers.varianceScaling(3, FAN_AVG, TRUNCATED_NORMAL), 0.0, 2 * Math.sqrt(3 / 350.0) / c));
  }

  @ParameterizedTest(name = "{0}: |w - {1}| <= {2}")
  @MethodSource("truncatedNormals")
  void truncatedValuesNeverPassTwoSigma(ComponentSpec spec, double mean, double cut) {
    double[] sample = Samples.draw(Samples.create(spec), Samples.KERNEL, Samples.seedFor("cut/" + spec));

    assertThat(Samples.max(sample) - mean).isLessThanOrEqualTo(cut);
    assertThat(mean - Samples.min(sample)).isLessThanOrEqualTo(cut);
  }

  @ParameterizedTest(name = "{0}: reaches {1} +- {2}")
  @MethodSource("truncatedNormals")
  void truncatedValuesReachTheCut(ComponentSpec spec, double mean, double cut) {
    double[] sample = Samples.draw(Samples.create(spec), Samples.KERNEL, Samples.seedFor("reach/" + spec));

    assertThat(Samples.max(sample) - mean).isGreaterThan(TRUNCATED_REACH * cut);
    assertThat(mean - Samples.min(sample)).isGreaterThan(TRUNCATED_REACH * cut);
  }
}

package dev.lamina.init;

import static dev.lamina.init.VarianceScaling.Distribution.TRUNCATED_NORMAL;
import static dev.lamina.init.VarianceScaling.Distribution.UNIFORM;
import static dev.lamina.init.VarianceScaling.Distribution.UNTRUNCATED_NORMAL;
import static dev.lamina.init.VarianceScaling.Mode.FAN_AVG;
import static dev.lamina.init.VarianceScaling.Mode.FAN_IN;
import static dev.lamina.init.VarianceScaling.Mode.FAN_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.ComponentSpec;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kolmogorov-Smirnov tests of 100k values from a 200 x 500 kernel against the exact distribution
 * each initializer documents, with the expected parameters recomputed here from the formulas, and
 * negative controls proving the test has the power to reject a wrong one.
 */
class InitializerDistributionTest {
  private static final double FAN_IN_200 = 200;
  private static final double FAN_OUT_500 = 500;
  private static final double FAN_AVG_350 = (FAN_IN_200 + FAN_OUT_500) / 2;
  private static final double ACCEPT_P = 1e-3;
  private static final double REJECT_P = 1e-6;
  private static final KolmogorovSmirnovTest KS = new KolmogorovSmirnovTest();

  static Stream<Arguments> exactDistributions() {
    return Stream.of(
        Arguments.of(Initializers.RANDOM_UNIFORM, uniform(-0.05, 0.05)),
        Arguments.of(Initializers.randomUniform(-1, 3), uniform(-1, 3)),
        Arguments.of(Initializers.RANDOM_NORMAL, normal(0, 0.05)),
        Arguments.of(Initializers.randomNormal(1, 2), normal(1, 2)),
        Arguments.of(Initializers.TRUNCATED_NORMAL, new TruncatedNormalDistribution(0, 0.05)),
        Arguments.of(Initializers.truncatedNormal(0.5, 2), new TruncatedNormalDistribution(0.5, 2)),
        Arguments.of(Initializers.GLOROT_UNIFORM, symmetricUniform(Math.sqrt(6 / (FAN_IN_200 + FAN_OUT_500)))),
        Arguments.of(Initializers.GLOROT_NORMAL, truncatedWithStd(Math.sqrt(2 / (FAN_IN_200 + FAN_OUT_500)))),
        Arguments.of(Initializers.HE_UNIFORM, symmetricUniform(Math.sqrt(6 / FAN_IN_200))),
        Arguments.of(Initializers.HE_NORMAL, truncatedWithStd(Math.sqrt(2 / FAN_IN_200))),
        Arguments.of(Initializers.LECUN_UNIFORM, symmetricUniform(Math.sqrt(3 / FAN_IN_200))),
        Arguments.of(Initializers.LECUN_NORMAL, truncatedWithStd(Math.sqrt(1 / FAN_IN_200))),
        Arguments.of(Initializers.UNIFORM_FAN_IN, symmetricUniform(1 / Math.sqrt(FAN_IN_200))),
        Arguments.of(Initializers.VARIANCE_SCALING, truncatedWithStd(Math.sqrt(1 / FAN_IN_200))),
        Arguments.of(Initializers.varianceScaling(3, FAN_OUT, UNTRUNCATED_NORMAL), normal(0, Math.sqrt(3 / FAN_OUT_500))),
        Arguments.of(Initializers.varianceScaling(0.5, FAN_AVG, UNIFORM), symmetricUniform(Math.sqrt(1.5 / FAN_AVG_350))),
        Arguments.of(Initializers.varianceScaling(2, FAN_OUT, TRUNCATED_NORMAL), truncatedWithStd(Math.sqrt(2 / FAN_OUT_500))),
        Arguments.of(Initializers.varianceScaling(0.1, FAN_IN, UNTRUNCATED_NORMAL), normal(0, Math.sqrt(0.1 / FAN_IN_200))));
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @MethodSource("exactDistributions")
  void sampleFollowsTheDocumentedDistribution(ComponentSpec spec, RealDistribution exact) {
    double[] sample = Samples.draw(Samples.create(spec), Samples.KERNEL, Samples.seedFor(spec.toString()));

    assertThat(sample).hasSizeGreaterThanOrEqualTo(Samples.SIZE);
    assertThat(KS.kolmogorovSmirnovTest(exact, sample)).isGreaterThan(ACCEPT_P);
  }

  static Stream<Arguments> wrongDistributions() {
    double lecunStd = Math.sqrt(1 / FAN_IN_200);
    return Stream.of(
        Arguments.of("he_uniform sample vs glorot_uniform law", Initializers.HE_UNIFORM,
            symmetricUniform(Math.sqrt(6 / (FAN_IN_200 + FAN_OUT_500)))),
        Arguments.of("glorot_uniform sample vs he_uniform law", Initializers.GLOROT_UNIFORM,
            symmetricUniform(Math.sqrt(6 / FAN_IN_200))),
        Arguments.of("truncated sample vs untruncated law of the same std", Initializers.LECUN_NORMAL,
            normal(0, lecunStd)),
        Arguments.of("untruncated sample vs truncated law of the same std",
            Initializers.varianceScaling(1, FAN_IN, UNTRUNCATED_NORMAL), truncatedWithStd(lecunStd)),
        Arguments.of("uncorrected Keras 2.0 truncation vs the corrected law",
            Initializers.truncatedNormal(0, lecunStd), truncatedWithStd(lecunStd)),
        Arguments.of("uniform_fan_in sample vs Keras's random_uniform law", Initializers.UNIFORM_FAN_IN,
            uniform(-0.05, 0.05)),
        Arguments.of("fan_out mode vs fan_in law", Initializers.varianceScaling(1, FAN_OUT, UNIFORM),
            symmetricUniform(Math.sqrt(3 / FAN_IN_200))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongDistributions")
  void ksTestRejectsAWrongDistribution(String label, ComponentSpec spec, RealDistribution wrong) {
    double[] sample = Samples.draw(Samples.create(spec), Samples.KERNEL, Samples.seedFor(label));

    assertThat(KS.kolmogorovSmirnovTest(wrong, sample)).isLessThan(REJECT_P);
  }

  private static RealDistribution uniform(double lo, double hi) {
    return new UniformRealDistribution(null, lo, hi);
  }

  private static RealDistribution symmetricUniform(double limit) {
    return uniform(-limit, limit);
  }

  private static RealDistribution normal(double mean, double std) {
    return new NormalDistribution(null, mean, std);
  }

  private static RealDistribution truncatedWithStd(double std) {
    return TruncatedNormalDistribution.withActualStd(0, std);
  }
}

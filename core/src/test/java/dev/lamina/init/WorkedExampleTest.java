package dev.lamina.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worked example of the reference sheet (a Dense 4 to 8 kernel, fan_in 4, fan_out 8, values
 * computed with Keras), and the truncation constant from first principles.
 */
class WorkedExampleTest {
  private static final Fans DENSE_4_TO_8 = Fans.of(4, 8);
  /** The reference values are given to five decimals. */
  private static final double FIVE_DECIMALS = 5e-6;

  @ParameterizedTest(name = "{0}: std {1}, bound {2}")
  @CsvSource({
      "glorot_uniform, 0.40825, 0.70711",
      "glorot_normal,  0.40825, 0.92823",
      "he_normal,      0.70711, 1.60774",
      "he_uniform,     0.70711, 1.22474",
      "lecun_normal,   0.5,     1.13685",
      "lecun_uniform,  0.5,     0.86603",
  })
  void stdAndBoundMatchKeras(String name, double std, double bound) {
    VarianceScaling vs = ((VarianceScalingPreset) Initializers.create(name)).varianceScaling();

    assertThat(vs.targetStd(DENSE_4_TO_8)).isCloseTo(std, within(FIVE_DECIMALS));
    assertThat(vs.limit(DENSE_4_TO_8)).isCloseTo(bound, within(FIVE_DECIMALS));
  }

  @ParameterizedTest(name = "{0}: sigma before truncation {1}")
  @CsvSource({"glorot_normal, 0.46412", "he_normal, 0.80387", "lecun_normal, 0.56842"})
  void truncatedSchemesSampleWithTheCorrectedSigma(String name, double sigma) {
    VarianceScaling vs = ((VarianceScalingPreset) Initializers.create(name)).varianceScaling();

    assertThat(vs.sigmaParam(DENSE_4_TO_8)).isCloseTo(sigma, within(FIVE_DECIMALS));
  }

  @Test
  void truncationRatioIsTheStdOfAStandardNormalCutAtTwo() {
    NormalDistribution phi = new NormalDistribution(null, 0, 1);
    double mass = 2 * phi.cumulativeProbability(2) - 1;
    double expected = Math.sqrt(1 - 4 * phi.density(2) / mass);

    assertThat(VarianceScaling.TRUNCATED_STD_RATIO).isCloseTo(expected, within(1e-15));
  }
}

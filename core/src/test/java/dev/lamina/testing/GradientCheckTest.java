package dev.lamina.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.random.Rng;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
  private static double cubeSum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v * v;
    }
    return s;
  }

  @Test
  void numericGradientOfASumOfCubesIsThreeXSquared() {
    double[] x = {0.5, -1.25, 2.0};
    double[] g = GradientCheck.numericGradient(GradientCheckTest::cubeSum, x, 1e-3);
    assertThat(GradientCheck.maxRelativeError(new double[] {0.75, 4.6875, 12.0}, g)).isLessThan(1e-9);
  }

  @Test
  void numericGradientRestoresTheInputExactly() {
    double[] x = {0.1, 0.2, 0.3};
    double[] copy = x.clone();
    GradientCheck.numericGradient(GradientCheckTest::cubeSum, x);
    assertThat(x).containsExactly(copy);
  }

  @Test
  void numericGradientOfAPrefixLeavesTheRestOfTheBufferAlone() {
    double[] x = {1, 2, Double.NaN};
    double[] g = GradientCheck.numericGradient(v -> v[0] * v[1], x, 2, 1e-3);
    assertThat(g).hasSize(2);
    assertThat(GradientCheck.maxRelativeError(new double[] {2, 1}, g)).isLessThan(1e-9);
  }

  @Test
  void numericGradientOfATranscendentalFunctionIsAccurateToTenDigits() {
    double[] x = {0.3, -2.0, 5.0};
    double[] g = GradientCheck.numericGradient(v -> Math.sin(v[0]) + Math.exp(v[1]) + Math.log(v[2]), x);
    double[] expected = {Math.cos(0.3), Math.exp(-2.0), 0.2};
    assertThat(GradientCheck.maxRelativeError(expected, g)).isLessThan(1e-10);
  }

  @Test
  void relativeErrorTreatsEqualZerosAsExact() {
    assertThat(GradientCheck.maxRelativeError(new double[] {0, 1}, new double[] {0, 1})).isZero();
  }

  @Test
  void relativeErrorWithoutFloorIsStrictAtZero() {
    assertThat(GradientCheck.maxRelativeError(new double[] {0}, new double[] {1e-13})).isEqualTo(1.0);
  }

  @Test
  void floorTurnsTinyDifferencesIntoAbsoluteErrors() {
    assertThat(GradientCheck.maxRelativeError(new double[] {0}, new double[] {1e-13}, 1e-6)).isCloseTo(1e-7, within(1e-20));
  }

  @Test
  void relativeErrorIsNaNWhenTheAnalyticGradientIsNaN() {
    assertThat(GradientCheck.maxRelativeError(new double[] {1, Double.NaN}, new double[] {1, 1})).isNaN();
  }

  @Test
  void negativeControlAWrongGradientFailsTheCheck() {
    double[] x = {0.5, -1.25, 2.0};
    double[] numeric = GradientCheck.numericGradient(GradientCheckTest::cubeSum, x);
    double[] wrong = {0.75, 4.6875, 12.0 * (1 + 1e-4)};
    assertThatThrownBy(() -> GradientCheck.assertMatches(wrong, numeric, 1e-6, "cube"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("worst at [2]");
  }

  @Test
  void uniformAwayFromGridKeepsItsMargin() {
    double[] x = GradientCheck.uniformAwayFromGrid(new Rng(7), 1000, -4, 4, 0.5, 0.01);
    for (double v : x) {
      assertThat(Math.abs(v - 0.5 * Math.rint(v / 0.5))).isGreaterThanOrEqualTo(0.01);
    }
  }
}

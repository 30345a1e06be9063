package dev.lamina.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.random.Rng;
import dev.lamina.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
  private final Softmax softmax = new Softmax();

  @Test
  void eachRowSumsToOne() {
    double[] z = GradientCheck.uniform(new Rng(1), 12, -5, 5);
    double[] out = new double[12];
    softmax.forward(z, out, 3, 4);
    for (int r = 0; r < 3; r++) {
      assertThat(out[4 * r] + out[4 * r + 1] + out[4 * r + 2] + out[4 * r + 3]).isCloseTo(1.0, within(1e-15));
    }
  }

  @Test
  void isUnchangedByAddingAConstantToARow() {
    double[] z = {1, 2, 3};
    double[] shifted = {1001, 1002, 1003};
    double[] a = new double[3];
    double[] b = new double[3];
    softmax.forward(z, a, 1, 3);
    softmax.forward(shifted, b, 1, 3);
    assertThat(b).containsExactly(a, within(1e-15));
  }

  @Test
  void backwardWithUnitVectorsReproducesTheFullJacobian() {
    int cols = 5;
    double[] z = GradientCheck.uniform(new Rng(2), cols, -3, 3);
    double[] out = new double[cols];
    softmax.forward(z, out, 1, cols);
    for (int i = 0; i < cols; i++) {
      int row = i;
      // Row i of the Jacobian, d out_i / d z_k, numerically ...
      double[] numeric = GradientCheck.numericGradient(x -> {
        double[] o = new double[cols];
        softmax.forward(x, o, 1, cols);
        return o[row];
      }, z, GradientCheck.DEFAULT_STEP);
      // ... and through backward with dOut = e_i, which returns J^T e_i, i.e. row i of the (symmetric) Jacobian.
      double[] unit = new double[cols];
      unit[i] = 1;
      double[] dZ = new double[cols];
      softmax.backward(z, out, unit, dZ, 1, cols);
      GradientCheck.assertMatches(dZ, numeric, 1e-6, "jacobian row " + i);
    }
  }

  @Test
  void backwardIsTheJacobianTransposeTimesARandomVector() {
    int cols = 4;
    Rng rng = new Rng(3);
    double[] z = GradientCheck.uniform(rng, cols, -3, 3);
    double[] dOut = GradientCheck.uniform(rng, cols, -1, 1);
    double[] out = new double[cols];
    softmax.forward(z, out, 1, cols);
    double[] expected = new double[cols];
    for (int k = 0; k < cols; k++) {
      for (int i = 0; i < cols; i++) {
        double jacobian = out[i] * ((i == k ? 1 : 0) - out[k]);
        expected[k] += dOut[i] * jacobian;
      }
    }
    double[] dZ = new double[cols];
    softmax.backward(z, out, dOut, dZ, 1, cols);
    assertThat(dZ).containsExactly(expected, within(1e-15));
  }

  @Test
  void logSumExpIsStableForHugeLogits() {
    assertThat(Softmax.logSumExp(new double[] {1e4, 1e4}, 0, 2)).isCloseTo(1e4 + Math.log(2), within(1e-9));
    assertThat(Softmax.logSumExp(new double[] {-1e4, -1e4}, 0, 2)).isCloseTo(-1e4 + Math.log(2), within(1e-9));
  }

  @Test
  void logSumExpReadsOnlyItsRow() {
    double[] z = {Double.NaN, 0, 0, Double.NaN};
    assertThat(Softmax.logSumExp(z, 1, 2)).isEqualTo(Math.log(2));
  }

  @Test
  void isNotElementwise() {
    assertThat(softmax.isElementwise()).isFalse();
  }
}

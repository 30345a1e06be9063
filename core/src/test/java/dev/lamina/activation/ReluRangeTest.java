package dev.lamina.activation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Relu's range loops (what a Dense layer runs inside its products) against its own formula,
 * {@link Relu#apply} and {@link Relu#derivative}: bit for bit, special values included (a NaN stays
 * a NaN; its payload is not compared); the float loops (float32 layers, on the Vector API when the
 * tests run with it, plus the scalar tail) against the same formula rounded to float.
 */
class ReluRangeTest {
  private static final double[] SPECIALS = {0.0, -0.0, Double.NaN, Double.longBitsToDouble(0xFFF8000000000001L),
      Double.longBitsToDouble(0x7FF0000000000001L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 0.5, -2.5, 6.0, 7.5};
  private static final double[] GRADIENTS = {1.0, -1.0, 0.0, -0.0, 3.25, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY};

  @Test
  void branchFreeBackwardIsBitIdenticalToThePlainFormForEverySpecialValue() {
    assertRangesMatchTheFormula(new Relu());
  }

  @Test
  void shortAndLongRangesGiveTheSameBits() {
    Relu relu = new Relu();
    int n = Relu.SHORT_RANGE * 2;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = i < SPECIALS.length ? SPECIALS[i] : Math.sin(i) * Math.pow(10, (i % 40) - 20);
    }
    double[] whole = new double[n];
    double[] pieces = new double[n];
    relu.forwardRange(z, whole, 0, n);
    for (int from = 0; from < n; from += 10) {
      relu.forwardRange(z, pieces, from, Math.min(n, from + 10));
    }
    for (int i = 0; i < n; i++) {
      assertThat(Double.doubleToLongBits(pieces[i])).as("f(%s)", z[i]).isEqualTo(Double.doubleToLongBits(whole[i]));
      assertThat(Double.doubleToLongBits(pieces[i])).isEqualTo(Double.doubleToLongBits(relu.apply(z[i])));
    }
  }

  @ParameterizedTest(name = "negative_slope={0} max_value={1} threshold={2}")
  @CsvSource({"0.1,,0", "0,6,0", "0,,0.5", "0.2,6,-1"})
  void configuredRelusRunTheirFormulaOverRanges(double slope, Double max, double threshold) {
    assertRangesMatchTheFormula(new Relu(slope, max, threshold));
  }

  @ParameterizedTest(name = "negative_slope={0} max_value={1} threshold={2}")
  @CsvSource({"0,,0", "0.1,,0", "0,6,0", "0.2,6,-1"})
  void floatRangesAreTheFormulaRoundedToFloat(double slope, Double max, double threshold) {
    Relu relu = new Relu(slope, max, threshold);
    int n = SPECIALS.length * GRADIENTS.length;
    float[] z = new float[n + 2];
    float[] dOut = new float[n + 2];
    for (int i = 0; i < SPECIALS.length; i++) {
      for (int k = 0; k < GRADIENTS.length; k++) {
        z[1 + i * GRADIENTS.length + k] = (float) SPECIALS[i];
        dOut[1 + i * GRADIENTS.length + k] = (float) GRADIENTS[k];
      }
    }
    float[] out = new float[n + 2];
    float[] dz = new float[n + 2];
    out[0] = dz[0] = out[n + 1] = dz[n + 1] = 42f; // outside the range: left alone
    relu.forwardRange(z, out, 1, n + 1);
    relu.backwardRange(z, out, dOut, dz, 1, n + 1);
    for (int i = 1; i <= n; i++) {
      double y = relu.apply(z[i]);
      assertThat(Float.floatToIntBits(out[i])).as("f(%s)", z[i]).isEqualTo(Float.floatToIntBits((float) y));
      float expected = (float) (dOut[i] * relu.derivative(z[i], out[i]));
      assertThat(Float.floatToIntBits(dz[i])).as("z=%s dOut=%s", z[i], dOut[i])
          .isEqualTo(Float.floatToIntBits(expected));
    }
    assertThat(new float[] {out[0], dz[0], out[n + 1], dz[n + 1]}).containsOnly(42f);
  }

  private static void assertRangesMatchTheFormula(Relu relu) {
    int n = SPECIALS.length * GRADIENTS.length;
    double[] z = new double[n + 2];
    double[] dOut = new double[n + 2];
    for (int i = 0; i < SPECIALS.length; i++) {
      for (int k = 0; k < GRADIENTS.length; k++) {
        z[1 + i * GRADIENTS.length + k] = SPECIALS[i];
        dOut[1 + i * GRADIENTS.length + k] = GRADIENTS[k];
      }
    }
    double[] out = new double[n + 2];
    double[] dz = new double[n + 2];
    out[0] = dz[0] = out[n + 1] = dz[n + 1] = 42.0; // outside the range: left alone
    relu.forwardRange(z, out, 1, n + 1);
    relu.backwardRange(z, out, dOut, dz, 1, n + 1);
    double[] shortRanges = new double[n + 2];
    for (int from = 1; from <= n; from += 7) {
      relu.forwardRange(z, shortRanges, from, Math.min(n + 1, from + 7));
    }
    for (int i = 1; i <= n; i++) {
      double y = relu.apply(z[i]);
      assertThat(Double.doubleToLongBits(shortRanges[i])).as("f(%s), short range", z[i])
          .isEqualTo(Double.doubleToLongBits(y));
      assertThat(Double.doubleToLongBits(out[i])).as("f(%s)", z[i]).isEqualTo(Double.doubleToLongBits(y));
      double expected = dOut[i] * relu.derivative(z[i], y);
      assertThat(Double.doubleToLongBits(dz[i])).as("z=%s dOut=%s", z[i], dOut[i])
          .isEqualTo(Double.doubleToLongBits(expected));
    }
    assertThat(new double[] {out[0], dz[0], out[n + 1], dz[n + 1]}).containsOnly(42.0);
  }
}

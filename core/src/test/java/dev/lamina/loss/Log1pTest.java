package dev.lamina.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-Java log1p against {@link StrictMath#log1p(double)}, bit for bit. */
class Log1pTest {
  private static final int SAMPLES = 200_000;

  /** Bit for bit, except that any NaN matches a NaN (Java leaves NaN payloads unspecified). */
  private static void assertSame(double x) {
    double expected = StrictMath.log1p(x);
    double actual = Log1p.log1p(x);
    if (Double.isNaN(expected)) {
      assertThat(actual).as("log1p(%s)", x).isNaN();
    } else {
      assertThat(Double.doubleToRawLongBits(actual)).as("log1p(%s)", x)
          .isEqualTo(Double.doubleToRawLongBits(expected));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, 1.0, -1.0, -2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 0.41422, 0.4142135623730950, -0.2929, 1e-20,
      1e-9, 0x1p-29, 0x1p-54, -0x1p-54, 0x1p-20, 0x1p53, 0x1p54, 9.5e15, 1e300, -0.9999999999, 0.5, 0.75})
  void equalsStrictMathAtEveryBranchBoundary(double x) {
    assertSame(x);
  }

  @Test
  void equalsStrictMathOnTheExponentialsThatBinaryCrossentropyTakesItsLogOf() {
    Rng rng = new Rng(1);
    for (int i = 0; i < SAMPLES; i++) {
      assertSame(Math.exp(-800 * rng.nextDouble()));
    }
  }

  @Test
  void equalsStrictMathOnArbitraryBitPatterns() {
    Rng rng = new Rng(2);
    for (int i = 0; i < SAMPLES; i++) {
      assertSame(Double.longBitsToDouble(rng.nextLong()));
      assertSame(2 * rng.nextDouble() - 1);
    }
  }
}

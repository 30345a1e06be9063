package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.random.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PythonFloatTest {

  /** Expected strings are Python 3's {@code repr(float(x))}. */
  @ParameterizedTest(name = "repr({0}) = {1}")
  @CsvSource({
      "0.6931471824645996, 0.6931471824645996",
      "0.1, 0.1",
      "123.0, 123.0",
      "-2.5, -2.5",
      "0.0001, 0.0001",
      "0.00001, 1e-05",
      "1.5e-7, 1.5e-07",
      "1e15, 1000000000000000.0",
      "1e16, 1e+16",
      "2e22, 2e+22",
      "123456789.0, 123456789.0",
      "1.7976931348623157e308, 1.7976931348623157e+308",
      "4.9e-324, 5e-324",
      "1e-323, 1e-323",
      "0.95, 0.95",
      "0.25, 0.25",
      "0.0, 0.0",
      "-0.0, -0.0",
      "NaN, nan",
      "Infinity, inf",
      "-Infinity, -inf",
      "2.0E-3, 0.002",
      "1.0E23, 1e+23"
  })
  void printsLikePythonRepr(double value, String expected) {
    assertThat(PythonFloat.repr(value)).isEqualTo(expected);
  }

  @Test
  void readsBackToTheSameDoubleForRandomBitPatterns() {
    Rng rng = new Rng(42);
    for (int i = 0; i < 20_000; i++) {
      double x = Double.longBitsToDouble(rng.nextLong());
      if (Double.isFinite(x)) {
        assertThat(Double.parseDouble(PythonFloat.repr(x))).as("bits %x", Double.doubleToLongBits(x))
            .isEqualTo(x);
      }
    }
  }

  @Test
  void readsBackToTheSameDoubleForProbabilities() {
    Rng rng = new Rng(7);
    for (int i = 0; i < 20_000; i++) {
      double p = rng.nextDouble();
      assertThat(Double.parseDouble(PythonFloat.repr(p))).isEqualTo(p);
    }
  }
}

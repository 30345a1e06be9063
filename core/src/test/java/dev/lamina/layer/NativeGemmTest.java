package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three row-major products of {@link NativeGemm} against a plain double-precision reference:
 * each result element agrees to single-precision rounding, at any shape and offset (odd sizes, a
 * block of rows in the middle of a buffer), and only the requested rows are written. Also the
 * block split that keeps native results independent of the thread count.
 */
class NativeGemmTest {
  @BeforeAll
  static void needsOpenBlas() {
    OpenBlasRequirement.check();
  }

  private static float[] floats(int n, long seed) {
    double[] g = RandomArrays.gaussian(n, seed);
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) g[i];
    }
    return f;
  }

  /** One call of a {@link NativeGemm} product into c. */
  private interface Call {
    void into(float[] c);
  }

  /** The exact value of c(i, j), summed in double. */
  private interface Element {
    double at(int i, int j);
  }

  /**
   * Calls the product into a buffer of {@code rows} x {@code n} filled with a marker, then checks
   * rows [from, to) against the reference to single-precision rounding and every other row unchanged.
   */
  private static void assertComputesOnlyTheRequestedRows(int from, int to, int rows, int n, int k, Call call,
      Element exact) {
    float marker = 42f;
    float[] c = new float[rows * n];
    java.util.Arrays.fill(c, marker);
    call.into(c);
    // Terms of size ~1 rounded to float: the error grows like sqrt(k) ulps of the sum.
    double tolerance = 8e-6 * Math.max(1, Math.sqrt(k));
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < n; j++) {
        if (i >= from && i < to) {
          assertThat((double) c[i * n + j]).as("c(%d, %d)", i, j).isCloseTo(exact.at(i, j), within(tolerance));
        } else {
          assertThat(c[i * n + j]).as("c(%d, %d), outside the rows asked", i, j).isEqualTo(marker);
        }
      }
    }
  }

  @ParameterizedTest(name = "rows [{0}, {1}) of a {2}-row buffer, n={3}, k={4}")
  @CsvSource({"0,7,7,19,33", "4,68,100,256,256", "12,13,20,5,1", "0,64,64,300,11"})
  void timesComputesTheRequestedRowsOfAB(int from, int to, int rows, int n, int k) {
    float[] a = floats(rows * k, 1);
    float[] b = floats(k * n, 2);
    assertComputesOnlyTheRequestedRows(from, to, rows, n, k,
        c -> NativeGemm.times(a, from * k, k, b, n, c, from * n, n, to - from, n, k, false),
        (i, j) -> sum(k, l -> (double) a[i * k + l] * b[l * n + j]));
  }

  @ParameterizedTest(name = "rows [{0}, {1}) of a {2} x {3} result, k={4}")
  @CsvSource({"0,9,9,21,17", "64,128,256,256,256", "5,6,40,8,3"})
  void transposeATimesComputesTheRequestedRowsOfATransposeB(int from, int to, int m, int n, int k) {
    // a is (k, m) row-major with one spare row, as Dense pads it; rows of c are columns of a.
    float[] a = floats((k + 1) * m, 3);
    float[] b = floats(k * n, 4);
    assertComputesOnlyTheRequestedRows(from, to, m, n, k,
        c -> NativeGemm.transposeATimes(a, m, b, n, c, n, from, to - from, n, k),
        (i, j) -> sum(k, l -> (double) a[l * m + i] * b[l * n + j]));
  }

  @ParameterizedTest(name = "rows [{0}, {1}) of {2}, n={3}, k={4}")
  @CsvSource({"0,10,10,13,29", "128,192,256,256,256", "3,5,8,300,16"})
  void timesBTransposeComputesTheRequestedRowsOfABTranspose(int from, int to, int rows, int n, int k) {
    float[] a = floats(rows * k, 5);
    float[] b = floats(n * k, 6);
    assertComputesOnlyTheRequestedRows(from, to, rows, n, k,
        c -> NativeGemm.timesBTranspose(a, from * k, k, b, k, c, from * n, n, to - from, n, k),
        (i, j) -> sum(k, l -> (double) a[i * k + l] * b[j * k + l]));
  }

  private static double sum(int k, java.util.function.IntToDoubleFunction term) {
    double s = 0;
    for (int l = 0; l < k; l++) {
      s += term.applyAsDouble(l);
    }
    return s;
  }

  @Test
  void aResultDoesNotReadWhatTheOutputHeldBefore() {
    // beta = 0: a NaN left in the output by an earlier step must not leak into the product.
    float[] a = floats(8 * 16, 7);
    float[] b = floats(16 * 16, 8);
    float[] clean = new float[8 * 16];
    float[] dirty = new float[8 * 16];
    java.util.Arrays.fill(dirty, Float.NaN);
    NativeGemm.times(a, 0, 16, b, 16, clean, 0, 16, 8, 16, 16, false);
    NativeGemm.times(a, 0, 16, b, 16, dirty, 0, 16, 8, 16, 16, false);
    assertThat(dirty).isEqualTo(clean);
  }

  @Test
  void theDescriptionNamesOpenBlasAndOneThread() {
    assertThat(NativeGemm.describe()).startsWith("OpenBLAS").contains("one thread");
  }

  @ParameterizedTest(name = "{0} rows")
  @CsvSource({"1", "3", "63", "64", "127", "128", "200", "255", "256", "1000"})
  void blocksCoverEveryRowOnceOnBoundsThatDependOnTheRowCountAlone(int n) {
    int blocks = NativeGemm.blocks(n);
    assertThat(blocks).isBetween(1, 4);
    assertThat(NativeGemm.blockBound(n, 0)).isZero();
    assertThat(NativeGemm.blockBound(n, blocks)).isEqualTo(n);
    for (int c = 0; c < blocks; c++) {
      int from = NativeGemm.blockBound(n, c);
      int to = NativeGemm.blockBound(n, c + 1);
      assertThat(to).as("block %d", c).isGreaterThan(from);
      if (c + 1 < blocks) {
        assertThat(to % 4).as("inner bound of block %d", c).isZero();
      }
    }
  }
}

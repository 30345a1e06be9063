package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vector API kernels against the plain-Java ones: bit-identical for every shape (tails of rows
 * and columns, inner dimension 1, strided left operand), in double and in float, so a run gives the
 * same bits with or without {@code --add-modules jdk.incubator.vector}; and the float kernels within
 * single-precision rounding of the double reference.
 *
 * <p>The build runs the tests with the module ({@code lamina.expectSimd=true}); the first test turns
 * a missing module into a failure, so these comparisons can never be skipped silently.
 */
class VectorKernelsTest {
  private static float[] floats(double[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return f;
  }

  @Test
  void vectorKernelsAreInUseWhenTheBuildAsksForThem() {
    if (Boolean.getBoolean("lamina.expectSimd")) {
      assertThat(Simd.enabled()).as(Simd.describe()).isTrue();
    }
    assertThat(Simd.describe()).contains(Simd.enabled() ? "vector kernels" : "plain-Java kernels");
  }

  /**
   * m x kk times kk x n; {@code transposedA} reads a as (kk, m) like the kernel-gradient product.
   * From {@link VectorMatMul#PACK_MIN_ROWS} rows (64) the vector path packs b's column blocks into
   * panels: the shapes from 64 rows on cover three-, two- and one-vector blocks in both precisions
   * (n = 32, 64, 112, 56 make a row of 4, 7 or 8 double vectors and 2, 4, 7 or 3.5 float ones on
   * 512-bit vectors), row tails of every length and scalar column tails.
   */
  @ParameterizedTest(name = "m={0} n={1} k={2} transposedA={3}")
  @CsvSource({"1,1,1,false", "4,24,1,false", "5,25,3,false", "7,8,9,true", "256,256,256,false", "11,256,256,true",
      "256,1,256,false", "256,256,1,false", "13,47,31,true", "3,100,17,false", "9,12,64,true", "6,30,5,true",
      "2,48,7,false", "7,200,12,true", "19,40,33,false", "16,16,5,true", "27,64,70,true", "13,48,9,false", "6,16,20,true",
      "64,32,17,false", "70,64,40,true", "65,112,9,false", "99,200,70,true", "67,56,33,false", "68,8,5,true"})
  void vectorAndPlainKernelsAreBitIdentical(int m, int n, int kk, boolean transposedA) {
    int aRow = transposedA ? 1 : kk;
    int aCol = transposedA ? m : 1;
    double[] a = RandomArrays.gaussian(m * kk, 1);
    double[] b = RandomArrays.gaussian(kk * n, 2);
    double[] c0 = RandomArrays.gaussian(m * n, 3);
    double[] plain = c0.clone();
    double[] vector = c0.clone();
    MatMul.plainAccumulate(a, aRow, aCol, b, n, plain, n, 0, m, 0, n, kk);
    MatMul.accumulate(a, aRow, aCol, b, n, vector, n, 0, m, n, kk);
    assertThat(vector).as("double").isEqualTo(plain);

    float[] fa = floats(a);
    float[] fb = floats(b);
    float[] fPlain = floats(c0);
    float[] fVector = floats(c0);
    MatMul.plainAccumulate(fa, aRow, aCol, fb, n, fPlain, n, 0, m, 0, n, kk);
    MatMul.accumulate(fa, aRow, aCol, fb, n, fVector, n, 0, m, n, kk);
    assertThat(fVector).as("float").isEqualTo(fPlain);
  }

  @Test
  void columnBlocksLeaveNoSingleVectorFromTwoVectorsOn() {
    for (int vectors = 0; vectors <= 40; vectors++) {
      int three = VectorMatMul.threeVectorBlocks(vectors);
      int rest = vectors - 3 * three;
      assertThat(three).as("%d vectors", vectors).isGreaterThanOrEqualTo(0);
      // The rest is taken by blocks of two, so 0, 2 or 4 vectors; only a row of one vector keeps one.
      assertThat(rest).as("%d vectors", vectors).isIn(vectors == 1 ? 1 : 0, 2, 4);
      assertThat(three).as("%d vectors: as many blocks of three as that allows", vectors)
          .isEqualTo(rest == 4 ? (vectors - 4) / 3 : vectors / 3);
    }
  }

  @ParameterizedTest(name = "m={0} n={1} k={2}")
  @CsvSource({"5,25,3", "64,256,256", "17,9,40"})
  void floatKernelsAgreeWithDoubleToSinglePrecision(int m, int n, int kk) {
    double[] a = RandomArrays.gaussian(m * kk, 4);
    double[] b = RandomArrays.gaussian(kk * n, 5);
    double[] exact = new double[m * n];
    MatMul.plainAccumulate(a, kk, 1, b, n, exact, n, 0, m, 0, n, kk);
    float[] single = new float[m * n];
    MatMul.accumulate(floats(a), kk, 1, floats(b), n, single, n, 0, m, n, kk);
    // Rounding the operands and each of kk float roundings: a few units of 2^-24 times the size of the terms.
    double tolerance = 8 * Math.ulp(1.0f) * Math.sqrt(kk) * 4;
    for (int i = 0; i < exact.length; i++) {
      assertThat((double) single[i]).as("element %d", i).isCloseTo(exact[i], within(tolerance));
    }
  }

  @ParameterizedTest(name = "m={0} n={1} k={2} split at column {3}")
  @CsvSource({"11,256,256,128", "11,256,64,100", "7,40,9,13", "5,30,3,29", "64,256,64,100", "70,120,9,40"})
  void splittingTheColumnsDoesNotChangeEitherPath(int m, int n, int kk, int split) {
    double[] a = RandomArrays.gaussian(m * kk, 10);
    double[] b = RandomArrays.gaussian(kk * n, 11);
    double[] whole = new double[m * n];
    MatMul.plainAccumulate(a, kk, 1, b, n, whole, n, 0, m, 0, n, kk);
    double[] plainSplit = new double[m * n];
    MatMul.plainAccumulate(a, kk, 1, b, n, plainSplit, n, 0, m, split, n, kk);
    double[] split2 = new double[m * n];
    MatMul.accumulate(a, kk, 1, b, n, split2, n, 0, m, split, n, kk);
    MatMul.accumulate(a, kk, 1, b, n, split2, n, 0, m, 0, split, kk);
    assertThat(split2).as("both ranges through accumulate").isEqualTo(whole);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(plainSplit[i * n + j]).isEqualTo(j < split ? 0.0 : whole[i * n + j]);
      }
    }
  }

  @Test
  void splittingTheRowsDoesNotChangeTheVectorResults() {
    int m = 37;
    int n = 70;
    int kk = 29;
    double[] a = RandomArrays.gaussian(m * kk, 6);
    double[] b = RandomArrays.gaussian(kk * n, 7);
    double[] whole = new double[m * n];
    MatMul.accumulate(a, kk, 1, b, n, whole, n, 0, m, n, kk);
    for (int parts = 2; parts <= 5; parts++) {
      double[] split = new double[m * n];
      for (int p = 0; p < parts; p++) {
        MatMul.accumulate(a, kk, 1, b, n, split, n, m * p / parts, m * (p + 1) / parts, n, kk);
      }
      assertThat(split).as("%d parts", parts).isEqualTo(whole);
    }
  }

  @ParameterizedTest(name = "rows={0} out={1}")
  @CsvSource({"1,16", "256,256", "7,37", "33,100", "5,3"})
  void vectorColumnSumsAreBitIdenticalToThePlainLoop(int rows, int out) {
    double[] d = RandomArrays.gaussian(rows * out, 8);
    double[] expected = new double[out];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < out; j++) {
        expected[j] += d[r * out + j];
      }
    }
    double[] actual = RandomArrays.gaussian(out, 9); // stale values, which the sums overwrite
    if (Simd.enabled()) {
      VectorElementwise.columnSums(d, actual, rows, out, 0, out);
      assertThat(actual).isEqualTo(expected);
    }
  }
}

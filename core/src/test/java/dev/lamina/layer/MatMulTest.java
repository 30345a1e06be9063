package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast kernels of {@link MatMul} against the simple {@link MatMulReference}: within 1e-12
 * (relative to the size of the terms) for every shape, narrow and wide, with odd row counts and
 * inner dimensions that are not multiples of four; bit-identical however the result rows are split
 * into ranges (which is what makes the thread count irrelevant); and bit-identical to the
 * reference on the narrow path, whose sums run in the reference's order.
 */
class MatMulTest {
  private static final double TOLERANCE = 1e-12;

  @ParameterizedTest(name = "rows={0} in={1} out={2}")
  @CsvSource({"1,1,1", "10,11,6", "10,6,1", "7,6,6", "32,64,64", "33,65,67", "5,256,17", "256,11,256", "3,3,600",
      "256,256,1", "7,300,1", "6,17,1", "17,1030,16"})
  void fastKernelsMatchTheReferenceToWithin1e12(int rows, int in, int out) {
    double[] x = RandomArrays.gaussian(rows * in, 1);
    double[] w = RandomArrays.gaussian(in * out, 2);
    double[] b = RandomArrays.gaussian(out, 3);
    double[] d = RandomArrays.gaussian(rows * out, 4);
    double[] wT = new double[in * out];
    MatMul.transpose(w, wT, in, out);

    double[] z = new double[rows * out];
    double[] zRef = new double[rows * out];
    MatMul.affine(x, w, b, z, in, out, 0, rows);
    MatMulReference.affine(x, w, b, zRef, rows, in, out);
    assertClose(z, zRef, in);

    double[] g = new double[in * out];
    double[] gRef = new double[in * out];
    MatMul.transposeATimesB(x, d, g, rows, in, out, 0, in);
    MatMulReference.transposeATimesB(x, d, gRef, rows, in, out);
    assertClose(g, gRef, rows);

    double[] dx = new double[rows * in];
    double[] dxRef = new double[rows * in];
    MatMul.timesBTranspose(d, w, wT, dx, out, in, 0, rows);
    MatMulReference.timesBTranspose(d, w, dxRef, rows, out, in);
    assertClose(dx, dxRef, out);
  }

  private static void assertClose(double[] actual, double[] expected, int terms) {
    // Each element is a sum of `terms` products of standard normals: scale the tolerance by its size.
    double scale = Math.max(1, Math.sqrt(terms));
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOLERANCE * scale));
    }
  }

  @ParameterizedTest(name = "rows={0} in={1} out={2}")
  @CsvSource({"10,11,6", "33,65,67", "64,256,256", "9,40,3", "64,256,1", "9,40,1"})
  void resultsDoNotDependOnHowTheRowsAreSplit(int rows, int in, int out) {
    double[] x = RandomArrays.gaussian(rows * in, 5);
    double[] w = RandomArrays.gaussian(in * out, 6);
    double[] b = RandomArrays.gaussian(out, 7);
    double[] d = RandomArrays.gaussian(rows * out, 8);
    double[] wT = new double[in * out];
    MatMul.transpose(w, wT, in, out);
    double[] z = new double[rows * out];
    double[] g = new double[in * out];
    double[] dx = new double[rows * in];
    MatMul.affine(x, w, b, z, in, out, 0, rows);
    MatMul.transposeATimesB(x, d, g, rows, in, out, 0, in);
    MatMul.timesBTranspose(d, w, wT, dx, out, in, 0, rows);
    for (int parts = 2; parts <= 5; parts++) {
      double[] zs = new double[rows * out];
      double[] gs = new double[in * out];
      double[] dxs = new double[rows * in];
      for (int c = 0; c < parts; c++) {
        MatMul.affine(x, w, b, zs, in, out, rows * c / parts, rows * (c + 1) / parts);
        MatMul.transposeATimesB(x, d, gs, rows, in, out, in * c / parts, in * (c + 1) / parts);
        MatMul.timesBTranspose(d, w, wT, dxs, out, in, rows * c / parts, rows * (c + 1) / parts);
      }
      assertThat(zs).as("forward in %d parts", parts).isEqualTo(z);
      assertThat(gs).as("kernel gradient in %d parts", parts).isEqualTo(g);
      assertThat(dxs).as("input gradient in %d parts", parts).isEqualTo(dx);
    }
  }

  @ParameterizedTest(name = "rows={0} in={1} out={2}")
  @CsvSource({"10,11,6", "10,6,1", "7,6,6", "4,15,15", "9,11,6", "10,7,3", "5,13,5", "3,2,15", "1,3,2", "2,1,1",
      "11,9,7"})
  void narrowKernelsAreBitIdenticalToTheReference(int rows, int in, int out) {
    double[] x = RandomArrays.gaussian(rows * in, 9); // Gaussian: no exact zeros, which the reference skips
    double[] w = RandomArrays.gaussian(in * out, 10);
    double[] b = RandomArrays.gaussian(out, 11);
    double[] d = RandomArrays.gaussian(rows * out, 12);
    double[] z = new double[rows * out];
    double[] zRef = new double[rows * out];
    MatMul.affine(x, w, b, z, in, out, 0, rows);
    MatMulReference.affine(x, w, b, zRef, rows, in, out);
    assertThat(z).isEqualTo(zRef);
    double[] g = new double[in * out];
    double[] gRef = new double[in * out];
    MatMul.transposeATimesB(x, d, g, rows, in, out, 0, in);
    MatMulReference.transposeATimesB(x, d, gRef, rows, in, out);
    assertThat(g).isEqualTo(gRef);
    double[] dx = new double[rows * in];
    double[] dxRef = new double[rows * in];
    MatMul.timesBTranspose(d, w, null, dx, out, in, 0, rows);
    MatMulReference.timesBTranspose(d, w, dxRef, rows, out, in);
    assertThat(dx).isEqualTo(dxRef);
  }

  @ParameterizedTest(name = "rows={0} out={1}")
  @CsvSource({"10,6", "10,1", "7,3", "1,15", "9,5", "3,2", "4,16", "5,40"})
  void columnSumsAreBitIdenticalToTheReference(int rows, int out) {
    double[] d = RandomArrays.gaussian(rows * out, 13);
    double[] expected = new double[out];
    MatMulReference.columnSums(d, expected, rows, out);
    double[] s = RandomArrays.gaussian(out, 14); // stale values, which the sums overwrite
    MatMul.columnSums(d, s, rows, out);
    assertThat(s).isEqualTo(expected);
  }

  @ParameterizedTest(name = "rows={0} out={1} split at {2}")
  @CsvSource({"9,40,13", "256,256,128", "33,67,1", "5,16,15"})
  void wideColumnSumsSplitByColumnsAreBitIdenticalToTheReference(int rows, int out, int split) {
    double[] d = RandomArrays.gaussian(rows * out, 15);
    double[] expected = new double[out];
    MatMulReference.columnSums(d, expected, rows, out);
    double[] s = RandomArrays.gaussian(out, 16);
    MatMul.columnSums(d, s, rows, out, split, out);
    MatMul.columnSums(d, s, rows, out, 0, split);
    assertThat(s).isEqualTo(expected);
  }
}

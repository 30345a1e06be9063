package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The checks shared by the tests of the float64 product backends: the operands come from fixed
 * seeds (kernel 1, bias 2, input 3, dZ 4), each product is compared with {@link MatMulReference}
 * to 1e-12 relative to the size of its terms, and runs on several threads with the run on one.
 */
final class ProductChecks {
  private static final double TOLERANCE = 1e-12;

  private ProductChecks() {}

  /** z, the kernel gradient and the input gradient (null when not asked) of one pass. */
  record Results(double[] z, double[] kernelGrad, double[] inputGrad) {}

  static double[] kernel(int in, int out) {
    return RandomArrays.gaussian(in * out, 1);
  }

  static double[] bias(int out) {
    return RandomArrays.gaussian(out, 2);
  }

  static double[] input(int rows, int in) {
    return RandomArrays.gaussian(rows * in, 3);
  }

  static double[] delta(int rows, int out) {
    return RandomArrays.gaussian(rows * out, 4);
  }

  /** The first {@code rows} rows of each product against the reference computed from the same seeds. */
  static void assertMatchesReference(Results r, int rows, int in, int out) {
    double[] x = input(rows, in);
    double[] dZ = delta(rows, out);
    double[] w = kernel(in, out);
    double[] zRef = new double[rows * out];
    MatMulReference.affine(x, w, bias(out), zRef, rows, in, out);
    assertClose(r.z(), zRef, in);
    double[] gRef = new double[in * out];
    MatMulReference.transposeATimesB(x, dZ, gRef, rows, in, out);
    assertClose(r.kernelGrad(), gRef, rows);
    if (r.inputGrad() != null) {
      double[] dxRef = new double[rows * in];
      MatMulReference.timesBTranspose(dZ, w, dxRef, rows, out, in);
      assertClose(r.inputGrad(), dxRef, out);
    }
  }

  static void assertSameBits(Results many, Results one, int threads) {
    assertThat(many.z()).as("z on %d threads", threads).isEqualTo(one.z());
    assertThat(many.kernelGrad()).as("dKernel on %d threads", threads).isEqualTo(one.kernelGrad());
    assertThat(many.inputGrad()).as("dX on %d threads", threads).isEqualTo(one.inputGrad());
  }

  private static void assertClose(double[] actual, double[] expected, int terms) {
    // Each element is a sum of `terms` products of standard normals: scale the tolerance by its size.
    double scale = Math.max(1, Math.sqrt(terms));
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOLERANCE * scale));
    }
  }
}

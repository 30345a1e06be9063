package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.optim.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float64 products on the Java kernels ({@link JavaProducts}), driven as a Dense layer drives
 * them (affine, then both gradients in one call, or the kernel gradient alone): within 1e-12 of
 * {@link MatMulReference} (relative to the size of the terms), and bit-identical on one thread and
 * on several, for layers wide both ways (both gradients in one run split by input features), with
 * few inputs (the first layer) and with one unit (the output layer), and for partial batches in
 * larger buffers.
 */
class JavaProductsTest {
  private static final double TOLERANCE = 1e-12;

  /** The three products of one layer on {@code threads} threads. */
  private record Results(double[] z, double[] kernelGrad, double[] inputGrad) {}

  private static Results run(int rows, int capacity, int in, int out, int threads, boolean inputGrad) {
    Parameter kernel = new Parameter("kernel", in, out);
    Parameter bias = new Parameter("bias", out);
    kernel.setValue(RandomArrays.gaussian(in * out, 1));
    bias.setValue(RandomArrays.gaussian(out, 2));
    JavaProducts products = new JavaProducts(in, out, kernel, bias);
    products.allocate(capacity);
    products.setThreads(threads);
    double[] x = RandomArrays.gaussian(capacity * in, 3);
    double[] dZ = RandomArrays.gaussian(capacity * out, 4);
    double[] z = new double[capacity * out];
    double[] dX = inputGrad ? RandomArrays.gaussian(capacity * in, 5) : null; // stale values, overwritten
    products.affine(x, rows, true, z, null);
    products.gradients(x, dZ, rows, dX);
    return new Results(java.util.Arrays.copyOf(z, rows * out), kernel.grad().clone(),
        inputGrad ? java.util.Arrays.copyOf(dX, rows * in) : null);
  }

  @ParameterizedTest(name = "rows={0} (buffers for {1}) in={2} out={3}, dX asked: {4}")
  @CsvSource({"256,256,256,256,true", "200,256,256,256,true", "100,100,40,72,true", "33,40,300,20,true",
      "64,64,17,1000,true", "256,256,11,256,false", "256,256,256,1,true", "45,45,70,70,false", "9,9,24,30,true"})
  void productsMatchTheReferenceAndNotTheThreadCount(int rows, int capacity, int in, int out, boolean inputGrad) {
    Results one = run(rows, capacity, in, out, 1, inputGrad);
    double[] x = RandomArrays.gaussian(capacity * in, 3);
    double[] dZ = RandomArrays.gaussian(capacity * out, 4);
    double[] w = RandomArrays.gaussian(in * out, 1);
    double[] zRef = new double[rows * out];
    MatMulReference.affine(x, w, RandomArrays.gaussian(out, 2), zRef, rows, in, out);
    assertClose(one.z(), zRef, in);
    double[] gRef = new double[in * out];
    MatMulReference.transposeATimesB(x, dZ, gRef, rows, in, out);
    assertClose(one.kernelGrad(), gRef, rows);
    if (inputGrad) {
      double[] dxRef = new double[rows * in];
      MatMulReference.timesBTranspose(dZ, w, dxRef, rows, out, in);
      assertClose(one.inputGrad(), dxRef, out);
    }
    for (int threads = 2; threads <= 4; threads++) {
      Results many = run(rows, capacity, in, out, threads, inputGrad);
      assertThat(many.z()).as("z on %d threads", threads).isEqualTo(one.z());
      assertThat(many.kernelGrad()).as("dKernel on %d threads", threads).isEqualTo(one.kernelGrad());
      assertThat(many.inputGrad()).as("dX on %d threads", threads).isEqualTo(one.inputGrad());
    }
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

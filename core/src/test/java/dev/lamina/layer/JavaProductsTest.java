package dev.lamina.layer;

import dev.lamina.layer.ProductChecks.Results;
import dev.lamina.optim.Parameter;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float64 products on the Java kernels ({@link JavaProducts}), driven as a Dense layer drives
 * them (affine, then both gradients in one call, or the kernel gradient alone): within 1e-12 of
 * {@link MatMulReference}, and bit-identical on one thread and on several, for layers wide both
 * ways (both gradients in one run split by input features), with few inputs (the first layer) and
 * with one unit (the output layer), and for partial batches in larger buffers.
 */
class JavaProductsTest {
  private static Results run(int rows, int capacity, int in, int out, int threads, boolean inputGrad) {
    Parameter kernel = new Parameter("kernel", in, out);
    Parameter bias = new Parameter("bias", out);
    kernel.setValue(ProductChecks.kernel(in, out));
    bias.setValue(ProductChecks.bias(out));
    JavaProducts products = new JavaProducts(in, out, kernel, bias);
    products.allocate(capacity);
    products.setThreads(threads);
    double[] x = ProductChecks.input(capacity, in);
    double[] dZ = ProductChecks.delta(capacity, out);
    double[] z = new double[capacity * out];
    double[] dX = inputGrad ? RandomArrays.gaussian(capacity * in, 5) : null; // stale values, overwritten
    products.affine(x, rows, true, z, null);
    products.gradients(x, dZ, rows, dX);
    return new Results(Arrays.copyOf(z, rows * out), kernel.grad().clone(),
        inputGrad ? Arrays.copyOf(dX, rows * in) : null);
  }

  @ParameterizedTest(name = "rows={0} (buffers for {1}) in={2} out={3}, dX asked: {4}")
  @CsvSource({"256,256,256,256,true", "200,256,256,256,true", "100,100,40,72,true", "33,40,300,20,true",
      "64,64,17,1000,true", "256,256,11,256,false", "256,256,256,1,true", "45,45,70,70,false", "9,9,24,30,true"})
  void productsMatchTheReferenceAndNotTheThreadCount(int rows, int capacity, int in, int out, boolean inputGrad) {
    Results one = run(rows, capacity, in, out, 1, inputGrad);
    ProductChecks.assertMatchesReference(one, rows, in, out);
    for (int threads = 2; threads <= 4; threads++) {
      ProductChecks.assertSameBits(run(rows, capacity, in, out, threads, inputGrad), one, threads);
    }
  }
}

package dev.lamina.layer;

import dev.lamina.layer.ProductChecks.Results;
import dev.lamina.optim.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A float64 layer with its products split between OpenBLAS and the Java kernels
 * ({@link MixedProducts}), for the ways of splitting the three products ({@link ProductBackends}
 * picks one per shape), all three on one backend included: each product within 1e-12 of
 * {@link MatMulReference}, and the results bit-identical on one thread and on several.
 */
class MixedProductsTest {
  @BeforeAll
  static void needsOpenBlas() {
    OpenBlasRequirement.check();
  }

  private static Results run(ProductBackends choice, int rows, int in, int out, int threads) {
    Parameter kernel = new Parameter("kernel", in, out);
    Parameter bias = new Parameter("bias", out);
    kernel.setValue(ProductChecks.kernel(in, out));
    bias.setValue(ProductChecks.bias(out));
    MixedProducts products = new MixedProducts(in, out, kernel, bias, choice);
    products.allocate(rows);
    products.setThreads(threads);
    double[] x = ProductChecks.input(rows, in);
    double[] dZ = ProductChecks.delta(rows, out);
    double[] z = new double[rows * out];
    double[] dX = RandomArrays.gaussian(rows * in, 5); // stale values, overwritten
    products.affine(x, rows, true, z, null);
    products.gradients(x, dZ, rows, dX);
    return new Results(z, kernel.grad().clone(), dX);
  }

  @ParameterizedTest(name = "on OpenBLAS: affine {0}, kernel gradient {1}, input gradient {2}; rows={3} in={4} out={5}")
  @CsvSource({"true,false,false,256,256,256", "false,true,false,256,256,256", "false,false,true,256,256,256",
      "true,true,false,100,40,72", "false,true,true,100,40,72", "true,false,true,33,300,20",
      "true,true,true,64,64,64", "false,false,false,64,64,64"})
  void everySplitMatchesTheReferenceAndNotTheThreadCount(boolean affine, boolean kernelGradient,
      boolean inputGradient, int rows, int in, int out) {
    ProductBackends choice = new ProductBackends(affine, kernelGradient, inputGradient);
    Results one = run(choice, rows, in, out, 1);
    ProductChecks.assertMatchesReference(one, rows, in, out);
    for (int threads = 2; threads <= 4; threads++) {
      ProductChecks.assertSameBits(run(choice, rows, in, out, threads), one, threads);
    }
  }
}

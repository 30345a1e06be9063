package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.DType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A wide float64 Dense layer with its products on OpenBLAS (dgemm) against the same layer on the
 * Java kernels: forward pass, kernel, bias and input gradients agree to 1e-12 (relative to the
 * size of the terms), full and partial batches alike; and the native results do not depend on
 * the thread count.
 */
class DenseOpenBlasFloat64Test {
  @BeforeAll
  static void needsOpenBlas() {
    OpenBlasRequirement.check();
  }

  @ParameterizedTest(name = "rows={0} (buffers for {1}) in={2} out={3} bias={4}")
  @CsvSource({"10,10,16,16,true", "256,256,256,256,true", "200,256,256,256,true", "33,33,40,17,false",
      "7,7,300,20,true", "64,64,300,300,true"})
  void nativeProductsAgreeWithTheJavaKernelsTo1e12(int rows, int capacity, int in, int out, boolean bias) {
    double[] x = RandomArrays.gaussian(rows * in, 1);
    double[] dOut = RandomArrays.gaussian(rows * out, 2);
    DenseFixture.Pass java = DenseFixture.run(DenseFixture.dense(in, out, bias, DType.FLOAT64, 2, false), x, dOut,
        rows, capacity);
    DenseFixture.Pass blas = DenseFixture.run(DenseFixture.dense(in, out, bias, DType.FLOAT64, 2, true), x, dOut, rows,
        capacity);
    assertClose(blas.out(), java.out(), in);
    assertClose(blas.kernelGrad(), java.kernelGrad(), rows);
    assertClose(blas.inputGrad(), java.inputGrad(), out);
    if (bias) {
      assertClose(blas.biasGrad(), java.biasGrad(), rows);
    }
  }

  @Test
  void theKernelGradientAloneMatchesWhenNoInputGradientIsAsked() {
    int rows = 96;
    double[] x = RandomArrays.gaussian(rows * 64, 3);
    double[] dOut = RandomArrays.gaussian(rows * 48, 4);
    Dense java = DenseFixture.dense(64, 48, true, DType.FLOAT64, 2, false);
    Dense blas = DenseFixture.dense(64, 48, true, DType.FLOAT64, 2, true);
    for (Dense d : new Dense[] {java, blas}) {
      d.allocate(rows);
      d.forward(x, rows, true);
      assertThat(d.backward(dOut, rows, false)).isNull();
    }
    assertClose(blas.kernel().grad(), java.kernel().grad(), rows);
  }

  @ParameterizedTest(name = "{0} threads")
  @CsvSource({"2", "3", "4"})
  void nativeResultsDoNotDependOnTheThreadCount(int threads) {
    int rows = 256;
    double[] x = RandomArrays.gaussian(rows * 256, 5);
    double[] dOut = RandomArrays.gaussian(rows * 256, 6);
    DenseFixture.Pass one = DenseFixture.run(DenseFixture.dense(256, 256, true, DType.FLOAT64, 1, true), x, dOut, rows);
    DenseFixture.Pass many = DenseFixture.run(DenseFixture.dense(256, 256, true, DType.FLOAT64, threads, true), x,
        dOut, rows);
    assertThat(many.out()).isEqualTo(one.out());
    assertThat(many.kernelGrad()).isEqualTo(one.kernelGrad());
    assertThat(many.biasGrad()).isEqualTo(one.biasGrad());
    assertThat(many.inputGrad()).isEqualTo(one.inputGrad());
  }

  private static void assertClose(double[] actual, double[] expected, int terms) {
    // Sums of `terms` products of size ~1, added in another order: 1e-12 of their scale.
    double tolerance = 1e-12 * Math.max(1, Math.sqrt(terms));
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(Math.abs(actual[i] - expected[i])).as("element %d: %s vs %s", i, actual[i], expected[i])
          .isLessThanOrEqualTo(tolerance);
    }
  }
}

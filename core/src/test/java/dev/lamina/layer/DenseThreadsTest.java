package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.activation.Activations;
import dev.lamina.init.Initializers;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One Dense step gives the same bits on one thread and on several, for each way a product is
 * split: by batch rows, by kernel rows, and by columns (few inputs, many units: the first layer).
 */
class DenseThreadsTest {
  private static Dense dense(int in, int out, DType dtype, int threads) {
    Dense d = new Dense("dense", in, out, Activations.create(ComponentSpec.of("relu"), "activation"),
        Initializers.create(ComponentSpec.of("he_uniform"), "kernel_initializer"),
        Initializers.create(ComponentSpec.of("random_normal"), "bias_initializer"), null, null);
    d.initialize(21);
    d.setDtype(dtype);
    d.setThreads(threads);
    return d;
  }

  @ParameterizedTest(name = "rows={0} in={1} out={2} {3} on {4} threads")
  @CsvSource({"256,11,256,FLOAT64,2", "256,11,256,FLOAT64,3", "100,5,40,FLOAT64,2", "256,256,1,FLOAT64,2",
      "256,256,256,FLOAT32,2", "130,11,300,FLOAT32,3"})
  void aStepIsBitIdenticalToOneThread(int rows, int in, int out, DType dtype, int threads) {
    double[] x = RandomArrays.gaussian(rows * in, 22);
    double[] dOut = RandomArrays.gaussian(rows * out, 23);
    Dense one = dense(in, out, dtype, 1);
    Dense many = dense(in, out, dtype, threads);
    one.allocate(rows);
    many.allocate(rows);
    assertThat(many.forward(x, rows, true)).isEqualTo(one.forward(x, rows, true));
    assertThat(many.backward(dOut, rows, true)).isEqualTo(one.backward(dOut, rows, true));
    assertThat(many.kernel().grad()).isEqualTo(one.kernel().grad());
    assertThat(many.bias().grad()).isEqualTo(one.bias().grad());
  }
}

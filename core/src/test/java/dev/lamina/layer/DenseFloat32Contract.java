package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.spec.DType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Dense layer with {@link DType#FLOAT32} products against the same layer in double: forward,
 * kernel gradient, bias gradient and input gradient agree to single-precision rounding for layers
 * of 16+ inputs or units, with and without bias; layers narrow both ways and softmax layers keep
 * double bit for bit; the float activations and the layer's double methods give the same values;
 * and the float path gives the same bits for every thread count. Run once for each product
 * backend: {@link DenseFloat32JavaKernelsTest} and {@link DenseFloat32OpenBlasTest}.
 */
abstract class DenseFloat32Contract {
  /** Whether the layers under test may run their products on OpenBLAS. */
  abstract boolean nativeProducts();

  private Dense dense(int in, int out, boolean bias, DType dtype, int threads) {
    return DenseFixture.dense(in, out, bias, dtype, threads, nativeProducts());
  }

  @ParameterizedTest(name = "rows={0} in={1} out={2}")
  @CsvSource({"10,11,6", "10,6,1", "5,15,15"})
  void layersNarrowBothWaysKeepDoubleBitForBit(int rows, int in, int out) {
    double[] x = RandomArrays.gaussian(rows * in, 5);
    double[] dOut = RandomArrays.gaussian(rows * out, 6);
    DenseFixture.Pass exact = DenseFixture.run(dense(in, out, true, DType.FLOAT64, 1), x, dOut, rows);
    DenseFixture.Pass single = DenseFixture.run(dense(in, out, true, DType.FLOAT32, 1), x, dOut, rows);
    assertThat(single.out()).isEqualTo(exact.out());
    assertThat(single.kernelGrad()).isEqualTo(exact.kernelGrad());
    assertThat(single.inputGrad()).isEqualTo(exact.inputGrad());
  }

  @ParameterizedTest(name = "rows={0} in={1} out={2} bias={3}")
  @CsvSource({"10,16,16,true", "64,256,256,true", "33,40,17,false", "7,300,20,true", "256,11,256,true",
      "64,256,1,true", "5,15,300,true", "9,300,1,false"})
  void float32ProductsAgreeWithDoubleToSinglePrecision(int rows, int in, int out, boolean bias) {
    double[] x = RandomArrays.gaussian(rows * in, 1);
    double[] dOut = RandomArrays.gaussian(rows * out, 2);
    DenseFixture.Pass exact = DenseFixture.run(dense(in, out, bias, DType.FLOAT64, 1), x, dOut, rows);
    DenseFixture.Pass single = DenseFixture.run(dense(in, out, bias, DType.FLOAT32, 1), x, dOut, rows);
    assertClose(single.out(), exact.out(), in);
    assertClose(single.kernelGrad(), exact.kernelGrad(), rows);
    assertClose(single.inputGrad(), exact.inputGrad(), out);
    if (bias) {
      // A column sum in double of dZ, which differs only through the float forward pass.
      assertClose(single.biasGrad(), exact.biasGrad(), rows);
    }
  }

  @ParameterizedTest(name = "after a forward pass with training={0} and a backward pass with dX={1}")
  @CsvSource({"true,true", "true,false", "false,true", "false,false"})
  void theInputGradientUsesTheCurrentKernelWhateverThePreviousPassesSkipped(boolean training,
      boolean previousWantedInputGrad) {
    int rows = 20;
    double[] x = RandomArrays.gaussian(rows * 40, 7);
    double[] dOut = RandomArrays.gaussian(rows * 24, 8);
    Dense fresh = dense(40, 24, true, DType.FLOAT32, 2);
    fresh.allocate(rows);
    Dense reused = dense(40, 24, true, DType.FLOAT32, 2);
    reused.allocate(rows);
    // An earlier step with other weights, which may leave the transposed float kernel behind.
    double original = reused.kernel().value()[3];
    reused.kernel().value()[3] = original + 0.5;
    reused.forward(x, rows, true);
    reused.backward(dOut, rows, previousWantedInputGrad);
    reused.kernel().value()[3] = original;
    double[] expected = fresh.forward(x, rows, training).clone();
    double[] expectedDx = fresh.backward(dOut, rows, true).clone();
    assertThat(reused.forward(x, rows, training)).isEqualTo(expected);
    assertThat(reused.backward(dOut, rows, true)).isEqualTo(expectedDx);
  }

  @ParameterizedTest(name = "batch of {0} rows in buffers for {1}")
  @CsvSource({"32,32", "240,256", "255,256", "17,40"})
  void theKernelGradientIsTheSameAfterATrainingOrAnInferenceForwardPass(int rows, int capacity) {
    // A training pass writes the transposed float input (padded rows) during its conversion; after
    // an inference pass the kernel gradient transposes the input itself.
    double[] x = RandomArrays.gaussian(rows * 48, 9);
    double[] dOut = RandomArrays.gaussian(rows * 32, 10);
    Dense trained = dense(48, 32, true, DType.FLOAT32, 2);
    trained.allocate(capacity);
    trained.forward(x, rows, true);
    trained.backward(dOut, rows, true);
    Dense inferred = dense(48, 32, true, DType.FLOAT32, 2);
    inferred.allocate(capacity);
    inferred.forward(x, rows, false);
    inferred.backward(dOut, rows, true);
    assertThat(trained.kernel().grad()).isEqualTo(inferred.kernel().grad());
    assertThat(trained.kernel().grad()).isNotEqualTo(new double[48 * 32]);
  }

  @ParameterizedTest(name = "rows={0} in={1} out={2}")
  @CsvSource({"20,40,24", "256,11,256", "64,256,1"})
  void theFloatActivationsAndTheDoubleMethodsGiveTheSameValues(int rows, int in, int out) {
    double[] x = RandomArrays.gaussian(rows * in, 12);
    double[] dOut = RandomArrays.gaussian(rows * out, 13);
    Dense viaDoubles = dense(in, out, true, DType.FLOAT32, 2);
    assertThat(viaDoubles.floatActivations()).isTrue();
    DenseFixture.Pass doubles = DenseFixture.run(viaDoubles, x, dOut, rows);
    Dense viaFloats = dense(in, out, true, DType.FLOAT32, 2);
    viaFloats.allocate(rows);
    float[] outF = viaFloats.forwardFloat(rounded(x), rows, true);
    float[] dxF = viaFloats.backwardFloat(rounded(dOut), rows, true);
    assertThat(doubles.out()).isEqualTo(widened(outF, rows * out));
    assertThat(doubles.inputGrad()).isEqualTo(widened(dxF, rows * in));
    assertThat(doubles.kernelGrad()).isEqualTo(viaFloats.kernel().grad());
    assertThat(doubles.biasGrad()).isEqualTo(viaFloats.bias().grad());
    for (double v : doubles.out()) {
      assertThat((double) (float) v).isEqualTo(v);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"softmax", "tanh"})
  void onlyElementWiseActivationsRunInFloat(String activation) {
    Dense d = new Dense("dense", 32, 32, dev.lamina.activation.Activations.create(
        dev.lamina.spec.ComponentSpec.of(activation), "activation"),
        dev.lamina.init.Initializers.create(dev.lamina.spec.ComponentSpec.of("glorot_uniform"), "kernel_initializer"),
        null, null, null);
    d.setDtype(DType.FLOAT32);
    boolean elementwise = !activation.equals("softmax");
    assertThat(d.floatActivations()).isEqualTo(elementwise);
    assertThat(d.kernel().singlePrecision()).isEqualTo(elementwise);
  }

  private static float[] rounded(double[] v) {
    float[] f = new float[v.length];
    FloatConversions.toFloat(v, f, v.length);
    return f;
  }

  private static double[] widened(float[] f, int n) {
    double[] d = new double[n];
    FloatConversions.toDouble(f, d, n);
    return d;
  }

  private static void assertClose(double[] actual, double[] expected, int terms) {
    // Terms of size ~1: float rounding of the operands and of each partial sum.
    double tolerance = 1e-5 * Math.max(1, Math.sqrt(terms));
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(tolerance));
    }
  }

  @ParameterizedTest(name = "{0} threads")
  @CsvSource({"2", "3"})
  void float32ResultsDoNotDependOnTheThreadCount(int threads) {
    int rows = 200;
    double[] x = RandomArrays.gaussian(rows * 300, 3);
    double[] dOut = RandomArrays.gaussian(rows * 300, 4);
    DenseFixture.Pass one = DenseFixture.run(dense(300, 300, true, DType.FLOAT32, 1), x, dOut, rows);
    DenseFixture.Pass many = DenseFixture.run(dense(300, 300, true, DType.FLOAT32, threads), x, dOut, rows);
    assertThat(many.out()).isEqualTo(one.out());
    assertThat(many.kernelGrad()).isEqualTo(one.kernelGrad());
    assertThat(many.inputGrad()).isEqualTo(one.inputGrad());
  }
}

package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.activation.Activations;
import dev.lamina.init.Initializers;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;

/** Dense layers and one training pass through them, shared by the tests of the product paths. */
final class DenseFixture {
  private DenseFixture() {}

  /** The results of one forward and backward pass. */
  record Pass(double[] out, double[] kernelGrad, double[] biasGrad, double[] inputGrad) {}

  /**
   * A tanh Dense layer with fixed weights (seed 11), the given precision and thread count, its
   * products on OpenBLAS only when {@code nativeAllowed} (and the library is there) and the layer
   * is a wide float32 one (float64 layers run on the Java kernels, {@link ProductBackends}).
   */
  static Dense dense(int in, int out, boolean bias, DType dtype, int threads, boolean nativeAllowed) {
    Dense d = new Dense("dense", in, out, Activations.create(ComponentSpec.of("tanh"), "activation"),
        Initializers.create(ComponentSpec.of("glorot_uniform"), "kernel_initializer"),
        bias ? Initializers.create(ComponentSpec.of("random_normal"), "bias_initializer") : null, null, null);
    d.initialize(11);
    d.setDtype(dtype);
    d.allowNativeProducts(nativeAllowed);
    assertThat(d.nativeProducts()).isEqualTo(nativeAllowed && in >= 16 && out >= 16
        && (dtype == DType.FLOAT32 || NativeGemm.runsFloat64Products()));
    d.setThreads(threads);
    return d;
  }

  /** A training forward pass and a backward pass asking for dX, in buffers for {@code capacity} rows. */
  static Pass run(Dense d, double[] x, double[] dOut, int rows, int capacity) {
    d.allocate(capacity);
    double[] out = d.forward(x, rows, true).clone();
    double[] dx = d.backward(dOut, rows, true).clone();
    return new Pass(out, d.kernel().grad().clone(), d.bias() == null ? null : d.bias().grad().clone(), dx);
  }

  static Pass run(Dense d, double[] x, double[] dOut, int rows) {
    return run(d, x, dOut, rows, rows);
  }
}

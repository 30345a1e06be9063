package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each float64 product of one square Dense layer ({@code width} inputs and units) on a batch, on
 * either backend: the Java kernels ({@link JavaProducts}, Vector API) or OpenBLAS's dgemm
 * ({@link BlasProducts}), with the layer's thread count (the number of processors). Time per call;
 * each product is {@code 2 * batch * width^2} FLOP. {@code gradients} is what a backward pass runs
 * (both gradients, in one dispatch where the backend has one). In this package because the
 * backends are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ProductsBenchmark {
  @Param({"64", "128", "256", "512"})
  public int width;

  @Param({"32", "256"})
  public int batch;

  /** {@code java} or {@code openblas}. */
  @Param({"java", "openblas"})
  public String backend;

  private DenseProducts products;
  private double[] x;
  private double[] dZ;
  private double[] z;
  private double[] dX;

  @Setup
  public void setUp() {
    Parameter kernel = new Parameter("kernel", width, width);
    Parameter bias = new Parameter("bias", width);
    Rng rng = new Rng(2);
    kernel.setValue(gaussian(rng, width * width));
    bias.setValue(gaussian(rng, width));
    if ("openblas".equals(backend) && !NativeGemm.available()) {
      throw new IllegalStateException("OpenBLAS " + NativeGemm.describe());
    }
    products = "java".equals(backend) ? new JavaProducts(width, width, kernel, bias)
        : new BlasProducts(width, width, kernel, bias);
    products.allocate(batch);
    x = gaussian(rng, batch * width);
    dZ = gaussian(rng, batch * width);
    z = new double[batch * width];
    dX = new double[batch * width];
  }

  private static double[] gaussian(Rng rng, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextGaussian();
    }
    return a;
  }

  @Benchmark
  public double[] affine() {
    products.affine(x, batch, true, z, null);
    return z;
  }

  @Benchmark
  public double[] kernelGradient() {
    products.kernelGradient(x, dZ, batch);
    return products.kernel.grad();
  }

  @Benchmark
  public double[] inputGradient() {
    products.inputGradient(dZ, batch, dX);
    return dX;
  }

  @Benchmark
  public double[] gradients() {
    products.gradients(x, dZ, batch, dX);
    return dX;
  }
}

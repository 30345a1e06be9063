package dev.lamina.bench;

import dev.lamina.activation.Activations;
import dev.lamina.init.Initializers;
import dev.lamina.layer.Dense;
import dev.lamina.random.Rng;
import dev.lamina.spec.DType;
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
 * One square Dense layer ({@code width} inputs and units, relu) on a batch: the forward pass
 * (affine + activation) and the backward pass (activation derivative, kernel and bias gradients,
 * input gradient). Time per call; divide {@code 2 * batch * width^2} (forward) or
 * {@code 4 * batch * width^2} (backward) by it for FLOP/s. Forks with the Vector API module. A
 * {@code -jvmArgsAppend} on JMH's command line replaces the one of the annotation, so repeat the
 * module in it: {@code -jvmArgsAppend "--add-modules jdk.incubator.vector -Dlamina.blas=java"}
 * for the Java kernels when OpenBLAS is installed (without the module: the plain-Java kernels).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DenseBenchmark {
  @Param({"6", "64", "256", "1024"})
  public int width;

  @Param({"32", "256"})
  public int batch;

  /** The precision of the products ({@code float64}, {@code float32}). */
  @Param({"float64", "float32"})
  public String dtype;

  private Dense dense;
  private double[] x;
  private double[] dOut;

  @Setup
  public void setUp() {
    dense = new Dense("dense", width, width, Activations.create("relu"), Initializers.create("he_uniform"),
        Initializers.create("zeros"), null, null);
    dense.initialize(1);
    dense.setDtype(DType.of(dtype, "dtype"));
    dense.allocate(batch);
    Rng rng = new Rng(2);
    x = new double[batch * width];
    dOut = new double[batch * width];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
      dOut[i] = rng.nextGaussian();
    }
    dense.forward(x, batch, true);
  }

  @Benchmark
  public double[] forward() {
    return dense.forward(x, batch, true);
  }

  @Benchmark
  public double[] backward() {
    return dense.backward(dOut, batch, true);
  }
}

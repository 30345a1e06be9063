package dev.lamina.bench;

import dev.lamina.optim.Optimizer;
import dev.lamina.optim.Optimizers;
import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import java.util.List;
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
 * One optimizer step (Keras defaults) on a 256x256 tensor with a fixed random gradient, in float64
 * and on a float32 parameter (the float32 rule and slots of {@code dtype: float32}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OptimizerBenchmark {
  private static final int SIDE = 256;

  @Param({"adam", "sgd"})
  public String optimizer;

  @Param({"float64", "float32"})
  public String dtype;

  private Optimizer opt;
  private List<Parameter> params;

  @Setup
  public void setUp() {
    Parameter p = new Parameter("dense/kernel", SIDE, SIDE);
    p.setSinglePrecision("float32".equals(dtype));
    Rng rng = new Rng(3);
    for (int i = 0; i < p.size(); i++) {
      p.value()[i] = rng.nextGaussian();
      p.grad()[i] = rng.nextGaussian() * 1e-3;
    }
    params = List.of(p);
    opt = Optimizers.create(optimizer);
    opt.build(params);
  }

  @Benchmark
  public Object step() {
    opt.step(params);
    Parameter p = params.get(0);
    return p.singlePrecision() ? p.floatValue() : p.value();
  }
}

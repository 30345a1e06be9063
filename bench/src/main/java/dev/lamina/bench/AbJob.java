package dev.lamina.bench;

import dev.lamina.model.Model;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * One timed training for {@link AbCompare}, loaded once per core build: the wide or churn-shaped
 * network on {@link WideData} rows (made once per row count), returning samples per second of
 * {@code fit}. Uses only the public API that both builds share.
 */
public final class AbJob implements IntToDoubleFunction {
  private static final int FEATURES = 11;
  private static final long SEED = 42;
  private static final boolean CPU_CLOCK = "cpu".equals(System.getProperty("ab.clock"));
  private final boolean wide = !"churn".equals(System.getProperty("ab.workload", "wide"));
  private final DType dtype;
  private Dataset data;
  /** null: the build's default; else whether the wide products may run on OpenBLAS (AbCompare --backends). */
  private final Boolean nativeProducts;

  /** Loaded reflectively by {@link AbCompare}. */
  public AbJob() {
    this(null);
  }

  /** A job whose models keep (false) or may use (true) OpenBLAS; only for builds that have it. */
  AbJob(Boolean nativeProducts) {
    this(nativeProducts, DType.of(System.getProperty("ab.dtype", "float32"), "ab.dtype"));
  }

  /** A job of this build in the given precision, the build's default products (AbCompare --dtypes). */
  AbJob(Boolean nativeProducts, DType dtype) {
    this.nativeProducts = nativeProducts;
    this.dtype = dtype;
  }

  private static DenseSpec dense(int units, String activation, String init) {
    return new DenseSpec(units, ComponentSpec.of(activation), true, ComponentSpec.of(init), null, null, null, null,
        null);
  }

  /**
   * Nanoseconds of the clock that times a fit: wall time, or with {@code -Dab.clock=cpu} the
   * processor time of this thread, which a busy machine inflates far less (only meaningful with
   * {@code -Dlamina.threads=1}, where the whole fit runs on this thread).
   */
  private static long now() {
    return CPU_CLOCK ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : System.nanoTime();
  }

  @Override
  public double applyAsDouble(int rows) {
    if (data == null || data.rows() != rows) {
      data = WideData.generate(rows, FEATURES, SEED);
    }
    int hidden = wide ? 256 : 6;
    int epochs = wide ? 1 : 10;
    ModelSpec spec = new ModelSpec("ab", SEED, List.of(dense(hidden, "relu", "he_uniform").withInputDim(FEATURES),
        dense(hidden, "relu", "he_uniform"), dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"),
            List.of(ComponentSpec.of("accuracy"))), dtype);
    Model model = Model.of(spec);
    if (nativeProducts != null) {
      model.allowNativeProducts(nativeProducts);
    }
    long t0 = now();
    model.fit(data, null, Fit.epochs(epochs).batchSize(wide ? 256 : 10));
    double seconds = (now() - t0) / 1e9;
    return (double) rows * epochs / seconds;
  }
}

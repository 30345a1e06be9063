package dev.lamina.bench;

import dev.lamina.layer.NativeGemm;
import dev.lamina.layer.Simd;
import dev.lamina.model.Model;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end harness for issue 5's two workloads, timing {@code fit} only (data loading and
 * model building are outside the clock):
 *
 * <ul>
 *   <li>{@code churn}: the article's 11-6-6-1 relu/relu/sigmoid network, he_uniform, adam, batch 10,
 *       100 epochs on the 8,000 training rows of the real churn file; also reports test accuracy.
 *   <li>{@code wide}: 1,000,000 synthetic rows of 11 features, 11-256-256-1, adam, batch 256, 1 epoch;
 *       reports samples per second.
 * </ul>
 *
 * <p>Each workload runs once to warm the JIT (reported as "cold"), then {@code --runs} times; the
 * summary lines ({@code RESULT name median min max}) are what {@code bench/run.sh} parses.
 *
 * <p>Options: {@code --runs N} (5), {@code --workload churn|wide|all} (all), {@code --rows N}
 * (1000000), {@code --dtype float64|float32} (float64), {@code --csv PATH} (../shared/datasets/Churn_Modelling.csv), {@code --export DIR}
 * (write the preprocessed data for other frameworks and exit), {@code --threads N} (sets
 * {@code lamina.threads}).
 */
public final class EndToEnd {
  private static final long SEED = 42;
  private static final long SPLIT_SEED = 7;
  private static final int WIDE_FEATURES = 11;
  /** CPU time of the training thread: steadier than wall time when other work shares the cores. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The precision of the Dense products ({@code --dtype}). */
  private static DType dtype = DType.FLOAT64;

  private EndToEnd() {}

  public static void main(String[] args) throws Exception {
    int runs = 5;
    String workload = "all";
    int rows = 1_000_000;
    Path csv = Path.of("..", "shared", "datasets", "Churn_Modelling.csv");
    Path export = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--workload" -> workload = args[++i];
        case "--rows" -> rows = Integer.parseInt(args[++i]);
        case "--csv" -> csv = Path.of(args[++i]);
        case "--export" -> export = Path.of(args[++i]);
        case "--threads" -> System.setProperty("lamina.threads", args[++i]);
        case "--dtype" -> dtype = DType.of(args[++i], "--dtype");
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; use --runs N --workload churn|wide|all --rows N --csv PATH --export DIR --threads N"
            + " --dtype float64|float32");
      }
    }
    if (export != null) {
      Files.createDirectories(export);
      ChurnCsv.load(csv, SPLIT_SEED).export(export.resolve("churn_train.csv"), export.resolve("churn_test.csv"));
      WideData.export(WideData.generate(rows, WIDE_FEATURES, SEED), export.resolve("wide_x.f64"),
          export.resolve("wide_y.f64"));
      System.out.println("exported to " + export);
      return;
    }
    System.out.printf(Locale.ROOT, "java %s, %d processors, lamina.threads=%s, dtype %s, %s%s%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        System.getProperty("lamina.threads", "default"), dtype.kerasName(), Simd.describe(),
        ", wide products: " + NativeGemm.describe());
    if (workload.equals("churn") || workload.equals("all")) {
      churn(ChurnCsv.load(csv, SPLIT_SEED), runs);
    }
    if (workload.equals("wide") || workload.equals("all")) {
      wide(WideData.generate(rows, WIDE_FEATURES, SEED), runs);
    }
  }

  private static DenseSpec dense(int units, String activation, String init) {
    return new DenseSpec(units, ComponentSpec.of(activation), true, ComponentSpec.of(init), null, null, null, null, null);
  }

  private static ModelSpec network(int inputs, int hidden, String hiddenInit) {
    return new ModelSpec("bench", SEED, List.of(dense(hidden, "relu", hiddenInit).withInputDim(inputs),
        dense(hidden, "relu", hiddenInit), dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"),
            List.of(ComponentSpec.of("accuracy"))), dtype);
  }

  private static void churn(ChurnCsv data, int runs) {
    double[] seconds = new double[runs];
    double[] cpu = new double[runs];
    double accuracy = 0;
    for (int run = -1; run < runs; run++) {
      Model model = Model.of(network(ChurnCsv.FEATURES, 6, "he_uniform"));
      long c0 = THREADS.getCurrentThreadCpuTime();
      long gc0 = collections();
      long t0 = System.nanoTime();
      model.fit(data.xTrain, data.yTrain, Fit.epochs(100).batchSize(10));
      double s = (System.nanoTime() - t0) / 1e9;
      long gcs = collections() - gc0;
      double c = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
      int[] predicted = model.predictClasses(data.xTest);
      int ok = 0;
      for (int i = 0; i < predicted.length; i++) {
        ok += predicted[i] == (int) data.yTest[i] ? 1 : 0;
      }
      accuracy = ok / (double) predicted.length;
      System.out.printf(Locale.ROOT,
          "churn %s: %.3f s (%.3f s CPU of the training thread), %d GCs, test accuracy %.4f%n",
          run < 0 ? "cold" : "run " + run, s, c, gcs, accuracy);
      if (run >= 0) {
        seconds[run] = s;
        cpu[run] = c;
      }
    }
    summary("churn_seconds", seconds);
    summary("churn_cpu_seconds", cpu);
    System.out.printf(Locale.ROOT, "RESULT churn_test_accuracy %.4f%n", accuracy);
  }

  private static void wide(Dataset data, int runs) {
    double[] rate = new double[runs];
    for (int run = -1; run < runs; run++) {
      Model model = Model.of(network(WIDE_FEATURES, 256, "he_uniform"));
      long c0 = processCpu();
      long gc0 = collections();
      long t0 = System.nanoTime();
      model.fit(data, null, Fit.epochs(1).batchSize(256));
      double s = (System.nanoTime() - t0) / 1e9;
      long gcs = collections() - gc0;
      double c = (processCpu() - c0) / 1e9;
      double r = data.rows() / s;
      System.out.printf(Locale.ROOT, "wide %s: %.3f s (%.3f s CPU of the process), %d GCs, %.0f samples/s%n",
          run < 0 ? "cold" : "run " + run, s, c, gcs, r);
      if (run >= 0) {
        rate[run] = r;
      }
    }
    summary("wide_samples_per_second", rate);
  }

  /** Garbage collections so far, all collectors: a fit that allocates nothing per batch shows 0. */
  private static long collections() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void summary(String name, double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    System.out.printf(Locale.ROOT, "RESULT %s median %.4f min %.4f max %.4f runs %d%n", name, median, v[0],
        v[n - 1], n);
  }
}

package dev.lamina.bench;

import dev.lamina.spec.DType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * Two builds of {@code lamina-core} timed side by side in one JVM: each is loaded by its own class
 * loader (with this module's classes and commons-math), both are warmed up, then they train in
 * alternating order (A B, B A, ...) and the harness prints each round's rates and the median of
 * the per-round ratios B/A.
 *
 * <p>Why: on the project's shared 2-core virtual machine, the same command's speed moves by up to
 * 1.5x from one minute to the next, so two builds measured one after the other mostly compare
 * minutes. Alternating within seconds, in one process, exposes both builds to the same minutes;
 * the median ratio of many rounds is then steady to a few percent.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp $CP dev.lamina.bench.AbCompare
 * CORE_A CORE_B [ROUNDS] [ROWS]}, where each core is a {@code core/target/classes} folder or a
 * core jar (build the other commit in a git worktree). System properties: {@code ab.workload}
 * ({@code wide}: 11-256-256-1, batch 256, one epoch; {@code churn}: 11-6-6-1, batch 10, ten
 * epochs), {@code ab.dtype} ({@code float32} or {@code float64}) and {@code ab.clock} ({@code cpu}: time
 * each fit by its thread's processor time, with {@code -Dlamina.threads=1}; default wall time).
 *
 * <p>{@code AbCompare --backends - [ROUNDS] [ROWS]} compares this build with itself: A with the
 * wide products on the Java kernels, B on OpenBLAS. {@code AbCompare --dtypes - [ROUNDS] [ROWS]}
 * compares this build with itself: A in float64, B in float32.
 */
public final class AbCompare {
  private static final String JOB = "dev.lamina.bench.AbJob";

  private AbCompare() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: AbCompare CORE_A CORE_B [ROUNDS] [ROWS]"
          + " | AbCompare --backends - [ROUNDS] [ROWS] | AbCompare --dtypes - [ROUNDS] [ROWS]");
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int rows = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
    boolean backends = "--backends".equals(args[0]);
    // --backends: this build against itself, A on the Java kernels and B with OpenBLAS (a JNI
    // library loads in one class loader only, so two builds cannot both use it).
    boolean dtypes = "--dtypes".equals(args[0]);
    IntToDoubleFunction a = backends ? new AbJob(false)
        : dtypes ? new AbJob(null, DType.FLOAT64) : load(Path.of(args[0]));
    IntToDoubleFunction b = backends ? new AbJob(true)
        : dtypes ? new AbJob(null, DType.FLOAT32) : load(Path.of(args[1]));
    compare(a, b, rounds, rows);
  }

  /** Alternates a and b (two warm-up rounds each, then {@code rounds} measured, order swapped each round). */
  private static void compare(IntToDoubleFunction a, IntToDoubleFunction b, int rounds, int rows) {
    for (int w = 0; w < 2; w++) {
      a.applyAsDouble(rows);
      b.applyAsDouble(rows);
    }
    double[] ra = new double[rounds];
    double[] rb = new double[rounds];
    double[] ratio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      if (r % 2 == 0) {
        ra[r] = a.applyAsDouble(rows);
        rb[r] = b.applyAsDouble(rows);
      } else {
        rb[r] = b.applyAsDouble(rows);
        ra[r] = a.applyAsDouble(rows);
      }
      ratio[r] = rb[r] / ra[r];
      System.out.printf(Locale.ROOT, "round %d: A %.0f  B %.0f samples/s  B/A %.3f%n", r, ra[r], rb[r], ratio[r]);
    }
    double[] interval = bootstrapMedianInterval(ratio, 0.90, 2000);
    System.out.printf(Locale.ROOT, "RESULT median A %.0f  median B %.0f  median B/A %.3f (%d rounds of %d rows)%n",
        median(ra), median(rb), median(ratio), rounds, rows);
    System.out.printf(Locale.ROOT, "RESULT B/A quartiles %.3f-%.3f, 90%% interval of the median %.3f-%.3f (bootstrap)%n",
        quantile(ratio, 0.25), quantile(ratio, 0.75), interval[0], interval[1]);
  }

  /**
   * The central {@code level} interval of the median of {@code v} over {@code resamples} bootstrap
   * resamples (fixed seed, so the same rounds give the same interval). When it contains 1, the two
   * builds are not told apart by this run: a build compared with itself here gave medians of
   * 0.99-1.06.
   */
  static double[] bootstrapMedianInterval(double[] v, double level, int resamples) {
    SplittableRandom random = new SplittableRandom(1);
    double[] medians = new double[resamples];
    double[] sample = new double[v.length];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < v.length; i++) {
        sample[i] = v[random.nextInt(v.length)];
      }
      medians[r] = median(sample);
    }
    double tail = (1 - level) / 2;
    return new double[] {quantile(medians, tail), quantile(medians, 1 - tail)};
  }

  /** The {@code q} quantile of {@code v} (nearest rank). */
  static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    int k = (int) Math.ceil(q * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, k))];
  }

  /** A fresh class loader over one core build, this module's classes and core's dependencies. */
  private static IntToDoubleFunction load(Path core) throws Exception {
    if (!Files.exists(core)) {
      throw new IllegalArgumentException("no core build at " + core);
    }
    List<URL> urls = new ArrayList<>();
    urls.add(Path.of(AbCompare.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL());
    urls.add(core.toUri().toURL());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      // core's run-time dependencies (a JNI library loads in one class loader only: the native
      // products can be on in one of the two builds, not both).
      if (entry.contains("commons-math3") || entry.contains("netlib") || entry.contains("arpack")
          || entry.contains("/jna-")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    // The platform loader as parent: neither core nor the job may come from this JVM's class path.
    ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    return (IntToDoubleFunction) loader.loadClass(JOB).getConstructor().newInstance();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}

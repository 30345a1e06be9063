package dev.lamina.layer;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The matrix products of wide Dense layers (16 or more inputs and units) on the machine's OpenBLAS
 * ({@code sgemm} for {@link dev.lamina.spec.DType#FLOAT32}; {@code dgemm} for float64 products
 * where {@link ProductBackends} picks it: on machines whose Vector API kernels run 256-bit
 * vectors). Debian's {@code libopenblas0-pthread} trained the wide benchmark 1.25x (float32) and
 * 1.7x (float64) as fast as the Vector API kernels on the fifth session's AVX2 machine, and float64
 * 1.36-1.39x on the twelfth's (alternating in one JVM, docs/BENCHMARKS.md), because it packs its
 * operands into cache-sized panels and its hand-written kernels issue fewer instructions per
 * multiply-add; on the AVX-512 machine the Java kernels were ahead in float64.
 *
 * <p>Loaded once, when the first layer that would use it asks: the machine's installed
 * {@code libopenblas.so.0} (Debian's {@code libopenblas0-pthread}) when there is one, else the
 * build {@code builder.jar} carries ({@link BundledOpenBlas}: JavaCPP's, the same OpenBLAS 0.3.21,
 * so the same bits on one machine), so that a fresh machine following the README gets it too. The
 * system property {@value #PROPERTY} chooses: {@code system} (installed only), {@code bundled}
 * (bundled only), {@code java} (neither). The library is opened through netlib's JNI wrapper
 * ({@code dev.ludovic.netlib:blas}, the one Spark MLlib uses: it passes Java arrays without
 * copying them) and set to one thread with {@code openblas_set_num_threads(1)} (through JNA),
 * because Lamina's own pool splits every product: OpenBLAS's threads would fight it for the two
 * cores (measured: 107,000 against 148,000 samples/s for the Java kernels), and a result would
 * depend on OpenBLAS's thread count. Callers split a product into blocks whose bounds depend only
 * on its size ({@link #blockBound}), so results are bit-identical for every
 * {@code lamina.threads}.
 *
 * <p>Not available (and the Java kernels run instead) when neither library loads (the installed
 * one must be OpenBLAS's pthreads build; the bundled one needs linux-x86_64 and its resources on
 * the class path), or the system property {@value #PROPERTY} is {@code java}. Results differ from the
 * Java kernels' in the last bits (OpenBLAS adds in another order: in double, by about 1e-15
 * relative), and may differ between OpenBLAS builds; on one machine a seeded run stays bit-for-bit
 * repeatable.
 *
 * <p>OpenBLAS's thread count is process-wide: code in the same process that also calls OpenBLAS
 * (Spark MLlib through netlib) then runs it single-threaded too, which is what Spark's tuning guide
 * recommends for executors anyway.
 */
public final class NativeGemm {
  /**
   * System property: {@code java} keeps the Java kernels even where OpenBLAS is available;
   * {@code system} or {@code bundled} takes only that library; unset, the installed one, else the bundled one.
   */
  public static final String PROPERTY = "lamina.blas";
  /** The library opened: OpenBLAS's own soname, not the {@code libblas.so.3} alternative (which may be another BLAS). */
  static final String LIBRARY = "libopenblas.so.0";
  /** Rows per block of a split product are about this many (fewer blocks for smaller products). */
  static final int BLOCK_ROWS = 64;

  private NativeGemm() {}

  /**
   * Whether the products of wide float64 Dense layers (16+ inputs and units) run on OpenBLAS where
   * it is installed and allowed: {@link ProductBackends}'s rule, by the machine's vector width.
   * (Wide float32 layers always do.)
   */
  public static boolean runsFloat64Products() {
    return available() && ProductBackends.of(MatMul.WIDE_COLUMNS, MatMul.WIDE_COLUMNS).anyOnOpenBlas();
  }

  /** Whether products can run on OpenBLAS in this process. */
  public static boolean available() {
    return Holder.BLAS != null;
  }

  /**
   * Which OpenBLAS runs the products: {@code "installed"} (the machine's {@code libopenblas.so.0}),
   * {@code "bundled"} (the one builder.jar carries, {@link BundledOpenBlas}), or {@code ""} when
   * none does.
   */
  public static String source() {
    return Holder.SOURCE;
  }

  /** What {@link #available} found, for logs and benchmark reports. */
  public static String describe() {
    return Holder.DESCRIPTION;
  }

  /**
   * Row-major {@code c = a . b} for {@code m} rows and {@code n} columns over {@code k}: a(i, l) is
   * {@code a[aOff + i lda + l]}, b(l, j) is {@code b[l ldb + j]}, c(i, j) is
   * {@code c[cOff + i ldc + j]}. Overwrites c, or adds to it when {@code accumulate} (a Dense
   * layer starts from its bias).
   */
  static void times(float[] a, int aOff, int lda, float[] b, int ldb, float[] c, int cOff, int ldc, int m, int n,
      int k, boolean accumulate) {
    // Row-major c = a b is column-major c^T = b^T a^T: the same arrays, operands swapped.
    Holder.BLAS.sgemm("N", "N", n, m, k, 1f, b, 0, ldb, a, aOff, lda, accumulate ? 1f : 0f, c, cOff, ldc);
  }

  /**
   * Row-major {@code c = a^T . b} for rows {@code [i0, i0 + m)} of c: a is stored (k, ...) with
   * row length {@code lda}, so c(i, j) is the sum over l of {@code a[l lda + i] b[l ldb + j]}; c(i, j)
   * is {@code c[i ldc + j]}. Overwrites those rows of c.
   */
  static void transposeATimes(float[] a, int lda, float[] b, int ldb, float[] c, int ldc, int i0, int m, int n, int k) {
    Holder.BLAS.sgemm("N", "T", n, m, k, 1f, b, 0, ldb, a, i0, lda, 0f, c, i0 * ldc, ldc);
  }

  /**
   * Row-major {@code c = a . b^T} for {@code m} rows: b is stored (n, k) with row length
   * {@code ldb}, so c(i, j) is the sum over l of {@code a[aOff + i lda + l] b[j ldb + l]}.
   * Overwrites c.
   */
  static void timesBTranspose(float[] a, int aOff, int lda, float[] b, int ldb, float[] c, int cOff, int ldc, int m,
      int n, int k) {
    Holder.BLAS.sgemm("T", "N", n, m, k, 1f, b, 0, ldb, a, aOff, lda, 0f, c, cOff, ldc);
  }

  /**
   * Double-precision {@link #times(float[], int, int, float[], int, float[], int, int, int, int, int, boolean)}:
   * {@code c = a . b}, or {@code c += a . b} when {@code accumulate} (a Dense layer starts from its
   * bias).
   */
  static void times(double[] a, int aOff, int lda, double[] b, int ldb, double[] c, int cOff, int ldc, int m, int n,
      int k, boolean accumulate) {
    Holder.BLAS.dgemm("N", "N", n, m, k, 1.0, b, 0, ldb, a, aOff, lda, accumulate ? 1.0 : 0.0, c, cOff, ldc);
  }

  /**
   * Double-precision {@code c = a^T . b}, all m rows of c in one call: a is stored (k, m) row-major,
   * b (k, n), c (m, n). One call, because netlib's bounds check takes a transposed operand's last
   * column as a whole row long, so a block starting at a column offset fails on a buffer that is
   * exactly k rows long (the input of a layer is another layer's output buffer).
   */
  static void transposeATimes(double[] a, double[] b, double[] c, int m, int n, int k) {
    Holder.BLAS.dgemm("N", "T", n, m, k, 1.0, b, 0, n, a, 0, m, 0.0, c, 0, n);
  }

  /** Double-precision {@link #timesBTranspose(float[], int, int, float[], int, float[], int, int, int, int, int)}. */
  static void timesBTranspose(double[] a, int aOff, int lda, double[] b, int ldb, double[] c, int cOff, int ldc, int m,
      int n, int k) {
    Holder.BLAS.dgemm("T", "N", n, m, k, 1.0, b, 0, ldb, a, aOff, lda, 0.0, c, cOff, ldc);
  }

  /** How many blocks a product of {@code n} result rows is split into: a function of n alone. */
  static int blocks(int n) {
    return Math.max(1, Math.min(4, n / BLOCK_ROWS));
  }

  /** The first row of block {@code c} of {@link #blocks}{@code (n)}: multiples of four (the kernels' row tile), n at the end. */
  static int blockBound(int n, int c) {
    int b = blocks(n);
    if (c >= b) {
      return n;
    }
    return (int) (((long) n * c / b) & ~3L);
  }

  private static final class Holder {
    /**
     * JNA's options for opening OpenBLAS: {@code RTLD_LAZY} without {@code RTLD_GLOBAL} (JNA's
     * default adds it), so its symbols never resolve another library's references.
     */
    private static final Map<String, Object> LOCAL = Map.of(Library.OPTION_OPEN_FLAGS, 1);

    static final BLAS BLAS;
    static final String DESCRIPTION;
    static final String SOURCE;

    static {
      Opened opened = load(System.getProperty(PROPERTY, "").toLowerCase(Locale.ROOT));
      BLAS = opened.blas();
      DESCRIPTION = opened.description();
      SOURCE = opened.source();
    }

    /** What {@link #load} found: the wrapper (null when none), its description and its source ("" when none). */
    private record Opened(BLAS blas, String description, String source) {}

    /** Opens the library that {@code mode} (the value of {@value #PROPERTY}) asks for, as the class Javadoc says. */
    private static Opened load(String mode) {
      if (mode.equals("java")) {
        return new Opened(null, "off (" + PROPERTY + "=java)", "");
      }
      List<String> failures = new ArrayList<>();
      if (!mode.equals("bundled")) {
        NativeLibrary installed = null;
        try {
          installed = NativeLibrary.getInstance(LIBRARY, LOCAL);
          return open(installed, null, "installed");
        } catch (LinkageError | RuntimeException e) {
          failures.add("installed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        // Not beside an installed OpenBLAS that failed the checks: two copies of OpenBLAS in one
        // process can bind each other's internal symbols (seen: sgemm_ crashed in a JVM that had
        // loaded both), so the bundled one is loaded only where none is installed.
        if (installed != null) {
          return notFound(failures);
        }
      }
      if (!mode.equals("system")) {
        ClassLoader loader = NativeGemm.class.getClassLoader();
        if (!BundledOpenBlas.present(loader)) {
          failures.add("bundled: not on the class path (org.bytedeco:openblas:linux-x86_64)");
        } else {
          Path dir = null;
          try {
            dir = BundledOpenBlas.extract(loader).orElseThrow();
            Path library = BundledOpenBlas.library(dir);
            return open(NativeLibrary.getInstance(library.toString(), LOCAL), library, "bundled");
          } catch (LinkageError | RuntimeException e) {
            failures.add("bundled: " + e.getClass().getSimpleName() + ": " + e.getMessage());
          } finally {
            if (dir != null) {
              BundledOpenBlas.delete(dir);
            }
          }
        }
      }
      return notFound(failures);
    }

    private static Opened notFound(List<String> failures) {
      return new Opened(null, "not found (" + String.join("; ", failures) + ")", "");
    }

    /**
     * Checks and sets up the library {@code lib} opened from {@code file} (null: the installed one,
     * by its soname) and wraps it with netlib.
     */
    private static Opened open(NativeLibrary lib, Path file, String source) {
      check(lib);
      BLAS blas = netlib(file);
      return new Opened(blas, "OpenBLAS (" + config(lib) + "), " + source + ", one thread per call", source);
    }

    /** Sets the library opened to one thread; fails unless it is OpenBLAS's pthreads build. */
    private static void check(NativeLibrary lib) {
      // The pthreads build only: an OpenMP build takes its thread count from each calling thread
      // (so the pool's worker would run OpenBLAS on two threads again), and a single-threaded build
      // may share buffers between concurrent calls.
      int parallel = lib.getFunction("openblas_get_parallel").invokeInt(new Object[0]);
      if (parallel != 1) {
        throw new IllegalStateException("the " + (parallel == 2 ? "OpenMP" : "single-threaded")
            + " build of OpenBLAS is installed; Lamina uses the pthreads one (libopenblas0-pthread)");
      }
      Function set = lib.getFunction("openblas_set_num_threads");
      Function get = lib.getFunction("openblas_get_num_threads");
      set.invokeVoid(new Object[] {1});
      if (get.invokeInt(new Object[0]) != 1) {
        throw new IllegalStateException("OpenBLAS did not take one thread");
      }
    }

    /**
     * netlib's JNI wrapper over the library opened: the installed one by its soname ({@code file}
     * null) unless the user named another in netlib's own properties, else the file given.
     */
    private static BLAS netlib(Path file) {
      if (file != null) {
        System.setProperty("dev.ludovic.netlib.blas.nativeLibPath", file.toString());
      } else if (System.getProperty("dev.ludovic.netlib.blas.nativeLib") == null
          && System.getProperty("dev.ludovic.netlib.blas.nativeLibPath") == null) {
        System.setProperty("dev.ludovic.netlib.blas.nativeLib", LIBRARY);
      }
      // netlib logs a warning for each backend it cannot load (its pure-Java ones need flags we
      // do not use); only the JNI one matters here, and its failure is reported by describe().
      Logger quiet = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");
      Level level = quiet.getLevel();
      quiet.setLevel(Level.OFF);
      try {
        return NativeBLAS.getInstance();
      } finally {
        quiet.setLevel(level);
      }
    }

    private static String config(NativeLibrary lib) {
      try {
        return lib.getFunction("openblas_get_config").invokeString(new Object[0], false);
      } catch (RuntimeException | LinkageError e) {
        return lib.getName();
      }
    }
  }
}

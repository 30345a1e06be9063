package dev.lamina.cli;

import dev.lamina.run.TrainingWarmUp;
import dev.lamina.runspec.RunSpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.management.ObjectName;

/**
 * In the command line's own JVM, and for a small data file only, asks HotSpot to keep its
 * optimizing compiler (C2) for the training engine and to compile everything else with C1 alone.
 *
 * <p>Why: a run on a small file does almost everything once - read the YAML and the CSV, build the
 * model, draw four plots, encode PNGs, write JSON. HotSpot still sends every method that gets hot
 * in that one pass (the CSV tokenizer, {@code HashMap}, Java2D's rasterizer, the PNG filter loop,
 * XChart's number formatting) to C2, which on a two-core machine costs more CPU than the one pass
 * it speeds up, while the method waits in slow profiling code. Measured on the churn example:
 * the whole run takes about a second less (see {@code -XX:TieredStopAtLevel=1}, which does this for
 * everything, but cannot be set from a jar). The training engine ({@code dev.lamina} core
 * packages) keeps C2, so long trainings run at full speed; a large file (above
 * {@value #MAX_SMALL_BYTES} bytes) is left alone, so reading millions of rows keeps C2 as well.
 *
 * <p>How: the supported {@code Compiler.directives_add} diagnostic command (what {@code jcmd}
 * runs) on a daemon thread, through its own entry point where {@code builder.jar}'s manifest
 * opens it, else through the platform MBean server (whose start-up costs about a third of a second
 * of CPU, overlapping with the run). Directives only choose compilers; they never
 * change what the code computes. Anything that fails (no {@code java.management} module, no
 * temporary folder, a JVM without the command) leaves the JVM as it was.
 */
final class OneShotCompilation {
  /** Data files up to this size (about 100,000 rows of a dozen columns) count as small. */
  static final long MAX_SMALL_BYTES = 8L << 20;

  /** The training engine's packages, which keep C2; everything else is compiled by C1 alone. */
  static final String ENGINE = "[\"dev/lamina/layer/*.*\", \"dev/lamina/optim/*.*\", \"dev/lamina/parallel/*.*\","
      + " \"dev/lamina/model/*.*\", \"dev/lamina/activation/*.*\", \"dev/lamina/loss/*.*\", \"dev/lamina/metric/*.*\","
      + " \"dev/lamina/train/*.*\", \"jdk/incubator/vector/*.*\", \"jdk/internal/vm/vector/*.*\"]";

  /**
   * For a narrow network: the methods C2 compiles each on its own instead of inlining them into
   * their callers. With tiny batches a step is a deep tree of small calls (the batch, the network,
   * each layer, its products, the optimizer), and C2 inlines the whole tree into the batch method:
   * measured on the churn example, that one compilation took 0.74 s of the compiler thread, longer
   * than the training, which ran on C1's code meanwhile; each layer's backward pass was compiled
   * twice (into the last layer's and into the network's). Compiled separately, the same code is
   * ready sooner for a little over half the compiler time, and a warm step is as fast
   * (docs/BENCHMARKS.md, "Ninth session").
   */
  static final String SEPARATE = "[\"-dev/lamina/model/Network.*\", \"-dev/lamina/model/LossHead.*\","
      + " \"-dev/lamina/optim/Optimizer.step\", \"-dev/lamina/layer/Dense.*\"]";

  /** First match wins: C2 for the engine (compiling {@link #SEPARATE} apart for a narrow network), C1 only for the rest. */
  static String directives(boolean narrow) {
    return directives(ENGINE, narrow ? SEPARATE : null);
  }

  /**
   * Directives that leave C2 to the methods {@code match} (a JSON list of patterns), with
   * {@code inline} (a list, or null) for their inlining, and give every other method to C1 alone.
   */
  static String directives(String match, String inline) {
    return "[ { match: " + match + ", c2: { Exclude: false" + (inline != null ? ", inline: " + inline : "") + " } },"
        + " { match: [\"*.*\"], c2: { Exclude: true } } ]";
  }

  /**
   * Writes {@code directives} to a new file in the temporary folder, named by this process and the
   * clock (not Files.createTempFile: its SecureRandom costs a cold JVM about 20 classes and a
   * seeding), and returns it; the caller deletes it.
   */
  static Path writeDirectives(String directives) throws IOException {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "lamina-jit-" + ProcessHandle.current().pid() + "-"
        + System.nanoTime() + ".json");
    Files.writeString(file, directives, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return file;
  }

  /** The JDK package of the diagnostic command's implementation, opened by builder.jar's manifest. */
  static final String INTERNAL = "com.sun.management.internal";

  private static volatile boolean commandLineProcess;

  private OneShotCompilation() {}

  /** Marks this JVM as the command line's own (called by {@code Main.main}, never by tests or libraries). */
  static void allowInThisProcess() {
    commandLineProcess = true;
  }

  /**
   * Starts adding the directives in the background if this is the command line's JVM and the run's
   * data file is small.
   *
   * @param dataOption the {@code --data} file, or null
   */
  static void startIfSmall(RunSpec spec, Path specFile, Path dataOption) {
    // A short narrow training's JVM got its compilers on its command line (KernelCompilation):
    // directives added now would take precedence over those.
    if (!commandLineProcess || Boolean.getBoolean(TrainingWarmUp.SHORT_NARROW_PROPERTY)) {
      return;
    }
    commandLineProcess = false; // once per process
    try {
      Path csv = dataOption;
      if (csv == null && spec.data() != null && spec.data().csv() != null) {
        csv = specFile.toAbsolutePath().getParent().resolve(spec.data().csv());
      }
      if (csv == null || !Files.isRegularFile(csv) || Files.size(csv) > MAX_SMALL_BYTES) {
        return;
      }
    } catch (Exception e) {
      return; // the run reports a bad path itself
    }
    String directives = directives(!VectorRelaunch.hasWideLayer(spec.model()));
    Thread t = new Thread(() -> add(directives), "lamina-jit-directives");
    t.setDaemon(true);
    t.start();
  }

  private static void add(String directives) {
    try {
      Path file = writeDirectives(directives);
      try {
        if (!addDirectly(file)) {
          ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
              "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}},
              new String[] {String[].class.getName()});
        }
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (Exception | LinkageError e) {
      // Only a speed-up: without it the run is the same, a little slower.
    }
  }

  /**
   * Runs {@code Compiler.directives_add} through the diagnostic command's own entry point, without
   * the platform MBean server, and says whether it could. {@code builder.jar}'s manifest opens
   * {@value #INTERNAL} ({@code Add-Opens}, which {@code java -jar} reads); elsewhere (tests, a
   * class path) the package is closed and the MBean server is used. Why: the server registers
   * every platform MBean first (memory pools, threads, Flight Recorder: about 200 classes); on
   * the churn example that took the directives' thread about 0.1 s of CPU, during which C2 went
   * on compiling start-up code the directives leave to C1.
   */
  static boolean addDirectly(Path file) {
    if (file.toString().chars().anyMatch(Character::isWhitespace)) {
      return false; // the command line of a diagnostic command splits at spaces
    }
    try {
      Class.forName(INTERNAL + ".PlatformMBeanProviderImpl"); // its initialization loads the command's native library
      Class<?> impl = Class.forName(INTERNAL + ".DiagnosticCommandImpl");
      Method get = impl.getDeclaredMethod("getDiagnosticCommandMBean");
      get.setAccessible(true);
      Object command = get.invoke(null);
      Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
      execute.setAccessible(true);
      execute.invoke(command, "Compiler.directives_add " + file);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }
}

package dev.lamina.cli;

import dev.lamina.layer.Simd;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs a training whose spec has wide layers in a second JVM that has the JDK's Vector API, when
 * this one was started without it: {@code java -jar builder.jar wide.yaml} then trains on the
 * vector kernels ({@link Simd}) as if the user had typed {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Why: the Vector API is an incubator module that Java resolves only when asked on the command
 * line or in {@code JDK_JAVA_OPTIONS}, and a jar's manifest cannot ask for it. The vector kernels
 * train the wide benchmark (11-256-256-1) about 2.7x as fast as the plain-Java ones; the first JVM
 * costs about 0.7 s of processor time (docs/BENCHMARKS.md, "Issue 21", has both). Narrow specs (every Dense
 * layer under {@link Simd#MIN_UNITS} units, such as the article's churn model) never relaunch:
 * their products do not use vectors and the second start would only cost time.
 *
 * <p>The second JVM gets this one's command line (JVM options, {@code -jar builder.jar}, the
 * arguments) with the module added, its standard input and output, and its standard error less
 * the JVM's one-line incubator warning; this JVM waits and exits with its code. Never relaunched:
 * when the JVM already has the module, when the JDK has none, when the command line cannot be
 * read back ({@link ProcessHandle.Info}), in the relaunched JVM itself (environment variable
 * {@value #MARKER}), and with {@code -Dlamina.relaunch=false}.
 */
final class VectorRelaunch {
  /** System property: {@code false} trains in the first JVM, without the vector kernels. */
  static final String PROPERTY = "lamina.relaunch";
  /** Set in the second JVM's environment (to the first JVM's process id), so it never relaunches again. */
  static final String MARKER = "LAMINA_RELAUNCHED";
  /** The second JVM's exit code when the first one is gone: that of a process killed by SIGKILL. */
  static final int LAUNCHER_GONE = 128 + 9;
  private static final String MODULE = "jdk.incubator.vector";
  /** The line the JVM prints on standard error when it resolves an incubator module. */
  private static final String WARNING = "WARNING: Using incubator modules: " + MODULE;

  private VectorRelaunch() {}

  /**
   * Runs {@code args} in a second JVM with the Vector API when that pays, and returns its exit code;
   * -1 when this JVM should run the command itself.
   */
  static int runIfWide(String[] args) {
    if (allowed() && !Simd.enabled() && ModuleFinder.ofSystem().find(MODULE).isPresent()) {
      Optional<List<String>> command = relaunchCommand(args);
      if (command.isPresent()) {
        try {
          return run(command.get(), true);
        } catch (IOException e) {
          return -1; // could not start the second JVM: train here, on the plain kernels
        }
      }
    }
    return -1;
  }

  /**
   * Whether this JVM may start a second one for the run: not with {@code -Dlamina.relaunch=false},
   * and not when it is the second JVM itself.
   */
  static boolean allowed() {
    return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "")) && System.getenv(MARKER) == null;
  }

  /**
   * In the second JVM: ends it as soon as the first one is gone. A {@code kill -9} of the command
   * the user started never runs the first JVM's shutdown hook (which stops the second one), and
   * without this the training would go on in the background, writing into the run folder. Files
   * are written atomically, so stopping between two writes leaves none half-written.
   */
  static void stopWithLauncher() {
    String launcher = System.getenv(MARKER);
    if (launcher == null) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(launcher);
    } catch (NumberFormatException e) {
      return; // set by hand to keep a JVM from relaunching: no launcher to follow
    }
    Optional<ProcessHandle> first = ProcessHandle.of(pid);
    if (first.isEmpty()) {
      System.exit(LAUNCHER_GONE);
    }
    first.get().onExit().thenRun(() -> System.exit(LAUNCHER_GONE));
  }

  /** This process's command line with the module added, when {@code args} train a wide spec. */
  private static Optional<List<String>> relaunchCommand(String[] args) {
    Path spec = trainedSpec(args);
    if (spec == null || !hasWideLayer(spec)) {
      return Optional.empty();
    }
    ProcessHandle.Info info = ProcessHandle.current().info();
    if (info.command().isEmpty() || info.arguments().isEmpty()) {
      return Optional.empty();
    }
    return withModule(info.command().get(), info.arguments().get(), args);
  }

  /**
   * {@code java} followed by {@code --add-modules jdk.incubator.vector} and this JVM's own
   * arguments {@code own} (its options, then the program and its {@code args}); empty when
   * {@code own} does not end with {@code args} (the command line was not read back whole).
   */
  static Optional<List<String>> withModule(String java, String[] own, String[] args) {
    return withOptions(java, List.of("--add-modules", MODULE), own, args);
  }

  /**
   * {@code java} followed by {@code options} and this JVM's own arguments {@code own} (its options,
   * then the program and its {@code args}), so an option the user gave wins over one of ours;
   * empty when {@code own} does not end with {@code args} (the command line was not read back whole).
   */
  static Optional<List<String>> withOptions(String java, List<String> options, String[] own, String[] args) {
    if (own.length < args.length
        || !Arrays.equals(Arrays.copyOfRange(own, own.length - args.length, own.length), args)) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(options);
    command.addAll(Arrays.asList(own));
    return Optional.of(command);
  }

  /** The spec file of a training command line ({@code spec.yaml ...} or {@code train spec.yaml ...}), or null. */
  static Path trainedSpec(String[] args) {
    String[] train = args.length > 0 && "train".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
    TrainCommand quick = QuickTrain.parse(train);
    return quick == null || !Files.isRegularFile(quick.specFile) ? null : quick.specFile;
  }

  /** Whether the spec has a Dense layer of at least {@link Simd#MIN_UNITS} units; false when it cannot be read. */
  static boolean hasWideLayer(Path spec) {
    try {
      return hasWideLayer(SpecFiles.read(spec).spec().model());
    } catch (RuntimeException e) {
      // The training in this JVM reports the spec's errors with their file:line:column.
      return false;
    }
  }

  /** Whether {@code model} has a Dense layer of at least {@link Simd#MIN_UNITS} units. */
  static boolean hasWideLayer(ModelSpec model) {
    for (LayerSpec l : model.layers()) {
      if (l instanceof DenseSpec d && d.units() >= Simd.MIN_UNITS) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code command} as the second JVM (marked with {@value #MARKER}) on this one's standard
   * input and output, and returns its exit code; its standard error is copied less the Vector API's
   * incubator warning when {@code filterWarning}, else passed through. The second JVM is stopped
   * when this one is (a shutdown hook).
   */
  static int run(List<String> command, boolean filterWarning) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put(MARKER, Long.toString(ProcessHandle.current().pid()));
    pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
    pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
    if (!filterWarning) {
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    }
    Process child = pb.start();
    Thread stop = new Thread(child::destroy, "lamina-relaunch-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    if (filterWarning) {
      copyErrors(child, System.err);
    }
    try {
      int code = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(stop);
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.SOFTWARE; // the shutdown hook stops the second JVM
    }
  }

  /** Copies the child's standard error to {@code err} line by line, without the incubator warning. */
  private static void copyErrors(Process child, PrintStream err) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.equals(WARNING)) {
          err.println(line);
        }
      }
    }
  }
}

package dev.lamina.cli;

import dev.lamina.run.HeapLimit;
import dev.lamina.run.TrainingWarmUp;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code builder.jar}: {@code java -jar builder.jar model.yaml} trains; {@code predict},
 * {@code summary}, {@code validate}, {@code inspect}, {@code sweep}, {@code tune}, {@code import}, {@code export},
 * {@code serve} and {@code docs} are subcommands. The only class that calls
 * {@code System.exit}. Exit codes: see {@link ExitCode}.
 */
@Command(name = "builder.jar", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Build, train and compare dense neural networks from a Keras-style YAML spec.", ""},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  success", "  1  unexpected internal error (run again with --debug and report it)",
        "  2  invalid spec or command line", "  3  invalid data (CSV or model file)", "",
        "Examples:", "  java -jar builder.jar examples/churn/model.yaml",
        "  java -jar builder.jar predict examples/churn/runs/churn-he-uniform new.csv",
        "  java -jar builder.jar import churn.keras --out churn-imported"})
public final class Main implements Runnable {
  /**
   * Every command of {@code builder.jar}, in the order of the usage help: the one registration that
   * the command line, its documentation (docs/CLI.md) and the tests read.
   */
  static final List<Class<?>> COMMANDS = List.of(TrainCommand.class, PredictCommand.class, SummaryCommand.class,
      ValidateCommand.class, InspectCommand.class, SweepCommand.class, TuneCommand.class, ImportCommand.class,
      ExportCommand.class, ServeCommand.class, DocsCommand.class);

  /**
   * The names of {@link #COMMANDS}, read from their annotations (no picocli model is built) on first
   * use: parsing eleven classes' annotations costs a cold JVM about 30 ms, and a spec path never
   * needs them (see {@link #isCommand}).
   */
  static Set<String> names() {
    return Names.ALL;
  }

  private static final class Names {
    static final Set<String> ALL = read();

    private static Set<String> read() {
      // A loop, not a stream: streams cost a cold JVM about 50 classes.
      Set<String> names = new java.util.HashSet<>();
      for (Class<?> c : COMMANDS) {
        names.add(c.getAnnotation(Command.class).name());
      }
      return Set.copyOf(names);
    }
  }

  /**
   * Whether {@code arg} names a command. Command names are lowercase words ({@code CommandsTest}
   * checks), so an argument with any other character, such as a spec path
   * ({@code examples/churn/model.yaml}), is not one, and the names are not read for it.
   */
  static boolean isCommand(String arg) {
    for (int i = 0; i < arg.length(); i++) {
      if (arg.charAt(i) < 'a' || arg.charAt(i) > 'z') {
        return false;
      }
    }
    return names().contains(arg);
  }

  /** The command line of {@code builder.jar} with every command of {@link #COMMANDS}. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    for (Class<?> c : COMMANDS) {
      cli.addSubcommand(c);
    }
    return cli;
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec self;

  @Override
  public void run() {
    self.commandLine().usage(self.commandLine().getOut());
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // A narrow training runs in a JVM that maps builder.jsa, a wide one in a JVM with the Vector API.
    int relaunched = SharedArchive.runIfArchived(args);
    if (relaunched < 0) {
      relaunched = VectorRelaunch.runIfWide(args);
    }
    if (relaunched >= 0) {
      System.exit(relaunched);
    }
    VectorRelaunch.stopWithLauncher();
    OneShotCompilation.allowInThisProcess();
    TrainingWarmUp.allowInThisProcess();
    // jhdf logs through SLF4J; without a provider SLF4J prints a three-line warning on stderr. The
    // command line has no logging, so select SLF4J's own no-op provider unless the user chose one.
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = execute(args, out, err);
    // Autoflush covers println only: a command that ends with print (summary) would lose its output.
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line in-process and returns the exit code (used by tests). A first argument
   * that is neither an option nor a command name is a spec to train: the line is read by
   * {@link QuickTrain} from the train command's own annotations when it is plain, else by picocli
   * with the {@code train} command alone (building the model of every command costs a cold JVM a
   * noticeable part of a short run).
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean implied = args.length > 0 && !args[0].startsWith("-") && !isCommand(args[0]);
    if (implied) {
      TrainCommand quick = QuickTrain.parse(args);
      if (quick != null) {
        return runQuick(quick, out, err);
      }
    }
    return run(implied ? new CommandLine(new TrainCommand()).setCommandName("builder.jar") : commandLine(), args, out, err);
  }

  /**
   * Runs {@code command} (a picocli command object of another entry point, such as the Spark
   * module's {@code SparkSweep}) on {@code args} with the command line's error handling: one line
   * per error on {@code err}, the exit codes of {@link ExitCode}, the stack trace with
   * {@code --debug}.
   */
  public static int executeCommand(Object command, String[] args, PrintWriter out, PrintWriter err) {
    return run(new CommandLine(command), args, out, err);
  }

  private static int run(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorReporter(Arrays.asList(args).contains(DebugOption.NAME)));
    cli.setParameterExceptionHandler((ex, a) -> {
      // One line, as every other error: the message, picocli's suggestions, and where help is.
      List<String> hints = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getSuggestions() : List.of();
      err.println("error: " + ex.getMessage() + (hints.isEmpty() ? "" : "; did you mean " + String.join(", ", hints)
          + "?") + " (run with --help for usage)");
      return ExitCode.USAGE;
    });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      return outOfMemory(err);
    }
  }

  /** The train command {@link QuickTrain} read, run as picocli would run it, with the same handlers. */
  private static int runQuick(TrainCommand command, PrintWriter out, PrintWriter err) {
    try {
      return command.run(out);
    } catch (OutOfMemoryError e) {
      return outOfMemory(err);
    } catch (Exception e) {
      return new ErrorReporter(command.debug.debug).report(e, err);
    }
  }

  /**
   * Not a bug to report but a limit to raise: say so in one line, with the heap in force. The spec's
   * own network was checked against the heap before anything was allocated, so what did not fit is
   * the data (exit code 3).
   */
  private static int outOfMemory(PrintWriter err) {
    err.println("error: Java ran out of memory (heap limit " + HeapLimit.describe(HeapLimit.maxBytes())
        + ") while holding the data; give it more, e.g. java " + HeapLimit.flag(0)
        + " -jar builder.jar ..., or use fewer rows or columns");
    return ExitCode.DATA;
  }
}

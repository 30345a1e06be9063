package dev.lamina.cli;

import java.io.PrintWriter;
import java.util.Arrays;
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
    subcommands = {TrainCommand.class, PredictCommand.class, SummaryCommand.class, ValidateCommand.class,
        InspectCommand.class, SweepCommand.class, TuneCommand.class, ImportCommand.class, ExportCommand.class,
        ServeCommand.class, DocsCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  success", "  1  unexpected internal error (run again with --debug and report it)",
        "  2  invalid spec or command line", "  3  invalid data (CSV or model file)", "",
        "Examples:", "  java -jar builder.jar examples/churn/model.yaml",
        "  java -jar builder.jar predict examples/churn/runs/churn-he-uniform new.csv",
        "  java -jar builder.jar import churn.keras --out churn-imported"})
public final class Main implements Runnable {
  private static final Set<String> COMMANDS = Set.of("train", "predict", "summary", "validate", "inspect", "sweep", "tune",
      "import", "export", "serve", "docs", "help");

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    int relaunched = VectorRelaunch.runIfWide(args);
    if (relaunched >= 0) {
      System.exit(relaunched);
    }
    OneShotCompilation.allowInThisProcess();
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

  /** Runs the command line in-process and returns the exit code (used by tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    String[] effective = args;
    if (args.length > 0 && !args[0].startsWith("-") && !COMMANDS.contains(args[0])) {
      TrainCommand quick = QuickTrain.parse(args);
      if (quick != null) {
        return runQuick(quick, out, err);
      }
      effective = new String[args.length + 1];
      effective[0] = "train";
      System.arraycopy(args, 0, effective, 1, args.length);
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorReporter(Arrays.asList(args).contains("--debug")));
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("error: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Run with --help for usage.");
      return ExitCode.USAGE;
    });
    try {
      return cli.execute(effective);
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
      return new ErrorReporter(command.debug).report(e, err);
    }
  }

  /** Not a bug to report but a limit to raise: say so in one line, with the heap in force. */
  private static int outOfMemory(PrintWriter err) {
    err.println("error: Java ran out of memory (heap limit " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MB); give it more, e.g. java -Xmx4g -jar builder.jar ..., or train on fewer rows");
    return ExitCode.SOFTWARE;
  }
}

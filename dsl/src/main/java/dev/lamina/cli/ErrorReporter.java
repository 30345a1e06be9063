package dev.lamina.cli;

import dev.lamina.persist.ModelFileException;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataException;
import dev.lamina.train.TrainingDivergedException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and its exit code; the stack trace only with
 * {@code --debug}. Spec errors arrive already located (file:line:column) by the commands.
 *
 * <p>Exit code 2 is for the spec and the command line ({@link SpecException}, picocli's
 * {@code ParameterException}, a diverged training), 3 for data and model files
 * ({@link DataException}, {@link ModelFileException}, an I/O failure). Everything else, an
 * {@code IllegalArgumentException} of the engine included, is a bug of Lamina: exit code 1 with
 * the {@code --debug} hint, because every input is checked, and named, before the engine sees it.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  private final boolean debug;

  ErrorReporter(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    return report(ex, cmd.getErr());
  }

  /** Prints the failure to {@code err} and returns its exit code (the same with or without picocli). */
  int report(Exception ex, PrintWriter err) {
    int code = codeOf(ex);
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    if (code == ExitCode.SOFTWARE) {
      message = "unexpected error: " + message + (debug ? "" : " (run again with --debug for details)");
    }
    err.println("error: " + message);
    if (debug) {
      ex.printStackTrace(err);
    }
    return code;
  }

  static int codeOf(Throwable ex) {
    if (ex instanceof SpecException || ex instanceof CommandLine.ParameterException
        || ex instanceof TrainingDivergedException) {
      return ExitCode.USAGE;
    }
    if (ex instanceof DataException || ex instanceof ModelFileException) {
      return ExitCode.DATA;
    }
    if (ex instanceof UncheckedIOException) {
      return ExitCode.DATA;
    }
    return ExitCode.SOFTWARE;
  }
}

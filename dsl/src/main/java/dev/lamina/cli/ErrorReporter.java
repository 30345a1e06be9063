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
    if (ex instanceof IllegalArgumentException) {
      return ExitCode.DATA; // the engine refuses data it cannot train on (NaN, bad labels)
    }
    if (ex instanceof UncheckedIOException) {
      return ExitCode.DATA;
    }
    return ExitCode.SOFTWARE;
  }
}

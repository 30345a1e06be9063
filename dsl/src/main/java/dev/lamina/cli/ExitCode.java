package dev.lamina.cli;

/**
 * The documented exit codes of {@code builder.jar}: 0 success, 1 anything unexpected (a bug: run
 * again with {@code --debug} and report the stack trace), 2 an invalid spec or command line,
 * 3 invalid data (CSV or model file).
 */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** An unexpected internal error. */
  public static final int SOFTWARE = 1;
  /** An invalid spec or usage. */
  public static final int USAGE = 2;
  /** Invalid data: a CSV or a model file. */
  public static final int DATA = 3;

  private ExitCode() {}
}

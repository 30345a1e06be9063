package dev.lamina.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Range checks of command-line values, each refusal naming its flag (exit code 2). */
final class Flags {
  private Flags() {}

  /** {@code n} if it is at least 1, else a ParameterException naming {@code flag}. */
  static int atLeastOne(CommandSpec command, String flag, int n, String what) {
    return atLeastOne(command, flag, n, what, "leave " + flag + " out to keep the spec's value");
  }

  /** As {@link #atLeastOne(CommandSpec, String, int, String)}, with {@code advice} on how to do without the flag. */
  static int atLeastOne(CommandSpec command, String flag, int n, String what, String advice) {
    if (n < 1) {
      throw new ParameterException(command.commandLine(), flag + " must be a number of " + what + " >= 1, got " + n
          + "; " + advice);
    }
    return n;
  }
}

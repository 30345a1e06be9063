package dev.lamina.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --debug} option every command shares (a picocli mixin): print the stack trace of an
 * error after its one-line message. {@link Main} reads it from the raw arguments before any
 * parsing, so that a parse error can be traced too; this declaration makes it part of each
 * command's usage help.
 */
public final class DebugOption {
  /** The option's name. */
  public static final String NAME = "--debug";

  @Option(names = NAME, description = "print stack traces of errors")
  boolean debug;
}

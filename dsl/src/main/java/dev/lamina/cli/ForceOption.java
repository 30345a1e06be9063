package dev.lamina.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --force} option of every command that writes files (a picocli mixin): without it, a
 * command never replaces a file it did not create itself, such as one of its inputs or a file that
 * is not a Lamina artefact (see {@link dev.lamina.report.OutputGuard}).
 */
public final class ForceOption {
  @Option(names = "--force", description = "replace existing files even if Lamina did not write them "
      + "(never needed to re-run into a run folder of an earlier run)")
  boolean force;
}

package dev.lamina.cli;

import dev.lamina.run.Version;
import picocli.CommandLine.IVersionProvider;

/** Prints Lamina's version for {@code --version}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"Lamina " + Version.current()};
  }
}

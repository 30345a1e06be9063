package dev.lamina.cli;

import dev.lamina.spec.SpecException;
import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecReader;
import java.nio.file.Path;
import java.util.function.Function;

/** Reads a spec and runs work on it, re-throwing spec errors located at file:line:column. */
final class SpecFiles {
  private SpecFiles() {}

  static <T> T withSpec(Path file, Function<ParsedSpec, T> work) {
    ParsedSpec parsed = SpecReader.read(file);
    try {
      return work.apply(parsed);
    } catch (SpecException e) {
      if (e instanceof dev.lamina.yaml.SpecLocationException) {
        throw e;
      }
      throw parsed.located(e);
    }
  }
}

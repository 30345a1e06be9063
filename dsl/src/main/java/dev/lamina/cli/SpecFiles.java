package dev.lamina.cli;

import dev.lamina.run.CheckpointPath;
import dev.lamina.run.OutputWidth;
import dev.lamina.spec.SpecException;
import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecReader;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads a spec, checks what needs no data ({@link OutputWidth},
 * {@link CheckpointPath}), and runs work on it, re-throwing
 * spec errors located at file:line:column.
 */
final class SpecFiles {
  private SpecFiles() {}

  static <T> T withSpec(Path file, Function<ParsedSpec, T> work) {
    ParsedSpec parsed = SpecReader.read(file);
    try {
      OutputWidth.check(parsed.spec());
      CheckpointPath.check(parsed.spec());
      return work.apply(parsed);
    } catch (SpecException e) {
      // Errors in command-line options (path "--resume") have no place in the spec file.
      if (e instanceof dev.lamina.yaml.SpecLocationException || e.path().startsWith("--")) {
        throw e;
      }
      throw parsed.located(e);
    }
  }
}

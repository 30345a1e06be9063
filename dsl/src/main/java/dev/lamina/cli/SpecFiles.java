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
  /**
   * The spec {@link #read} read last, kept for the next {@link #withSpec} of the same path: the
   * command line reads the spec once to decide on a relaunch ({@link VectorRelaunch}) and then
   * trains it, and a second parse cost a cold JVM about 50 ms. Taken once, then forgotten.
   */
  private static ParsedSpec kept;

  private SpecFiles() {}

  /** Reads {@code file} and keeps the result for the next {@link #withSpec} of that path. */
  static synchronized ParsedSpec read(Path file) {
    kept = null;
    ParsedSpec parsed = SpecReader.read(file);
    kept = parsed;
    return parsed;
  }

  /** The spec {@link #read} kept for {@code file}, else a fresh read; forgets the kept one either way. */
  private static synchronized ParsedSpec take(Path file) {
    ParsedSpec parsed = kept != null && file.equals(kept.file()) ? kept : null;
    kept = null;
    return parsed != null ? parsed : SpecReader.read(file);
  }

  static <T> T withSpec(Path file, Function<ParsedSpec, T> work) {
    ParsedSpec parsed = take(file);
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

package dev.lamina.yaml;

import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.SpecException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code model.yaml} as read: the run it describes, where each value was written, and the file.
 *
 * <p>Component names (initializers, losses, ...) are kept as written; the engine resolves them
 * later, and when it refuses one, {@link #locate(SpecException)} turns its spec path into
 * {@code model.yaml:12:17: ...}.
 *
 * @param spec the run
 * @param marks spec path to position
 * @param file the file read, or null when read from a string
 * @param sweep the raw {@code sweep:} section (maps, lists, numbers, strings, booleans), empty if
 *     absent; kept unvalidated for the sweep feature
 * @param tune the raw {@code tune:} section, empty if absent; validated by {@code dev.lamina.tune.TuneSpec}
 */
public record ParsedSpec(RunSpec spec, SourceMap marks, Path file, Map<String, Object> sweep, Map<String, Object> tune) {
  /** Freezes the raw sections. */
  public ParsedSpec {
    sweep = sweep == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sweep));
    tune = tune == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tune));
  }

  /** A spec without a tune section. */
  public ParsedSpec(RunSpec spec, SourceMap marks, Path file, Map<String, Object> sweep) {
    this(spec, marks, file, sweep, Map.of());
  }

  /** A spec without a sweep section. */
  public ParsedSpec(RunSpec spec, SourceMap marks, Path file) {
    this(spec, marks, file, Map.of());
  }

  /** {@code "model.yaml:12:17: path: detail"} for an error raised anywhere about this spec. */
  public String locate(SpecException e) {
    return marks.locate(e).getMessage();
  }

  /** {@code e} with this file's line and column, ready to throw to the command line. */
  public SpecLocationException located(SpecException e) {
    return marks.locate(e);
  }

  /**
   * A path written in the spec (such as {@code data.csv}) resolved against the spec file's folder;
   * unchanged when absolute or when the spec was not read from a file.
   */
  public Path resolve(String relative) {
    Path p = Path.of(relative);
    if (p.isAbsolute() || file == null) {
      return p;
    }
    Path dir = file.toAbsolutePath().getParent();
    return dir == null ? p : dir.resolve(p).normalize();
  }
}

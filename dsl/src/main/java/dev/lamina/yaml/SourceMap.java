package dev.lamina.yaml;

import dev.lamina.spec.SpecException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where every value of a spec was written: spec path to {@link SourceMark}.
 *
 * <p>Paths are the ones {@link SpecException#path()} uses: {@code name}, {@code data.target},
 * {@code layers[0]}, {@code layers[0].dense.units}, {@code compile.metrics[0]},
 * {@code fit.callbacks[0].patience}. A component's arguments are registered both with and without
 * the component's name ({@code ...kernel_initializer.variance_scaling.scale} and
 * {@code ...kernel_initializer.scale}), so paths built from the registries ({@code Args.pathOf})
 * and paths that spell the name both land. A scalar value maps to the value itself; a map or list
 * value maps to its key, so "compile needs a loss" points at {@code compile:}.
 */
public final class SourceMap {
  private final String sourceName;
  private final Map<String, SourceMark> marks = new LinkedHashMap<>();

  /** An empty map for the file called {@code sourceName} in messages. */
  SourceMap(String sourceName) {
    this.sourceName = sourceName;
  }

  /** Records where {@code path} was written; the first registration wins. */
  void put(String path, SourceMark mark) {
    marks.putIfAbsent(path, mark);
  }

  /** The file name used in messages, as the caller gave it. */
  public String sourceName() {
    return sourceName;
  }

  /** Whether exactly {@code path} was registered. */
  public boolean contains(String path) {
    return marks.containsKey(path);
  }

  /** Every registered path, in reading order. */
  public Set<String> paths() {
    return Collections.unmodifiableSet(marks.keySet());
  }

  /**
   * The mark of {@code path}, or of its longest registered prefix ({@code layers[2].dense.units}
   * falls back to {@code layers[2].dense}, then {@code layers[2]}, then {@code layers}); the start
   * of the document when nothing matches.
   */
  public SourceMark find(String path) {
    String p = path == null ? "" : path;
    while (!p.isEmpty()) {
      SourceMark m = marks.get(p);
      if (m != null) {
        return m;
      }
      p = parent(p);
    }
    return marks.getOrDefault("", SourceMark.START);
  }

  /** {@code e} with the file, line and column of its path (unchanged if it already has them). */
  public SpecLocationException locate(SpecException e) {
    if (e instanceof SpecLocationException located) {
      return located;
    }
    return new SpecLocationException(sourceName, find(e.path()), e.path(), e.detail(), e);
  }

  /** The path one step up: {@code a.b[1]} to {@code a.b}, {@code a.b} to {@code a}. */
  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}

package dev.lamina.docs;

import java.nio.file.Path;
import java.util.List;

/** Placeholder. */
public final class InitializerFigures {
  private InitializerFigures() {}

  /** The figures. */
  public static List<Path> write(Path dir) {
    return List.of();
  }
}

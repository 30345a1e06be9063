package dev.lamina.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a whole file atomically: to a temporary file in the same folder, forced to disk, then
 * renamed over the target with {@code ATOMIC_MOVE} and {@code REPLACE_EXISTING} (see
 * {@link PendingFile}, which does the work and also serves writers that stream).
 *
 * <p>A reader sees either the previous file or the complete new one; if the write fails, the
 * previous file is left unchanged and no temporary file remains. Parent folders are created when
 * missing.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /**
   * Replaces {@code target} with {@code bytes}.
   *
   * @throws UncheckedIOException if the file cannot be written; the previous file survives
   */
  public static void write(Path target, byte[] bytes) {
    try (PendingFile pending = PendingFile.open(target)) {
      try {
        pending.stream().write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + pending.target(), e);
      }
      pending.commit();
    }
  }

  /** Replaces {@code target} with {@code text} encoded as UTF-8 (no byte order mark). */
  public static void writeString(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }
}

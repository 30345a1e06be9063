package dev.lamina.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole file up to a limit counted in bytes read, never trusting {@code Files.size}: the
 * size of a device or a pipe is 0, and {@code Files.readAllBytes} on {@code /dev/zero} reads until
 * the heap is gone. Works the same on regular files, devices, pipes and process substitutions.
 */
public final class BoundedRead {
  /** The largest array a JVM allocates safely. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private BoundedRead() {}

  /**
   * The bytes of {@code file}, or null when it holds more than {@code max} bytes (then at most
   * {@code max + 1} bytes were read). A regular file whose size is already above the limit is not
   * read at all.
   *
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   */
  public static byte[] readAtMost(Path file, long max) throws IOException {
    long limit = Math.min(max, MAX_ARRAY - 1);
    if (Files.isRegularFile(file) && Files.size(file) > limit) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] all = in.readNBytes((int) limit + 1);
      return all.length > limit ? null : all;
    }
  }

  /** The first {@code n} bytes of {@code file} (fewer if it is shorter). */
  public static byte[] head(Path file, int n) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(n);
    }
  }
}

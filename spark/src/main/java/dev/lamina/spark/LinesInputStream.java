package dev.lamina.spark;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Lines (as Spark's text input gives them, without their line ends) read back as CSV text, one
 * line at a time, so a partition of any size is parsed in constant memory.
 */
final class LinesInputStream extends InputStream {
  private static final byte[] NONE = new byte[0];
  private final Iterator<String> lines;
  private byte[] current = NONE;
  private int at;

  LinesInputStream(Iterator<String> lines) {
    this.lines = lines;
  }

  @Override
  public int read() {
    if (!fill()) {
      return -1;
    }
    return current[at++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.length - at);
    System.arraycopy(current, at, b, off, n);
    at += n;
    return n;
  }

  private boolean fill() {
    while (at == current.length) {
      if (!lines.hasNext()) {
        return false;
      }
      current = (lines.next() + "\n").getBytes(StandardCharsets.UTF_8);
      at = 0;
    }
    return true;
  }
}

package dev.lamina.run;

import java.util.Locale;

/**
 * The Java heap this process may use, and the advice to give when a job needs more: the advice
 * names the limit in force (the real {@code -Xmx}, or the JVM's default) and a flag that raises it
 * above what is needed, never a figure below the current one.
 */
public final class HeapLimit {
  private static final long MB = 1L << 20;
  private static final long GB = 1L << 30;

  private HeapLimit() {}

  /** The most heap this JVM will use, in bytes ({@code Runtime.maxMemory()}). */
  public static long maxBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  /** {@code bytes} for people: "512 MB" or "6.0 GB". */
  public static String describe(long bytes) {
    return bytes < GB ? (bytes + MB - 1) / MB + " MB" : String.format(Locale.ROOT, "%.1f GB", bytes / (double) GB);
  }

  /**
   * The {@code -Xmx} flag that gives at least {@code neededBytes} and more than the current limit:
   * whole gigabytes, at least twice what is needed when that is known (G1 needs headroom).
   *
   * @param neededBytes the bytes a job needs, or 0 when unknown (then twice the current limit)
   */
  public static String flag(long neededBytes) {
    long want = neededBytes > 0 ? Math.max(2 * neededBytes, maxBytes() + GB) : 2 * maxBytes();
    return "-Xmx" + Math.max(1, (want + GB - 1) / GB) + "g";
  }
}

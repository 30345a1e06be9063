package dev.lamina.optim;

/**
 * The numbers of one tensor (a parameter's values or gradient, an optimizer slot) in the tensor's
 * precision, with a double view.
 *
 * <p>In double precision (the default) it is one double array. In single precision the float array
 * is the tensor: the single-precision path reads and writes it, and {@link #doubles()} widens it
 * into a double array for every other reader (exactly: every float is a double). Whichever copy
 * was handed out last may have been written, so the next request for the other copy refreshes it
 * from that one: floats are rounded from the doubles (and the doubles replaced by the rounded
 * values, so both show the numbers the model computes with), doubles widened from the floats. A
 * hot path that only asks for the floats converts nothing. Requests are synchronized: ranges of a
 * parallel task may ask at the same time, the first converts and the others find it done; a
 * request that finds its copy current (the hot path, every batch) returns it without the lock.
 */
final class Storage {
  /** The double copy may have been written since the float copy was refreshed. */
  private static final byte DOUBLES_WRITTEN = 0;
  /** The float copy may have been written since the double copy was refreshed. */
  private static final byte FLOATS_WRITTEN = 1;

  private final double[] doubles;
  /** Null in double precision. Set on the building thread, before any parallel use. */
  private float[] floats;
  /** Volatile: a request that finds its copy current returns it without taking the lock. */
  private volatile byte written = DOUBLES_WRITTEN;
  /** How many times one copy was refreshed from the other. */
  private long conversions;

  /** A zero tensor of {@code n} numbers in double precision. */
  Storage(int n) {
    this.doubles = new double[n];
  }

  /** A zero tensor of {@code n} numbers in single precision when {@code single}. */
  Storage(int n, boolean single) {
    this(n);
    setSingle(single);
  }

  /** The numbers as doubles (live storage; in single precision, written back on the next {@link #floats()}). */
  double[] doubles() {
    return floats == null || written == DOUBLES_WRITTEN ? doubles : widened();
  }

  private synchronized double[] widened() {
    if (written == FLOATS_WRITTEN) {
      for (int i = 0; i < doubles.length; i++) {
        doubles[i] = floats[i];
      }
      conversions++;
      written = DOUBLES_WRITTEN;
    }
    return doubles;
  }

  /**
   * The numbers as floats (live storage).
   *
   * @throws IllegalStateException in double precision
   */
  float[] floats() {
    if (floats == null) {
      throw new IllegalStateException("a float64 tensor has no float copy; ask for its doubles");
    }
    return written == FLOATS_WRITTEN ? floats : rounded();
  }

  private synchronized float[] rounded() {
    if (written == DOUBLES_WRITTEN) {
      for (int i = 0; i < doubles.length; i++) {
        float f = (float) doubles[i];
        floats[i] = f;
        doubles[i] = f;
      }
      conversions++;
      written = FLOATS_WRITTEN;
    }
    return floats;
  }

  /** Whether the tensor is held in single precision. */
  boolean single() {
    return floats != null;
  }

  /**
   * Switches the precision, keeping the numbers (rounded to float when switching to single). Not
   * for use while a parallel task runs on the tensor.
   */
  synchronized void setSingle(boolean single) {
    if (single && floats == null) {
      floats = new float[doubles.length];
      written = DOUBLES_WRITTEN;
      rounded();
    } else if (!single && floats != null) {
      widened();
      floats = null;
      written = DOUBLES_WRITTEN;
    }
  }

  /** How many times one copy was refreshed from the other (0 in double precision). */
  synchronized long conversions() {
    return conversions;
  }

  /** Number of elements. */
  int size() {
    return doubles.length;
  }
}

package dev.lamina.layer;

/**
 * The element loops of the float32 path: conversions between the engine's double activations and
 * float ones (round to nearest float, widen exactly), and the column sums of float rows.
 *
 * <p>Plain loops on purpose: a Vector API conversion needs a second float shape (four lanes of
 * 128 bits next to the kernels' 256), and one more shape in the process makes the JIT's type
 * profiles of the shared vector methods polymorphic, which undoes the intrinsics of the matrix
 * kernels (measured: 100,000 samples/s fell to 5,000).
 */
public final class FloatConversions {
  private FloatConversions() {}

  /** dst[i] = (float) src[i] for i in [0, n): rounded to the nearest float. */
  public static void toFloat(double[] src, float[] dst, int n) {
    for (int i = 0; i < n; i++) {
      dst[i] = (float) src[i];
    }
  }

  /** dst[i] = (double) src[i] for i in [0, n): exact. */
  public static void toDouble(float[] src, double[] dst, int n) {
    for (int i = 0; i < n; i++) {
      dst[i] = src[i];
    }
  }

  /**
   * s[j] = sum over rows r of d[r cols + j], for columns {@code [j0, j1)}, summed in float in row
   * order (so the same for any split of the columns); overwrites those elements of s.
   */
  static void columnSums(float[] d, float[] s, int rows, int cols, int j0, int j1) {
    for (int j = j0; j < j1; j++) {
      s[j] = 0;
    }
    for (int r = 0; r < rows; r++) {
      int o = r * cols;
      for (int j = j0; j < j1; j++) {
        s[j] += d[o + j];
      }
    }
  }

  /**
   * A row length for a float matrix written by columns: {@code n}, plus one cache line when
   * {@code n} is a multiple of 16 floats. With rows a power of two apart (256 floats = 1 KiB),
   * the column writes all fall in a few sets of the L1 cache and evict each other; one more line
   * per row spreads them (measured: a 256 x 256 transposed copy in about half the time).
   */
  static int paddedStride(int n) {
    return n % 16 == 0 ? n + 16 : n;
  }
}

package dev.lamina.layer;

/**
 * The conversions between the double activations of the engine and the float operands of
 * {@link dev.lamina.spec.DType#FLOAT32} products: round to nearest float, widen exactly.
 *
 * <p>Plain loops on purpose: a Vector API conversion needs a second float shape (four lanes of
 * 128 bits next to the kernels' 256), and one more shape in the process makes the JIT's type
 * profiles of the shared vector methods polymorphic, which undoes the intrinsics of the matrix
 * kernels (measured: 100,000 samples/s fell to 5,000).
 */
final class FloatConversions {
  private FloatConversions() {}

  /** dst[i] = (float) src[i] for i in [from, to). */
  static void toFloat(double[] src, int from, float[] dst, int to) {
    for (int i = from; i < to; i++) {
      dst[i] = (float) src[i];
    }
  }

  /**
   * dst[offset + j] = (double) (src[offset + j] + bias[j]) for j &lt; n (just the widened src when
   * bias is null): a float product's result with its float bias, back in double.
   */
  static void toDouble(float[] src, int offset, float[] bias, double[] dst, int n) {
    if (bias == null) {
      for (int j = 0; j < n; j++) {
        dst[offset + j] = src[offset + j];
      }
    } else {
      for (int j = 0; j < n; j++) {
        dst[offset + j] = src[offset + j] + bias[j];
      }
    }
  }

  /**
   * Rows {@code [i0, i1)} of w (rows of length {@code cols}), rounded to float into the same rows of
   * {@code wF} and into columns {@code [i0, i1)} of {@code wT} (cols rows of stride {@code ldT}):
   * one read of each value for both copies. Used for a training batch, whose transpose the kernel
   * gradient reads. Reading rows and writing columns is the faster way round when {@code ldT} is
   * not a multiple of a cache page's worth of floats ({@link #paddedStride}).
   */
  static void toFloatWithTranspose(double[] w, float[] wF, float[] wT, int ldT, int cols, int i0, int i1) {
    for (int i = i0; i < i1; i++) {
      int wo = i * cols;
      for (int j = 0; j < cols; j++) {
        float v = (float) w[wo + j];
        wF[wo + j] = v;
        wT[j * ldT + i] = v;
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

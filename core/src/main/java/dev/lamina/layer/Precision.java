package dev.lamina.layer;

/**
 * The conversions between the double tensors of the engine and the float operands of
 * {@link dev.lamina.spec.DType#FLOAT32} products: round to nearest float, widen exactly.
 *
 * <p>Plain loops on purpose: a Vector API conversion needs a second float shape (four lanes of
 * 128 bits next to the kernels' 256), and one more shape in the process makes the JIT's type
 * profiles of the shared vector methods polymorphic, which undoes the intrinsics of the matrix
 * kernels (measured: 100,000 samples/s fell to 5,000).
 */
final class Precision {
  private Precision() {}

  /** dst[i] = (float) src[i] for i in [from, to). */
  static void toFloat(double[] src, int from, float[] dst, int to) {
    for (int i = from; i < to; i++) {
      dst[i] = (float) src[i];
    }
  }

  /**
   * dst[offset + j] = bias[j] + src[offset + j] for j &lt; n (just the widened src when bias is
   * null): a float product's result back in double, with the bias added in double.
   */
  static void toDouble(float[] src, int offset, double[] bias, double[] dst, int n) {
    if (bias == null) {
      for (int j = 0; j < n; j++) {
        dst[offset + j] = src[offset + j];
      }
    } else {
      for (int j = 0; j < n; j++) {
        dst[offset + j] = bias[j] + src[offset + j];
      }
    }
  }

  /**
   * Rows {@code [j0, j1)} of wT = (float) w^T, with w (in, out) and wT (out, in); tiles of the
   * inputs keep the strided reads of w in cache.
   */
  static void transposeToFloat(double[] w, float[] wT, int in, int out, int j0, int j1) {
    for (int i0 = 0; i0 < in; i0 += MatMul.TRANSPOSE_TILE) {
      int i1 = Math.min(in, i0 + MatMul.TRANSPOSE_TILE);
      for (int j = j0; j < j1; j++) {
        int t = j * in;
        for (int i = i0; i < i1; i++) {
          wT[t + i] = (float) w[i * out + j];
        }
      }
    }
  }
}

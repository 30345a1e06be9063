package dev.lamina.layer;

/**
 * The simple reference forms of the three matrix products a Dense layer needs, on row-major
 * arrays: one multiply-add at a time in textbook order. {@link MatMul} holds the fast kernels; the
 * tests check them against these (to 1e-12, and bit for bit where the order of the sums is the same).
 */
final class MatMulReference {
  private MatMulReference() {}

  /** z = x . w + b, with x (rows, in), w (in, out), b (out) or null. */
  static void affine(double[] x, double[] w, double[] b, double[] z, int rows, int in, int out) {
    for (int r = 0; r < rows; r++) {
      int zo = r * out;
      if (b != null) {
        System.arraycopy(b, 0, z, zo, out);
      } else {
        java.util.Arrays.fill(z, zo, zo + out, 0.0);
      }
      int xo = r * in;
      for (int i = 0; i < in; i++) {
        double xi = x[xo + i];
        if (xi == 0.0) {
          continue; // one-hot and ReLU outputs are often exactly 0
        }
        int wo = i * out;
        for (int j = 0; j < out; j++) {
          z[zo + j] += xi * w[wo + j];
        }
      }
    }
  }

  /** g = x^T . d, with x (rows, in), d (rows, out), g (in, out); overwrites g. */
  static void transposeATimesB(double[] x, double[] d, double[] g, int rows, int in, int out) {
    java.util.Arrays.fill(g, 0, in * out, 0.0);
    for (int r = 0; r < rows; r++) {
      int xo = r * in;
      int dOff = r * out;
      for (int i = 0; i < in; i++) {
        double xi = x[xo + i];
        if (xi == 0.0) {
          continue;
        }
        int go = i * out;
        for (int j = 0; j < out; j++) {
          g[go + j] += xi * d[dOff + j];
        }
      }
    }
  }

  /** s = column sums of d (rows, out); overwrites s. */
  static void columnSums(double[] d, double[] s, int rows, int out) {
    java.util.Arrays.fill(s, 0, out, 0.0);
    for (int r = 0; r < rows; r++) {
      int o = r * out;
      for (int j = 0; j < out; j++) {
        s[j] += d[o + j];
      }
    }
  }

  /** dx = d . w^T, with d (rows, out), w (in, out), dx (rows, in); overwrites dx. */
  static void timesBTranspose(double[] d, double[] w, double[] dx, int rows, int out, int in) {
    for (int r = 0; r < rows; r++) {
      int dOff = r * out;
      int xo = r * in;
      for (int i = 0; i < in; i++) {
        int wo = i * out;
        double s = 0;
        for (int j = 0; j < out; j++) {
          s += d[dOff + j] * w[wo + j];
        }
        dx[xo + i] = s;
      }
    }
  }
}

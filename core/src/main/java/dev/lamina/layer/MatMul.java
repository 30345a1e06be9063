package dev.lamina.layer;

import java.util.Arrays;

/**
 * The fast kernels for the three matrix products of a Dense layer, on row-major arrays, in plain
 * Java that C2 auto-vectorizes; the wide products switch to {@link VectorMatMul} when
 * {@link Simd} is enabled. Allocation-free.
 *
 * <p>Two shapes of kernel:
 * <ul>
 *   <li><b>narrow</b> (fewer than {@link #WIDE_COLUMNS} result columns, such as the article's 6-unit
 *       layers): scalar dot products held in registers, in tiles of two result rows by
 *       four, two or one result columns (eight independent sums in flight), each summed in the same
 *       order as {@link MatMulReference} (bit-identical to it except that the reference skips zero
 *       inputs);
 *   <li><b>wide</b>: a register-tiled product, two result rows by four terms of the inner
 *       dimension per pass over the result columns, so each loaded row of the right-hand matrix
 *       feeds eight vector fused multiply-adds. Every result element is
 *       {@code fma(a3, b3, fma(a2, b2, fma(a1, b1, fma(a0, b0, c))))} over consecutive terms: one
 *       rounding per term, in k order, whichever rows are paired, however the rows are split
 *       between threads (results do not depend on the thread count) and on either path.
 * </ul>
 *
 * <p>Every method computes one range of result rows, so {@link dev.lamina.parallel.KernelThreads} can split a product
 * between threads by rows of its result. {@code Math.fma} is a single instruction on every x86-64
 * CPU since 2013 (FMA3) and on AArch64.
 */
final class MatMul {
  /** Result width from which the register-tiled kernel beats scalar dot products. */
  static final int WIDE_COLUMNS = 16;
  /** Result columns per block, so that two result rows and a block of loaded rows stay in L1. */
  private static final int COLUMN_BLOCK = 512;

  private MatMul() {}

  /** Whether a product with {@code cols} result columns takes the register-tiled kernel. */
  static boolean wide(int cols) {
    return cols >= WIDE_COLUMNS;
  }

  /** Rows {@code [r0, r1)} of z = x . w + b, with x (rows, in), w (in, out), b (out) or null. */
  static void affine(double[] x, double[] w, double[] b, double[] z, int in, int out, int r0, int r1) {
    if (wide(out)) {
      for (int r = r0; r < r1; r++) {
        if (b != null) {
          System.arraycopy(b, 0, z, r * out, out);
        } else {
          Arrays.fill(z, r * out, r * out + out, 0.0);
        }
      }
      accumulate(x, in, 1, w, out, z, out, r0, r1, out, in);
      return;
    }
    if (out == 1) {
      affineSingleOutput(x, w, b == null ? 0.0 : b[0], z, in, r0, r1);
      return;
    }
    int r = r0;
    // Two rows at a time: twice the independent sums in flight, each still summed in input order.
    for (; r + 1 < r1; r += 2) {
      affineTwoRows(x, w, b, z, in, out, r);
    }
    if (r < r1) {
      affineOneRow(x, w, b, z, in, out, r);
    }
  }

  /**
   * The affine product of a one-unit layer (every binary classifier's output): four rows at a
   * time, four independent sums in flight instead of the two of the general narrow tile (each
   * still the bias plus its terms in input order, as there).
   */
  private static void affineSingleOutput(double[] x, double[] w, double bias, double[] z, int in, int r0, int r1) {
    int r = r0;
    for (; r + 3 < r1; r += 4) {
      int x0 = r * in;
      int x1 = x0 + in;
      int x2 = x1 + in;
      int x3 = x2 + in;
      double s0 = bias;
      double s1 = bias;
      double s2 = bias;
      double s3 = bias;
      for (int i = 0; i < in; i++) {
        double wi = w[i];
        s0 += x[x0 + i] * wi;
        s1 += x[x1 + i] * wi;
        s2 += x[x2 + i] * wi;
        s3 += x[x3 + i] * wi;
      }
      z[r] = s0;
      z[r + 1] = s1;
      z[r + 2] = s2;
      z[r + 3] = s3;
    }
    for (; r < r1; r++) {
      double s = bias;
      for (int i = 0, xo = r * in; i < in; i++) {
        s += x[xo + i] * w[i];
      }
      z[r] = s;
    }
  }

  /** Rows r and r + 1 of the narrow affine product, in tiles of two rows by four, two or one columns. */
  private static void affineTwoRows(double[] x, double[] w, double[] b, double[] z, int in, int out, int r) {
    int xa = r * in;
    int xb = xa + in;
    int za = r * out;
    int zb = za + out;
    int j = 0;
    for (; j + 3 < out; j += 4) {
      double a0 = b == null ? 0.0 : b[j];
      double a1 = b == null ? 0.0 : b[j + 1];
      double a2 = b == null ? 0.0 : b[j + 2];
      double a3 = b == null ? 0.0 : b[j + 3];
      double c0 = a0;
      double c1 = a1;
      double c2 = a2;
      double c3 = a3;
      for (int i = 0, wo = j; i < in; i++, wo += out) {
        double u = x[xa + i];
        double v = x[xb + i];
        double w0 = w[wo];
        double w1 = w[wo + 1];
        double w2 = w[wo + 2];
        double w3 = w[wo + 3];
        a0 += u * w0;
        a1 += u * w1;
        a2 += u * w2;
        a3 += u * w3;
        c0 += v * w0;
        c1 += v * w1;
        c2 += v * w2;
        c3 += v * w3;
      }
      z[za + j] = a0;
      z[za + j + 1] = a1;
      z[za + j + 2] = a2;
      z[za + j + 3] = a3;
      z[zb + j] = c0;
      z[zb + j + 1] = c1;
      z[zb + j + 2] = c2;
      z[zb + j + 3] = c3;
    }
    for (; j + 1 < out; j += 2) {
      double a0 = b == null ? 0.0 : b[j];
      double a1 = b == null ? 0.0 : b[j + 1];
      double c0 = a0;
      double c1 = a1;
      for (int i = 0, wo = j; i < in; i++, wo += out) {
        double u = x[xa + i];
        double v = x[xb + i];
        double w0 = w[wo];
        double w1 = w[wo + 1];
        a0 += u * w0;
        a1 += u * w1;
        c0 += v * w0;
        c1 += v * w1;
      }
      z[za + j] = a0;
      z[za + j + 1] = a1;
      z[zb + j] = c0;
      z[zb + j + 1] = c1;
    }
    if (j < out) {
      double a0 = b == null ? 0.0 : b[j];
      double c0 = a0;
      for (int i = 0, wo = j; i < in; i++, wo += out) {
        a0 += x[xa + i] * w[wo];
        c0 += x[xb + i] * w[wo];
      }
      z[za + j] = a0;
      z[zb + j] = c0;
    }
  }

  /** Row r of the narrow affine product. */
  private static void affineOneRow(double[] x, double[] w, double[] b, double[] z, int in, int out, int r) {
    int xo = r * in;
    int zo = r * out;
    int j = 0;
    // Four independent sums at a time: each still adds its terms in input order, but the four
    // dependency chains overlap in the FPU instead of waiting on one another.
    for (; j + 3 < out; j += 4) {
      double s0 = b == null ? 0.0 : b[j];
      double s1 = b == null ? 0.0 : b[j + 1];
      double s2 = b == null ? 0.0 : b[j + 2];
      double s3 = b == null ? 0.0 : b[j + 3];
      for (int i = 0, wo = j; i < in; i++, wo += out) {
        double xi = x[xo + i];
        s0 += xi * w[wo];
        s1 += xi * w[wo + 1];
        s2 += xi * w[wo + 2];
        s3 += xi * w[wo + 3];
      }
      z[zo + j] = s0;
      z[zo + j + 1] = s1;
      z[zo + j + 2] = s2;
      z[zo + j + 3] = s3;
    }
    for (; j < out; j++) {
      double s = b == null ? 0.0 : b[j];
      for (int i = 0, wo = j; i < in; i++, wo += out) {
        s += x[xo + i] * w[wo];
      }
      z[zo + j] = s;
    }
  }

  /**
   * Rows {@code [i0, i1)} (input features) of g = x^T . d, with x (rows, in), d (rows, out),
   * g (in, out); overwrites those rows of g. Each element sums over the batch rows in order, in one
   * thread, so splitting by feature needs no reduction between threads.
   */
  static void transposeATimesB(double[] x, double[] d, double[] g, int rows, int in, int out, int i0, int i1) {
    if (out == 1) {
      // One unit: g[i] is 0 + x[0, i] d[0] + x[1, i] d[1] + ..., the same sums in the same order
      // as below, accumulated a batch row at a time over contiguous features (a loop the JIT
      // vectorizes) instead of down a column of x.
      Arrays.fill(g, i0, i1, 0.0);
      for (int r = 0; r < rows; r++) {
        double dr = d[r];
        for (int i = i0, xo = r * in; i < i1; i++) {
          g[i] += x[xo + i] * dr;
        }
      }
      return;
    }
    if (wide(out)) {
      Arrays.fill(g, i0 * out, i1 * out, 0.0);
      accumulate(x, 1, in, d, out, g, out, i0, i1, out, rows);
      return;
    }
    int i = i0;
    // Two features at a time: each element still sums over the batch rows in order.
    for (; i + 1 < i1; i += 2) {
      gradientTwoFeatures(x, d, g, rows, in, out, i);
    }
    if (i < i1) {
      gradientOneFeature(x, d, g, rows, in, out, i);
    }
  }

  /**
   * Rows i and i + 1 of the narrow kernel gradient, in tiles of two features by four, two or one
   * columns.
   */
  private static void gradientTwoFeatures(double[] x, double[] d, double[] g, int rows, int in, int out, int i) {
    int ga = i * out;
    int gb = ga + out;
    int j = 0;
    for (; j + 3 < out; j += 4) {
      double a0 = 0.0;
      double a1 = 0.0;
      double a2 = 0.0;
      double a3 = 0.0;
      double c0 = 0.0;
      double c1 = 0.0;
      double c2 = 0.0;
      double c3 = 0.0;
      for (int r = 0, xo = i, dOff = j; r < rows; r++, xo += in, dOff += out) {
        double u = x[xo];
        double v = x[xo + 1];
        double d0 = d[dOff];
        double d1 = d[dOff + 1];
        double d2 = d[dOff + 2];
        double d3 = d[dOff + 3];
        a0 += u * d0;
        a1 += u * d1;
        a2 += u * d2;
        a3 += u * d3;
        c0 += v * d0;
        c1 += v * d1;
        c2 += v * d2;
        c3 += v * d3;
      }
      g[ga + j] = a0;
      g[ga + j + 1] = a1;
      g[ga + j + 2] = a2;
      g[ga + j + 3] = a3;
      g[gb + j] = c0;
      g[gb + j + 1] = c1;
      g[gb + j + 2] = c2;
      g[gb + j + 3] = c3;
    }
    for (; j + 1 < out; j += 2) {
      double a0 = 0.0;
      double a1 = 0.0;
      double c0 = 0.0;
      double c1 = 0.0;
      for (int r = 0, xo = i, dOff = j; r < rows; r++, xo += in, dOff += out) {
        double u = x[xo];
        double v = x[xo + 1];
        double d0 = d[dOff];
        double d1 = d[dOff + 1];
        a0 += u * d0;
        a1 += u * d1;
        c0 += v * d0;
        c1 += v * d1;
      }
      g[ga + j] = a0;
      g[ga + j + 1] = a1;
      g[gb + j] = c0;
      g[gb + j + 1] = c1;
    }
    if (j < out) {
      double a0 = 0.0;
      double c0 = 0.0;
      for (int r = 0, xo = i, dOff = j; r < rows; r++, xo += in, dOff += out) {
        double d0 = d[dOff];
        a0 += x[xo] * d0;
        c0 += x[xo + 1] * d0;
      }
      g[ga + j] = a0;
      g[gb + j] = c0;
    }
  }

  /** Row i of the narrow kernel gradient, in tiles of four, two or one columns. */
  private static void gradientOneFeature(double[] x, double[] d, double[] g, int rows, int in, int out, int i) {
    int go = i * out;
    int j = 0;
    for (; j + 3 < out; j += 4) {
      double s0 = 0.0;
      double s1 = 0.0;
      double s2 = 0.0;
      double s3 = 0.0;
      for (int r = 0, xo = i, dOff = j; r < rows; r++, xo += in, dOff += out) {
        double xv = x[xo];
        s0 += xv * d[dOff];
        s1 += xv * d[dOff + 1];
        s2 += xv * d[dOff + 2];
        s3 += xv * d[dOff + 3];
      }
      g[go + j] = s0;
      g[go + j + 1] = s1;
      g[go + j + 2] = s2;
      g[go + j + 3] = s3;
    }
    for (; j + 1 < out; j += 2) {
      double s0 = 0.0;
      double s1 = 0.0;
      for (int r = 0, xo = i, dOff = j; r < rows; r++, xo += in, dOff += out) {
        double xv = x[xo];
        s0 += xv * d[dOff];
        s1 += xv * d[dOff + 1];
      }
      g[go + j] = s0;
      g[go + j + 1] = s1;
    }
    if (j < out) {
      double s = 0.0;
      for (int r = 0, xo = i, dOff = j; r < rows; r++, xo += in, dOff += out) {
        s += x[xo] * d[dOff];
      }
      g[go + j] = s;
    }
  }

  /**
   * Rows {@code [r0, r1)} of dx = d . w^T, with d (rows, out), w (in, out), dx (rows, in);
   * overwrites those rows. The wide kernel reads {@code wT}, w transposed to (out, in) by
   * {@link #transpose}, so it runs along unit-stride rows.
   */
  static void timesBTranspose(double[] d, double[] w, double[] wT, double[] dx, int out, int in, int r0, int r1) {
    if (out == 1) {
      // An outer product (a single output, as in every binary classifier): each element is the
      // one-term sum 0 + d w, in one flat loop per row instead of a tile loop of one iteration.
      for (int r = r0; r < r1; r++) {
        double dv = d[r];
        int xo = r * in;
        for (int i = 0; i < in; i++) {
          dx[xo + i] = 0.0 + dv * w[i];
        }
      }
      return;
    }
    if (wide(in)) {
      Arrays.fill(dx, r0 * in, r1 * in, 0.0);
      accumulate(d, out, 1, wT, in, dx, in, r0, r1, in, out);
      return;
    }
    int r = r0;
    // Two rows at a time: each element still sums over the outputs in order.
    for (; r + 1 < r1; r += 2) {
      inputGradientTwoRows(d, w, dx, out, in, r);
    }
    if (r < r1) {
      inputGradientOneRow(d, w, dx, out, in, r);
    }
  }

  /** Rows r and r + 1 of the narrow input gradient, in tiles of two rows by four, two or one inputs. */
  private static void inputGradientTwoRows(double[] d, double[] w, double[] dx, int out, int in, int r) {
    int da = r * out;
    int db = da + out;
    int xa = r * in;
    int xb = xa + in;
    int i = 0;
    for (; i + 3 < in; i += 4) {
      int wo = i * out;
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      double c0 = 0;
      double c1 = 0;
      double c2 = 0;
      double c3 = 0;
      for (int j = 0; j < out; j++) {
        double u = d[da + j];
        double v = d[db + j];
        double w0 = w[wo + j];
        double w1 = w[wo + out + j];
        double w2 = w[wo + 2 * out + j];
        double w3 = w[wo + 3 * out + j];
        a0 += u * w0;
        a1 += u * w1;
        a2 += u * w2;
        a3 += u * w3;
        c0 += v * w0;
        c1 += v * w1;
        c2 += v * w2;
        c3 += v * w3;
      }
      dx[xa + i] = a0;
      dx[xa + i + 1] = a1;
      dx[xa + i + 2] = a2;
      dx[xa + i + 3] = a3;
      dx[xb + i] = c0;
      dx[xb + i + 1] = c1;
      dx[xb + i + 2] = c2;
      dx[xb + i + 3] = c3;
    }
    for (; i + 1 < in; i += 2) {
      int wo = i * out;
      double a0 = 0;
      double a1 = 0;
      double c0 = 0;
      double c1 = 0;
      for (int j = 0; j < out; j++) {
        double u = d[da + j];
        double v = d[db + j];
        double w0 = w[wo + j];
        double w1 = w[wo + out + j];
        a0 += u * w0;
        a1 += u * w1;
        c0 += v * w0;
        c1 += v * w1;
      }
      dx[xa + i] = a0;
      dx[xa + i + 1] = a1;
      dx[xb + i] = c0;
      dx[xb + i + 1] = c1;
    }
    if (i < in) {
      int wo = i * out;
      double a0 = 0;
      double c0 = 0;
      for (int j = 0; j < out; j++) {
        double w0 = w[wo + j];
        a0 += d[da + j] * w0;
        c0 += d[db + j] * w0;
      }
      dx[xa + i] = a0;
      dx[xb + i] = c0;
    }
  }

  /** Row r of the narrow input gradient. */
  private static void inputGradientOneRow(double[] d, double[] w, double[] dx, int out, int in, int r) {
    int dOff = r * out;
    int xo = r * in;
    int i = 0;
    // Four inputs at a time, each summing over the outputs in order (independent chains).
    for (; i + 3 < in; i += 4) {
      int wo = i * out;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int j = 0; j < out; j++) {
        double dv = d[dOff + j];
        s0 += dv * w[wo + j];
        s1 += dv * w[wo + out + j];
        s2 += dv * w[wo + 2 * out + j];
        s3 += dv * w[wo + 3 * out + j];
      }
      dx[xo + i] = s0;
      dx[xo + i + 1] = s1;
      dx[xo + i + 2] = s2;
      dx[xo + i + 3] = s3;
    }
    for (; i < in; i++) {
      int wo = i * out;
      double s = 0;
      for (int j = 0; j < out; j++) {
        s += d[dOff + j] * w[wo + j];
      }
      dx[xo + i] = s;
    }
  }

  /** Side of the square tiles that {@link #transpose} moves, so reads and writes both stay in cache. */
  static final int TRANSPOSE_TILE = 16;

  /** wT = w^T, with w (in, out) and wT (out, in), tile by tile. */
  static void transpose(double[] w, double[] wT, int in, int out) {
    transposeRows(w, wT, in, out, 0, in);
  }

  /** Rows {@code [r0, r1)} of w (in, out) written as columns r0..r1 of wT (out, in), tile by tile. */
  static void transposeRows(double[] w, double[] wT, int in, int out, int r0, int r1) {
    for (int i0 = r0; i0 < r1; i0 += TRANSPOSE_TILE) {
      int i1 = Math.min(r1, i0 + TRANSPOSE_TILE);
      for (int j0 = 0; j0 < out; j0 += TRANSPOSE_TILE) {
        int j1 = Math.min(out, j0 + TRANSPOSE_TILE);
        for (int i = i0; i < i1; i++) {
          for (int j = j0, wo = i * out; j < j1; j++) {
            wT[j * in + i] = w[wo + j];
          }
        }
      }
    }
  }

  /**
   * Columns {@code [c0, c1)} of the row-major {@code (rows, cols)} matrix {@code src}, written as
   * rows of {@code dst} ({@code dst[c rows + r] = src[r cols + c]}). The kernel gradient
   * x^T . dZ of a layer with few inputs reads x by columns; split by units between threads, each
   * reads the whole of x, so one transposed copy made once serves them all. (With wide inputs the
   * kernel tile's rows are consecutive inputs, whose x values share a cache line: no copy.)
   */
  static void transposeColumns(double[] src, int rows, int cols, double[] dst, int c0, int c1) {
    for (int cb = c0; cb < c1; cb += TRANSPOSE_TILE) {
      int ce = Math.min(c1, cb + TRANSPOSE_TILE);
      for (int r = 0; r < rows; r++) {
        for (int c = cb, so = r * cols; c < ce; c++) {
          dst[c * rows + r] = src[so + c];
        }
      }
    }
  }

  /**
   * Rows {@code [i0, i1)} of the row-major {@code w} (rows of {@code cols}) written as columns of
   * {@code wT}, whose rows are {@code ldT} apart ({@code wT[j ldT + i] = w[i cols + j]}): a float
   * kernel transposed for the input gradient. Reading rows and writing columns is the faster way
   * round when {@code ldT} is not a multiple of a cache page's worth of floats
   * ({@link FloatConversions#paddedStride}).
   */
  static void transposeRows(float[] w, int cols, float[] wT, int ldT, int i0, int i1) {
    for (int i = i0; i < i1; i++) {
      for (int j = 0, wo = i * cols; j < cols; j++) {
        wT[j * ldT + i] = w[wo + j];
      }
    }
  }

  /** s = column sums of d (rows, out), summed in row order; overwrites s. */
  static void columnSums(double[] d, double[] s, int rows, int out) {
    if (!wide(out)) {
      narrowColumnSums(d, s, rows, out);
      return;
    }
    columnSums(d, s, rows, out, 0, out);
  }

  /**
   * Columns {@code [j0, j1)} of the wide column sums: each column still summed in row order from 0,
   * so splitting by columns between threads changes nothing.
   */
  static void columnSums(double[] d, double[] s, int rows, int out, int j0, int j1) {
    if (Simd.ENABLED) {
      VectorElementwise.columnSums(d, s, rows, out, j0, j1);
      return;
    }
    Arrays.fill(s, j0, j1, 0.0);
    for (int r = 0; r < rows; r++) {
      int o = r * out;
      for (int j = j0; j < j1; j++) {
        s[j] += d[o + j];
      }
    }
  }

  /** The narrow column sums, four, two or one columns at a time in registers, each from 0 in row order. */
  private static void narrowColumnSums(double[] d, double[] s, int rows, int out) {
    int j = 0;
    for (; j + 3 < out; j += 4) {
      double s0 = 0.0;
      double s1 = 0.0;
      double s2 = 0.0;
      double s3 = 0.0;
      for (int r = 0, o = j; r < rows; r++, o += out) {
        s0 += d[o];
        s1 += d[o + 1];
        s2 += d[o + 2];
        s3 += d[o + 3];
      }
      s[j] = s0;
      s[j + 1] = s1;
      s[j + 2] = s2;
      s[j + 3] = s3;
    }
    for (; j + 1 < out; j += 2) {
      double s0 = 0.0;
      double s1 = 0.0;
      for (int r = 0, o = j; r < rows; r++, o += out) {
        s0 += d[o];
        s1 += d[o + 1];
      }
      s[j] = s0;
      s[j + 1] = s1;
    }
    if (j < out) {
      double s0 = 0.0;
      for (int r = 0, o = j; r < rows; r++, o += out) {
        s0 += d[o];
      }
      s[j] = s0;
    }
  }

  /**
   * c[i, j] += sum over k of a(i, k) b[k, j] for result rows {@code [m0, m1)}, every column
   * {@code j < n} and {@code k < kk}; a(i, k) is {@code a[i aRow + k aCol]}, b and c are row-major
   * with row lengths {@code ldb} and {@code ldc}. Each element is a chain of fused multiply-adds
   * over k in order, starting from its current value: the same on the {@link VectorMatMul} path,
   * which runs instead when {@link Simd} is enabled.
   */
  static void accumulate(double[] a, int aRow, int aCol, double[] b, int ldb, double[] c, int ldc, int m0, int m1,
      int n, int kk) {
    accumulate(a, aRow, aCol, b, ldb, c, ldc, m0, m1, 0, n, kk);
  }

  /**
   * The same for columns {@code [j0, n)} only, so a product with few result rows can be split
   * between threads by columns.
   */
  static void accumulate(double[] a, int aRow, int aCol, double[] b, int ldb, double[] c, int ldc, int m0, int m1,
      int j0, int n, int kk) {
    if (Simd.ENABLED) {
      VectorMatMul.accumulate(a, aRow, aCol, b, ldb, c, ldc, m0, m1, j0, n, kk);
    } else {
      plainAccumulate(a, aRow, aCol, b, ldb, c, ldc, m0, m1, j0, n, kk);
    }
  }

  /** The plain-Java path of {@link #accumulate(double[], int, int, double[], int, double[], int, int, int, int, int)}. */
  static void plainAccumulate(double[] a, int aRow, int aCol, double[] b, int ldb, double[] c, int ldc, int m0,
      int m1, int j0, int n, int kk) {
    if (n - j0 < WIDE_COLUMNS) {
      scalarColumns(a, aRow, aCol, b, ldb, c, ldc, m0, m1, j0, n, kk);
      return;
    }
    for (int jb = j0; jb < n; jb += COLUMN_BLOCK) {
      int je = Math.min(n, jb + COLUMN_BLOCK);
      int i = m0;
      for (; i + 1 < m1; i += 2) {
        twoRows(a, aRow, aCol, b, ldb, c, ldc, i, jb, je, kk);
      }
      if (i < m1) {
        oneRow(a, aRow, aCol, b, ldb, c, ldc, i, jb, je, kk);
      }
    }
  }

  /** {@link #accumulate(double[], int, int, double[], int, double[], int, int, int, int, int)} in single precision. */
  static void accumulate(float[] a, int aRow, int aCol, float[] b, int ldb, float[] c, int ldc, int m0, int m1,
      int n, int kk) {
    accumulate(a, aRow, aCol, b, ldb, c, ldc, m0, m1, 0, n, kk);
  }

  /**
   * The same for columns {@code [j0, n)} only, so a product with few result rows can be split
   * between threads by columns.
   */
  static void accumulate(float[] a, int aRow, int aCol, float[] b, int ldb, float[] c, int ldc, int m0, int m1,
      int j0, int n, int kk) {
    if (Simd.ENABLED) {
      VectorMatMul.accumulate(a, aRow, aCol, b, ldb, c, ldc, m0, m1, j0, n, kk);
    } else {
      plainAccumulate(a, aRow, aCol, b, ldb, c, ldc, m0, m1, j0, n, kk);
    }
  }

  /** The plain-Java path of {@link #accumulate(float[], int, int, float[], int, float[], int, int, int, int, int)}. */
  static void plainAccumulate(float[] a, int aRow, int aCol, float[] b, int ldb, float[] c, int ldc, int m0,
      int m1, int j0, int n, int kk) {
    if (n - j0 < WIDE_COLUMNS) {
      scalarColumns(a, aRow, aCol, b, ldb, c, ldc, m0, m1, j0, n, kk);
      return;
    }
    for (int jb = j0; jb < n; jb += COLUMN_BLOCK) {
      int je = Math.min(n, jb + COLUMN_BLOCK);
      for (int i = m0; i < m1; i++) {
        int a0 = i * aRow;
        int c0 = i * ldc;
        int k = 0;
        for (; k + 3 < kk; k += 4) {
          int ak = k * aCol;
          float x0 = a[a0 + ak];
          float x1 = a[a0 + ak + aCol];
          float x2 = a[a0 + ak + 2 * aCol];
          float x3 = a[a0 + ak + 3 * aCol];
          int b0 = k * ldb;
          int b1 = b0 + ldb;
          int b2 = b1 + ldb;
          int b3 = b2 + ldb;
          for (int j = jb; j < je; j++) {
            c[c0 + j] = Math.fma(x3, b[b3 + j], Math.fma(x2, b[b2 + j], Math.fma(x1, b[b1 + j],
                Math.fma(x0, b[b0 + j], c[c0 + j]))));
          }
        }
        for (; k < kk; k++) {
          float x0 = a[a0 + k * aCol];
          int b0 = k * ldb;
          for (int j = jb; j < je; j++) {
            c[c0 + j] = Math.fma(x0, b[b0 + j], c[c0 + j]);
          }
        }
      }
    }
  }

  private static void twoRows(double[] a, int aRow, int aCol, double[] b, int ldb, double[] c, int ldc, int i,
      int jb, int je, int kk) {
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int c0 = i * ldc;
    int c1 = c0 + ldc;
    int k = 0;
    for (; k + 3 < kk; k += 4) {
      int ak = k * aCol;
      double x00 = a[a0 + ak];
      double x01 = a[a0 + ak + aCol];
      double x02 = a[a0 + ak + 2 * aCol];
      double x03 = a[a0 + ak + 3 * aCol];
      double x10 = a[a1 + ak];
      double x11 = a[a1 + ak + aCol];
      double x12 = a[a1 + ak + 2 * aCol];
      double x13 = a[a1 + ak + 3 * aCol];
      int b0 = k * ldb;
      int b1 = b0 + ldb;
      int b2 = b1 + ldb;
      int b3 = b2 + ldb;
      for (int j = jb; j < je; j++) {
        double w0 = b[b0 + j];
        double w1 = b[b1 + j];
        double w2 = b[b2 + j];
        double w3 = b[b3 + j];
        c[c0 + j] = Math.fma(x03, w3, Math.fma(x02, w2, Math.fma(x01, w1, Math.fma(x00, w0, c[c0 + j]))));
        c[c1 + j] = Math.fma(x13, w3, Math.fma(x12, w2, Math.fma(x11, w1, Math.fma(x10, w0, c[c1 + j]))));
      }
    }
    for (; k < kk; k++) {
      double x0 = a[a0 + k * aCol];
      double x1 = a[a1 + k * aCol];
      int b0 = k * ldb;
      for (int j = jb; j < je; j++) {
        double w0 = b[b0 + j];
        c[c0 + j] = Math.fma(x0, w0, c[c0 + j]);
        c[c1 + j] = Math.fma(x1, w0, c[c1 + j]);
      }
    }
  }

  private static void oneRow(double[] a, int aRow, int aCol, double[] b, int ldb, double[] c, int ldc, int i,
      int jb, int je, int kk) {
    int a0 = i * aRow;
    int c0 = i * ldc;
    int k = 0;
    for (; k + 3 < kk; k += 4) {
      int ak = k * aCol;
      double x00 = a[a0 + ak];
      double x01 = a[a0 + ak + aCol];
      double x02 = a[a0 + ak + 2 * aCol];
      double x03 = a[a0 + ak + 3 * aCol];
      int b0 = k * ldb;
      int b1 = b0 + ldb;
      int b2 = b1 + ldb;
      int b3 = b2 + ldb;
      for (int j = jb; j < je; j++) {
        c[c0 + j] = Math.fma(x03, b[b3 + j], Math.fma(x02, b[b2 + j], Math.fma(x01, b[b1 + j],
            Math.fma(x00, b[b0 + j], c[c0 + j]))));
      }
    }
    for (; k < kk; k++) {
      double x0 = a[a0 + k * aCol];
      int b0 = k * ldb;
      for (int j = jb; j < je; j++) {
        c[c0 + j] = Math.fma(x0, b[b0 + j], c[c0 + j]);
      }
    }
  }

  /**
   * Columns {@code [j0, n)} of {@link #accumulate} one element at a time, four result rows
   * together so that four independent fused multiply-add chains overlap (a single chain waits on
   * each multiply-add's latency). Each element's chain is the same as on every other path.
   */
  static void scalarColumns(double[] a, int aRow, int aCol, double[] b, int ldb, double[] c, int ldc, int m0, int m1,
      int j0, int n, int kk) {
    for (int j = j0; j < n; j++) {
      int i = m0;
      for (; i + 3 < m1; i += 4) {
        int a0 = i * aRow;
        int c0 = i * ldc + j;
        double s0 = c[c0];
        double s1 = c[c0 + ldc];
        double s2 = c[c0 + 2 * ldc];
        double s3 = c[c0 + 3 * ldc];
        for (int k = 0, ak = a0, bk = j; k < kk; k++, ak += aCol, bk += ldb) {
          double w = b[bk];
          s0 = Math.fma(a[ak], w, s0);
          s1 = Math.fma(a[ak + aRow], w, s1);
          s2 = Math.fma(a[ak + 2 * aRow], w, s2);
          s3 = Math.fma(a[ak + 3 * aRow], w, s3);
        }
        c[c0] = s0;
        c[c0 + ldc] = s1;
        c[c0 + 2 * ldc] = s2;
        c[c0 + 3 * ldc] = s3;
      }
      for (; i < m1; i++) {
        int c0 = i * ldc + j;
        double s = c[c0];
        for (int k = 0, ak = i * aRow, bk = j; k < kk; k++, ak += aCol, bk += ldb) {
          s = Math.fma(a[ak], b[bk], s);
        }
        c[c0] = s;
      }
    }
  }

  /**
   * Columns {@code [j0, n)} of {@link #accumulate} one element at a time, four result rows
   * together so that four independent fused multiply-add chains overlap (a single chain waits on
   * each multiply-add's latency). Each element's chain is the same as on every other path.
   */
  static void scalarColumns(float[] a, int aRow, int aCol, float[] b, int ldb, float[] c, int ldc, int m0, int m1,
      int j0, int n, int kk) {
    for (int j = j0; j < n; j++) {
      int i = m0;
      for (; i + 3 < m1; i += 4) {
        int a0 = i * aRow;
        int c0 = i * ldc + j;
        float s0 = c[c0];
        float s1 = c[c0 + ldc];
        float s2 = c[c0 + 2 * ldc];
        float s3 = c[c0 + 3 * ldc];
        for (int k = 0, ak = a0, bk = j; k < kk; k++, ak += aCol, bk += ldb) {
          float w = b[bk];
          s0 = Math.fma(a[ak], w, s0);
          s1 = Math.fma(a[ak + aRow], w, s1);
          s2 = Math.fma(a[ak + 2 * aRow], w, s2);
          s3 = Math.fma(a[ak + 3 * aRow], w, s3);
        }
        c[c0] = s0;
        c[c0 + ldc] = s1;
        c[c0 + 2 * ldc] = s2;
        c[c0 + 3 * ldc] = s3;
      }
      for (; i < m1; i++) {
        int c0 = i * ldc + j;
        float s = c[c0];
        for (int k = 0, ak = i * aRow, bk = j; k < kk; k++, ak += aCol, bk += ldb) {
          s = Math.fma(a[ak], b[bk], s);
        }
        c[c0] = s;
      }
    }
  }
}

package dev.lamina.layer;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The wide products on the JDK's Vector API: register-tiled micro-kernels of four result rows by
 * three vectors (12 accumulators: 48 doubles or 96 floats on AVX2), each step loading three
 * vectors of a row of b and broadcasting one element of a per result row, so a loaded vector feeds
 * four fused multiply-adds; with 512-bit vectors, six result rows by three vectors (see
 * {@link #SIX_ROWS}). Columns go in blocks of three vectors, then two (a last single vector is
 * avoided, see {@link #threeVectorBlocks}), then one-vector kernels, then scalar {@code Math.fma}
 * chains four rows at a time; remaining rows take four-, three-, two- or one-row kernels. From
 * {@link #PACK_MIN_ROWS} result rows on, each block of b's columns is first copied into a
 * contiguous panel that all the block's row tiles then read ({@link #PANELS}).
 *
 * <p>Every element is a chain of fused multiply-adds over k in order, starting from its current
 * value, exactly as {@link MatMul}'s plain kernels compute it: the two paths are bit-identical.
 * Loaded only when {@link Simd} found the incubator module; never referenced otherwise.
 */
final class VectorMatMul {
  // The float kernels repeat the double ones line for line: Java has no generics over primitives,
  // and a boxed or interface-based version would not be intrinsified.
  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;

  /**
   * Whether the wide kernels take six result rows at a time: with 512-bit vectors (AVX-512, whose
   * 32 registers hold the 18 accumulators of a six-row, three-vector tile), each loaded vector of
   * b then feeds six fused multiply-adds instead of four, which cuts the traffic from b per
   * multiply-add by a third. Measured on the project machine (processor time of one thread,
   * 256 x 256 x 256 float64, two runs): 439 us against 540-548 us for the four-row tile; eight
   * rows (24 accumulators) ran no faster (439-559 us) and, in 3 of 8 float32 trainings under load
   * ({@code AbCompare}, one thread), C2 compiled the eight-row method with its Vector API calls
   * not intrinsified, boxing every vector (0.27x the speed, a collection every 0.2 s); with
   * {@code -XX:LiveNodeCountInliningCutoff} doubled, none of 4 runs failed, so the method's size
   * is the likely cause. The six-row tile failed in none of 6 runs. With 256-bit vectors (16
   * registers) the four-row tile already fills the register file.
   */
  private static final boolean SIX_ROWS = wideVectors();
  /**
   * Result rows from which a product copies each block of b's columns into a contiguous panel
   * first ({@link #PANELS}). Copying the whole of a 256 x 256 b took about 9 us, and the panel
   * saves about a tenth of the multiply-adds' time: it pays from about 64 rows (one thread's
   * share of a batch of 256 split in four guided parts is 32 or 96 rows).
   */
  static final int PACK_MIN_ROWS = 64;
  /**
   * Each thread's panel buffers, grown to the largest panel it has packed (never per product).
   * Packing measured 8-15% faster per product than reading b in place (processor time of one
   * thread, 256 x 256 x 256, three layouts; docs/BENCHMARKS.md "Tenth session"): a row of b's
   * block is 3 vectors at a stride of a whole row, and a Java array's 512-bit vectors are aligned
   * to 64 bytes only when the array happens to start on a cache line (1 in 8 for doubles; a
   * young collection moves it), so in place most loads of b straddle two cache lines. In the
   * panel, consecutive loads share their lines whatever the alignment.
   */
  private static final ThreadLocal<Panels> PANELS = ThreadLocal.withInitial(Panels::new);

  private VectorMatMul() {}

  /** One thread's packed-panel buffers. */
  private static final class Panels {
    double[] doubles = new double[0];
    float[] floats = new float[0];
  }

  /** The calling thread's double panel buffer, holding at least {@code size} values. */
  private static double[] panelD(int size) {
    Panels p = PANELS.get();
    if (p.doubles.length < size) {
      p.doubles = new double[size];
    }
    return p.doubles;
  }

  /** The calling thread's float panel buffer, holding at least {@code size} values. */
  private static float[] panelF(int size) {
    Panels p = PANELS.get();
    if (p.floats.length < size) {
      p.floats = new float[size];
    }
    return p.floats;
  }

  /**
   * How many blocks of three vectors a row of {@code vectors} whole vectors takes: all it can,
   * except that a remainder of one vector (which the one-vector kernels would take, at four
   * multiply-adds per five loads) becomes two blocks of two, e.g. 16 float vectors (256 columns)
   * as 4 x 3 + 2 x 2.
   */
  static int threeVectorBlocks(int vectors) {
    return vectors % 3 == 1 && vectors >= 4 ? (vectors - 4) / 3 : vectors / 3;
  }

  /** Whether the vectors are 512 bits or wider (AVX-512): decides {@link ProductBackends#of}. */
  static boolean wideVectors() {
    return DS.vectorBitSize() >= 512;
  }

  /** The vector shape, for {@link Simd#describe()}. */
  static String describeSpecies() {
    return DS.vectorBitSize() + "-bit, " + DS.length() + " doubles / " + FS.length() + " floats";
  }

  /**
   * c[i, j] += sum over k of a(i, k) b[k, j] for result rows {@code [m0, m1)}, columns
   * {@code j < n} and {@code k < kk}, each element as a chain of fused multiply-adds in k order
   * starting from its current value; a(i, k) is {@code a[i aRow + k aCol]}, b and c are row-major
   * with row lengths {@code ldb} and {@code ldc}.
   */
  static void accumulate(double[] a, int aRow, int aCol, double[] b, int ldb, double[] c, int ldc, int m0, int m1, int n,
      int kk) {
    accumulate(a, aRow, aCol, b, ldb, c, ldc, m0, m1, 0, n, kk);
  }

  /** {@link #accumulate(double[], int, int, double[], int, double[], int, int, int, int, int)} for columns {@code [j0, n)} only. */
  static void accumulate(double[] a, int aRow, int aCol, double[] b, int ldb, double[] c, int ldc, int m0, int m1, int j0,
      int n, int kk) {
    final int l = DS.length();
    int vectors = (n - j0) / l;
    int threeBlocks = threeVectorBlocks(vectors);
    int twoBlocks = (vectors - 3 * threeBlocks) / 2;
    boolean pack = m1 - m0 >= PACK_MIN_ROWS;
    double[] panel = pack ? panelD(kk * 3 * l) : null;
    int j = j0;
    for (int t = 0; t < threeBlocks; t++, j += 3 * l) {
      if (pack) {
        packD(b, ldb, j, 3, kk, panel);
        threeVectorBlockD(a, aRow, aCol, panel, 3 * l, 0, c, ldc, m0, m1, j, kk);
      } else {
        threeVectorBlockD(a, aRow, aCol, b, ldb, j, c, ldc, m0, m1, j, kk);
      }
    }
    for (int t = 0; t < twoBlocks; t++, j += 2 * l) {
      if (pack) {
        packD(b, ldb, j, 2, kk, panel);
        twoVectorBlockD(a, aRow, aCol, panel, 2 * l, 0, c, ldc, m0, m1, j, kk);
      } else {
        twoVectorBlockD(a, aRow, aCol, b, ldb, j, c, ldc, m0, m1, j, kk);
      }
    }
    for (; j + l <= n; j += l) {
      int i = m0;
      for (; i + 3 < m1; i += 4) {
        fourRowsOneVectorD(a, aRow, aCol, b, ldb, j, c, ldc, i, j, kk);
      }
      for (; i < m1; i++) {
        oneRowOneVectorD(a, aRow, aCol, b, ldb, j, c, ldc, i, j, kk);
      }
    }
    if (j < n) {
      MatMul.scalarColumns(a, aRow, aCol, b, ldb, c, ldc, m0, m1, j, n, kk);
    }
  }

  /**
   * Rows {@code [m0, m1)} of columns {@code [j, j + 3 l)} of c, reading b's columns from {@code bj}
   * on (b is either the caller's matrix or a packed panel of it).
   */
  private static void threeVectorBlockD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj, double[] c, int ldc,
      int m0, int m1, int j, int kk) {
    int i = m0;
    if (SIX_ROWS) {
      for (; i + 5 < m1; i += 6) {
        sixRowsThreeVectorsD(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
      }
    }
    for (; i + 3 < m1; i += 4) {
      fourRowsThreeVectorsD(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
    }
    if (m1 - i == 3) {
      threeRowsThreeVectorsD(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
    } else if (m1 - i == 2) {
      twoRowsThreeVectorsD(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
    } else if (m1 - i == 1) {
      oneRowThreeVectorsD(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
    }
  }

  /** Rows {@code [m0, m1)} of columns {@code [j, j + 2 l)} of c, b's columns from {@code bj} on. */
  private static void twoVectorBlockD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj, double[] c, int ldc,
      int m0, int m1, int j, int kk) {
    final int l = DS.length();
    int i = m0;
    if (SIX_ROWS) {
      for (; i + 5 < m1; i += 6) {
        sixRowsTwoVectorsD(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
      }
    }
    for (; i + 3 < m1; i += 4) {
      fourRowsTwoVectorsD(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
    }
    for (; i < m1; i++) {
      oneRowOneVectorD(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
      oneRowOneVectorD(a, aRow, aCol, b, ldb, bj + l, c, ldc, i, j + l, kk);
    }
  }

  /**
   * Copies columns {@code [j, j + vectors l)} of the kk rows of b into {@code panel}, row after row
   * ({@code vectors l} values each): the micro-kernels then stream it from consecutive addresses.
   */
  private static void packD(double[] b, int ldb, int j, int vectors, int kk, double[] panel) {
    final int l = DS.length();
    int width = vectors * l;
    for (int k = 0, src = j, dst = 0; k < kk; k++, src += ldb, dst += width) {
      for (int v = 0; v < width; v += l) {
        DoubleVector.fromArray(DS, b, src + v).intoArray(panel, dst + v);
      }
    }
  }

  private static void sixRowsThreeVectorsD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj,
      double[] c, int ldc, int i, int j, int kk) {
    final int l = DS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int a3 = a2 + aRow;
    int a4 = a3 + aRow;
    int a5 = a4 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int c4 = c3 + ldc;
    int c5 = c4 + ldc;
    DoubleVector s00 = DoubleVector.fromArray(DS, c, c0);
    DoubleVector s01 = DoubleVector.fromArray(DS, c, c0 + l);
    DoubleVector s02 = DoubleVector.fromArray(DS, c, c0 + 2 * l);
    DoubleVector s10 = DoubleVector.fromArray(DS, c, c1);
    DoubleVector s11 = DoubleVector.fromArray(DS, c, c1 + l);
    DoubleVector s12 = DoubleVector.fromArray(DS, c, c1 + 2 * l);
    DoubleVector s20 = DoubleVector.fromArray(DS, c, c2);
    DoubleVector s21 = DoubleVector.fromArray(DS, c, c2 + l);
    DoubleVector s22 = DoubleVector.fromArray(DS, c, c2 + 2 * l);
    DoubleVector s30 = DoubleVector.fromArray(DS, c, c3);
    DoubleVector s31 = DoubleVector.fromArray(DS, c, c3 + l);
    DoubleVector s32 = DoubleVector.fromArray(DS, c, c3 + 2 * l);
    DoubleVector s40 = DoubleVector.fromArray(DS, c, c4);
    DoubleVector s41 = DoubleVector.fromArray(DS, c, c4 + l);
    DoubleVector s42 = DoubleVector.fromArray(DS, c, c4 + 2 * l);
    DoubleVector s50 = DoubleVector.fromArray(DS, c, c5);
    DoubleVector s51 = DoubleVector.fromArray(DS, c, c5 + l);
    DoubleVector s52 = DoubleVector.fromArray(DS, c, c5 + 2 * l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      DoubleVector b0 = DoubleVector.fromArray(DS, b, bk);
      DoubleVector b1 = DoubleVector.fromArray(DS, b, bk + l);
      DoubleVector b2 = DoubleVector.fromArray(DS, b, bk + 2 * l);
      DoubleVector x = DoubleVector.broadcast(DS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      s02 = x.fma(b2, s02);
      x = DoubleVector.broadcast(DS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      s12 = x.fma(b2, s12);
      x = DoubleVector.broadcast(DS, a[a2 + ak]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      s22 = x.fma(b2, s22);
      x = DoubleVector.broadcast(DS, a[a3 + ak]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      s32 = x.fma(b2, s32);
      x = DoubleVector.broadcast(DS, a[a4 + ak]);
      s40 = x.fma(b0, s40);
      s41 = x.fma(b1, s41);
      s42 = x.fma(b2, s42);
      x = DoubleVector.broadcast(DS, a[a5 + ak]);
      s50 = x.fma(b0, s50);
      s51 = x.fma(b1, s51);
      s52 = x.fma(b2, s52);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s02.intoArray(c, c0 + 2 * l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s12.intoArray(c, c1 + 2 * l);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + l);
    s22.intoArray(c, c2 + 2 * l);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + l);
    s32.intoArray(c, c3 + 2 * l);
    s40.intoArray(c, c4);
    s41.intoArray(c, c4 + l);
    s42.intoArray(c, c4 + 2 * l);
    s50.intoArray(c, c5);
    s51.intoArray(c, c5 + l);
    s52.intoArray(c, c5 + 2 * l);
  }

  private static void sixRowsTwoVectorsD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj,
      double[] c, int ldc, int i, int j, int kk) {
    final int l = DS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int a3 = a2 + aRow;
    int a4 = a3 + aRow;
    int a5 = a4 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int c4 = c3 + ldc;
    int c5 = c4 + ldc;
    DoubleVector s00 = DoubleVector.fromArray(DS, c, c0);
    DoubleVector s01 = DoubleVector.fromArray(DS, c, c0 + l);
    DoubleVector s10 = DoubleVector.fromArray(DS, c, c1);
    DoubleVector s11 = DoubleVector.fromArray(DS, c, c1 + l);
    DoubleVector s20 = DoubleVector.fromArray(DS, c, c2);
    DoubleVector s21 = DoubleVector.fromArray(DS, c, c2 + l);
    DoubleVector s30 = DoubleVector.fromArray(DS, c, c3);
    DoubleVector s31 = DoubleVector.fromArray(DS, c, c3 + l);
    DoubleVector s40 = DoubleVector.fromArray(DS, c, c4);
    DoubleVector s41 = DoubleVector.fromArray(DS, c, c4 + l);
    DoubleVector s50 = DoubleVector.fromArray(DS, c, c5);
    DoubleVector s51 = DoubleVector.fromArray(DS, c, c5 + l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      DoubleVector b0 = DoubleVector.fromArray(DS, b, bk);
      DoubleVector b1 = DoubleVector.fromArray(DS, b, bk + l);
      DoubleVector x = DoubleVector.broadcast(DS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      x = DoubleVector.broadcast(DS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      x = DoubleVector.broadcast(DS, a[a2 + ak]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      x = DoubleVector.broadcast(DS, a[a3 + ak]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      x = DoubleVector.broadcast(DS, a[a4 + ak]);
      s40 = x.fma(b0, s40);
      s41 = x.fma(b1, s41);
      x = DoubleVector.broadcast(DS, a[a5 + ak]);
      s50 = x.fma(b0, s50);
      s51 = x.fma(b1, s51);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + l);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + l);
    s40.intoArray(c, c4);
    s41.intoArray(c, c4 + l);
    s50.intoArray(c, c5);
    s51.intoArray(c, c5 + l);
  }

  private static void fourRowsThreeVectorsD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj,
      double[] c, int ldc, int i, int j, int kk) {
    final int l = DS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int a3 = a2 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    DoubleVector s00 = DoubleVector.fromArray(DS, c, c0);
    DoubleVector s01 = DoubleVector.fromArray(DS, c, c0 + l);
    DoubleVector s02 = DoubleVector.fromArray(DS, c, c0 + 2 * l);
    DoubleVector s10 = DoubleVector.fromArray(DS, c, c1);
    DoubleVector s11 = DoubleVector.fromArray(DS, c, c1 + l);
    DoubleVector s12 = DoubleVector.fromArray(DS, c, c1 + 2 * l);
    DoubleVector s20 = DoubleVector.fromArray(DS, c, c2);
    DoubleVector s21 = DoubleVector.fromArray(DS, c, c2 + l);
    DoubleVector s22 = DoubleVector.fromArray(DS, c, c2 + 2 * l);
    DoubleVector s30 = DoubleVector.fromArray(DS, c, c3);
    DoubleVector s31 = DoubleVector.fromArray(DS, c, c3 + l);
    DoubleVector s32 = DoubleVector.fromArray(DS, c, c3 + 2 * l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      DoubleVector b0 = DoubleVector.fromArray(DS, b, bk);
      DoubleVector b1 = DoubleVector.fromArray(DS, b, bk + l);
      DoubleVector b2 = DoubleVector.fromArray(DS, b, bk + 2 * l);
      DoubleVector x = DoubleVector.broadcast(DS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      s02 = x.fma(b2, s02);
      x = DoubleVector.broadcast(DS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      s12 = x.fma(b2, s12);
      x = DoubleVector.broadcast(DS, a[a2 + ak]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      s22 = x.fma(b2, s22);
      x = DoubleVector.broadcast(DS, a[a3 + ak]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      s32 = x.fma(b2, s32);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s02.intoArray(c, c0 + 2 * l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s12.intoArray(c, c1 + 2 * l);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + l);
    s22.intoArray(c, c2 + 2 * l);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + l);
    s32.intoArray(c, c3 + 2 * l);
  }

  private static void threeRowsThreeVectorsD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj,
      double[] c, int ldc, int i, int j, int kk) {
    final int l = DS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    DoubleVector s00 = DoubleVector.fromArray(DS, c, c0);
    DoubleVector s01 = DoubleVector.fromArray(DS, c, c0 + l);
    DoubleVector s02 = DoubleVector.fromArray(DS, c, c0 + 2 * l);
    DoubleVector s10 = DoubleVector.fromArray(DS, c, c1);
    DoubleVector s11 = DoubleVector.fromArray(DS, c, c1 + l);
    DoubleVector s12 = DoubleVector.fromArray(DS, c, c1 + 2 * l);
    DoubleVector s20 = DoubleVector.fromArray(DS, c, c2);
    DoubleVector s21 = DoubleVector.fromArray(DS, c, c2 + l);
    DoubleVector s22 = DoubleVector.fromArray(DS, c, c2 + 2 * l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      DoubleVector b0 = DoubleVector.fromArray(DS, b, bk);
      DoubleVector b1 = DoubleVector.fromArray(DS, b, bk + l);
      DoubleVector b2 = DoubleVector.fromArray(DS, b, bk + 2 * l);
      DoubleVector x = DoubleVector.broadcast(DS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      s02 = x.fma(b2, s02);
      x = DoubleVector.broadcast(DS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      s12 = x.fma(b2, s12);
      x = DoubleVector.broadcast(DS, a[a2 + ak]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      s22 = x.fma(b2, s22);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s02.intoArray(c, c0 + 2 * l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s12.intoArray(c, c1 + 2 * l);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + l);
    s22.intoArray(c, c2 + 2 * l);
  }

  private static void twoRowsThreeVectorsD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj,
      double[] c, int ldc, int i, int j, int kk) {
    final int l = DS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    DoubleVector s00 = DoubleVector.fromArray(DS, c, c0);
    DoubleVector s01 = DoubleVector.fromArray(DS, c, c0 + l);
    DoubleVector s02 = DoubleVector.fromArray(DS, c, c0 + 2 * l);
    DoubleVector s10 = DoubleVector.fromArray(DS, c, c1);
    DoubleVector s11 = DoubleVector.fromArray(DS, c, c1 + l);
    DoubleVector s12 = DoubleVector.fromArray(DS, c, c1 + 2 * l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      DoubleVector b0 = DoubleVector.fromArray(DS, b, bk);
      DoubleVector b1 = DoubleVector.fromArray(DS, b, bk + l);
      DoubleVector b2 = DoubleVector.fromArray(DS, b, bk + 2 * l);
      DoubleVector x = DoubleVector.broadcast(DS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      s02 = x.fma(b2, s02);
      x = DoubleVector.broadcast(DS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      s12 = x.fma(b2, s12);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s02.intoArray(c, c0 + 2 * l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s12.intoArray(c, c1 + 2 * l);
  }

  private static void oneRowThreeVectorsD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj,
      double[] c, int ldc, int i, int j, int kk) {
    final int l = DS.length();
    int a0 = i * aRow;
    int c0 = i * ldc + j;
    DoubleVector s0 = DoubleVector.fromArray(DS, c, c0);
    DoubleVector s1 = DoubleVector.fromArray(DS, c, c0 + l);
    DoubleVector s2 = DoubleVector.fromArray(DS, c, c0 + 2 * l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      DoubleVector x = DoubleVector.broadcast(DS, a[a0 + ak]);
      s0 = x.fma(DoubleVector.fromArray(DS, b, bk), s0);
      s1 = x.fma(DoubleVector.fromArray(DS, b, bk + l), s1);
      s2 = x.fma(DoubleVector.fromArray(DS, b, bk + 2 * l), s2);
    }
    s0.intoArray(c, c0);
    s1.intoArray(c, c0 + l);
    s2.intoArray(c, c0 + 2 * l);
  }

  private static void fourRowsTwoVectorsD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj,
      double[] c, int ldc, int i, int j, int kk) {
    final int l = DS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int a3 = a2 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    DoubleVector s00 = DoubleVector.fromArray(DS, c, c0);
    DoubleVector s01 = DoubleVector.fromArray(DS, c, c0 + l);
    DoubleVector s10 = DoubleVector.fromArray(DS, c, c1);
    DoubleVector s11 = DoubleVector.fromArray(DS, c, c1 + l);
    DoubleVector s20 = DoubleVector.fromArray(DS, c, c2);
    DoubleVector s21 = DoubleVector.fromArray(DS, c, c2 + l);
    DoubleVector s30 = DoubleVector.fromArray(DS, c, c3);
    DoubleVector s31 = DoubleVector.fromArray(DS, c, c3 + l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      DoubleVector b0 = DoubleVector.fromArray(DS, b, bk);
      DoubleVector b1 = DoubleVector.fromArray(DS, b, bk + l);
      DoubleVector x = DoubleVector.broadcast(DS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      x = DoubleVector.broadcast(DS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      x = DoubleVector.broadcast(DS, a[a2 + ak]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      x = DoubleVector.broadcast(DS, a[a3 + ak]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + l);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + l);
  }

  private static void fourRowsOneVectorD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj,
      double[] c, int ldc, int i, int j, int kk) {
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int a3 = a2 + aRow;
    int c0 = i * ldc + j;
    DoubleVector s0 = DoubleVector.fromArray(DS, c, c0);
    DoubleVector s1 = DoubleVector.fromArray(DS, c, c0 + ldc);
    DoubleVector s2 = DoubleVector.fromArray(DS, c, c0 + 2 * ldc);
    DoubleVector s3 = DoubleVector.fromArray(DS, c, c0 + 3 * ldc);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      DoubleVector w = DoubleVector.fromArray(DS, b, bk);
      s0 = DoubleVector.broadcast(DS, a[a0 + ak]).fma(w, s0);
      s1 = DoubleVector.broadcast(DS, a[a1 + ak]).fma(w, s1);
      s2 = DoubleVector.broadcast(DS, a[a2 + ak]).fma(w, s2);
      s3 = DoubleVector.broadcast(DS, a[a3 + ak]).fma(w, s3);
    }
    s0.intoArray(c, c0);
    s1.intoArray(c, c0 + ldc);
    s2.intoArray(c, c0 + 2 * ldc);
    s3.intoArray(c, c0 + 3 * ldc);
  }

  private static void oneRowOneVectorD(double[] a, int aRow, int aCol, double[] b, int ldb, int bj,
      double[] c, int ldc, int i, int j, int kk) {
    int a0 = i * aRow;
    int c0 = i * ldc + j;
    DoubleVector s = DoubleVector.fromArray(DS, c, c0);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      s = DoubleVector.broadcast(DS, a[a0 + ak]).fma(DoubleVector.fromArray(DS, b, bk), s);
    }
    s.intoArray(c, c0);
  }

  /**
   * c[i, j] += sum over k of a(i, k) b[k, j] for result rows {@code [m0, m1)}, columns
   * {@code j < n} and {@code k < kk}, each element as a chain of fused multiply-adds in k order
   * starting from its current value; a(i, k) is {@code a[i aRow + k aCol]}, b and c are row-major
   * with row lengths {@code ldb} and {@code ldc}.
   */
  static void accumulate(float[] a, int aRow, int aCol, float[] b, int ldb, float[] c, int ldc, int m0, int m1, int n,
      int kk) {
    accumulate(a, aRow, aCol, b, ldb, c, ldc, m0, m1, 0, n, kk);
  }

  /** {@link #accumulate(float[], int, int, float[], int, float[], int, int, int, int, int)} for columns {@code [j0, n)} only. */
  static void accumulate(float[] a, int aRow, int aCol, float[] b, int ldb, float[] c, int ldc, int m0, int m1, int j0,
      int n, int kk) {
    final int l = FS.length();
    int vectors = (n - j0) / l;
    int threeBlocks = threeVectorBlocks(vectors);
    int twoBlocks = (vectors - 3 * threeBlocks) / 2;
    boolean pack = m1 - m0 >= PACK_MIN_ROWS;
    float[] panel = pack ? panelF(kk * 3 * l) : null;
    int j = j0;
    for (int t = 0; t < threeBlocks; t++, j += 3 * l) {
      if (pack) {
        packF(b, ldb, j, 3, kk, panel);
        threeVectorBlockF(a, aRow, aCol, panel, 3 * l, 0, c, ldc, m0, m1, j, kk);
      } else {
        threeVectorBlockF(a, aRow, aCol, b, ldb, j, c, ldc, m0, m1, j, kk);
      }
    }
    for (int t = 0; t < twoBlocks; t++, j += 2 * l) {
      if (pack) {
        packF(b, ldb, j, 2, kk, panel);
        twoVectorBlockF(a, aRow, aCol, panel, 2 * l, 0, c, ldc, m0, m1, j, kk);
      } else {
        twoVectorBlockF(a, aRow, aCol, b, ldb, j, c, ldc, m0, m1, j, kk);
      }
    }
    for (; j + l <= n; j += l) {
      int i = m0;
      for (; i + 3 < m1; i += 4) {
        fourRowsOneVectorF(a, aRow, aCol, b, ldb, j, c, ldc, i, j, kk);
      }
      for (; i < m1; i++) {
        oneRowOneVectorF(a, aRow, aCol, b, ldb, j, c, ldc, i, j, kk);
      }
    }
    if (j < n) {
      MatMul.scalarColumns(a, aRow, aCol, b, ldb, c, ldc, m0, m1, j, n, kk);
    }
  }

  /**
   * Rows {@code [m0, m1)} of columns {@code [j, j + 3 l)} of c, reading b's columns from {@code bj}
   * on (b is either the caller's matrix or a packed panel of it).
   */
  private static void threeVectorBlockF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj, float[] c, int ldc,
      int m0, int m1, int j, int kk) {
    int i = m0;
    if (SIX_ROWS) {
      for (; i + 5 < m1; i += 6) {
        sixRowsThreeVectorsF(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
      }
    }
    for (; i + 3 < m1; i += 4) {
      fourRowsThreeVectorsF(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
    }
    if (m1 - i == 3) {
      threeRowsThreeVectorsF(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
    } else if (m1 - i == 2) {
      twoRowsThreeVectorsF(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
    } else if (m1 - i == 1) {
      oneRowThreeVectorsF(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
    }
  }

  /** Rows {@code [m0, m1)} of columns {@code [j, j + 2 l)} of c, b's columns from {@code bj} on. */
  private static void twoVectorBlockF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj, float[] c, int ldc,
      int m0, int m1, int j, int kk) {
    final int l = FS.length();
    int i = m0;
    if (SIX_ROWS) {
      for (; i + 5 < m1; i += 6) {
        sixRowsTwoVectorsF(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
      }
    }
    for (; i + 3 < m1; i += 4) {
      fourRowsTwoVectorsF(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
    }
    for (; i < m1; i++) {
      oneRowOneVectorF(a, aRow, aCol, b, ldb, bj, c, ldc, i, j, kk);
      oneRowOneVectorF(a, aRow, aCol, b, ldb, bj + l, c, ldc, i, j + l, kk);
    }
  }

  /**
   * Copies columns {@code [j, j + vectors l)} of the kk rows of b into {@code panel}, row after row
   * ({@code vectors l} values each): the micro-kernels then stream it from consecutive addresses.
   */
  private static void packF(float[] b, int ldb, int j, int vectors, int kk, float[] panel) {
    final int l = FS.length();
    int width = vectors * l;
    for (int k = 0, src = j, dst = 0; k < kk; k++, src += ldb, dst += width) {
      for (int v = 0; v < width; v += l) {
        FloatVector.fromArray(FS, b, src + v).intoArray(panel, dst + v);
      }
    }
  }

  private static void sixRowsThreeVectorsF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj,
      float[] c, int ldc, int i, int j, int kk) {
    final int l = FS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int a3 = a2 + aRow;
    int a4 = a3 + aRow;
    int a5 = a4 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int c4 = c3 + ldc;
    int c5 = c4 + ldc;
    FloatVector s00 = FloatVector.fromArray(FS, c, c0);
    FloatVector s01 = FloatVector.fromArray(FS, c, c0 + l);
    FloatVector s02 = FloatVector.fromArray(FS, c, c0 + 2 * l);
    FloatVector s10 = FloatVector.fromArray(FS, c, c1);
    FloatVector s11 = FloatVector.fromArray(FS, c, c1 + l);
    FloatVector s12 = FloatVector.fromArray(FS, c, c1 + 2 * l);
    FloatVector s20 = FloatVector.fromArray(FS, c, c2);
    FloatVector s21 = FloatVector.fromArray(FS, c, c2 + l);
    FloatVector s22 = FloatVector.fromArray(FS, c, c2 + 2 * l);
    FloatVector s30 = FloatVector.fromArray(FS, c, c3);
    FloatVector s31 = FloatVector.fromArray(FS, c, c3 + l);
    FloatVector s32 = FloatVector.fromArray(FS, c, c3 + 2 * l);
    FloatVector s40 = FloatVector.fromArray(FS, c, c4);
    FloatVector s41 = FloatVector.fromArray(FS, c, c4 + l);
    FloatVector s42 = FloatVector.fromArray(FS, c, c4 + 2 * l);
    FloatVector s50 = FloatVector.fromArray(FS, c, c5);
    FloatVector s51 = FloatVector.fromArray(FS, c, c5 + l);
    FloatVector s52 = FloatVector.fromArray(FS, c, c5 + 2 * l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bk);
      FloatVector b1 = FloatVector.fromArray(FS, b, bk + l);
      FloatVector b2 = FloatVector.fromArray(FS, b, bk + 2 * l);
      FloatVector x = FloatVector.broadcast(FS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      s02 = x.fma(b2, s02);
      x = FloatVector.broadcast(FS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      s12 = x.fma(b2, s12);
      x = FloatVector.broadcast(FS, a[a2 + ak]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      s22 = x.fma(b2, s22);
      x = FloatVector.broadcast(FS, a[a3 + ak]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      s32 = x.fma(b2, s32);
      x = FloatVector.broadcast(FS, a[a4 + ak]);
      s40 = x.fma(b0, s40);
      s41 = x.fma(b1, s41);
      s42 = x.fma(b2, s42);
      x = FloatVector.broadcast(FS, a[a5 + ak]);
      s50 = x.fma(b0, s50);
      s51 = x.fma(b1, s51);
      s52 = x.fma(b2, s52);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s02.intoArray(c, c0 + 2 * l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s12.intoArray(c, c1 + 2 * l);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + l);
    s22.intoArray(c, c2 + 2 * l);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + l);
    s32.intoArray(c, c3 + 2 * l);
    s40.intoArray(c, c4);
    s41.intoArray(c, c4 + l);
    s42.intoArray(c, c4 + 2 * l);
    s50.intoArray(c, c5);
    s51.intoArray(c, c5 + l);
    s52.intoArray(c, c5 + 2 * l);
  }

  private static void sixRowsTwoVectorsF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj,
      float[] c, int ldc, int i, int j, int kk) {
    final int l = FS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int a3 = a2 + aRow;
    int a4 = a3 + aRow;
    int a5 = a4 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int c4 = c3 + ldc;
    int c5 = c4 + ldc;
    FloatVector s00 = FloatVector.fromArray(FS, c, c0);
    FloatVector s01 = FloatVector.fromArray(FS, c, c0 + l);
    FloatVector s10 = FloatVector.fromArray(FS, c, c1);
    FloatVector s11 = FloatVector.fromArray(FS, c, c1 + l);
    FloatVector s20 = FloatVector.fromArray(FS, c, c2);
    FloatVector s21 = FloatVector.fromArray(FS, c, c2 + l);
    FloatVector s30 = FloatVector.fromArray(FS, c, c3);
    FloatVector s31 = FloatVector.fromArray(FS, c, c3 + l);
    FloatVector s40 = FloatVector.fromArray(FS, c, c4);
    FloatVector s41 = FloatVector.fromArray(FS, c, c4 + l);
    FloatVector s50 = FloatVector.fromArray(FS, c, c5);
    FloatVector s51 = FloatVector.fromArray(FS, c, c5 + l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bk);
      FloatVector b1 = FloatVector.fromArray(FS, b, bk + l);
      FloatVector x = FloatVector.broadcast(FS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      x = FloatVector.broadcast(FS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      x = FloatVector.broadcast(FS, a[a2 + ak]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      x = FloatVector.broadcast(FS, a[a3 + ak]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      x = FloatVector.broadcast(FS, a[a4 + ak]);
      s40 = x.fma(b0, s40);
      s41 = x.fma(b1, s41);
      x = FloatVector.broadcast(FS, a[a5 + ak]);
      s50 = x.fma(b0, s50);
      s51 = x.fma(b1, s51);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + l);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + l);
    s40.intoArray(c, c4);
    s41.intoArray(c, c4 + l);
    s50.intoArray(c, c5);
    s51.intoArray(c, c5 + l);
  }

  private static void fourRowsThreeVectorsF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj,
      float[] c, int ldc, int i, int j, int kk) {
    final int l = FS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int a3 = a2 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    FloatVector s00 = FloatVector.fromArray(FS, c, c0);
    FloatVector s01 = FloatVector.fromArray(FS, c, c0 + l);
    FloatVector s02 = FloatVector.fromArray(FS, c, c0 + 2 * l);
    FloatVector s10 = FloatVector.fromArray(FS, c, c1);
    FloatVector s11 = FloatVector.fromArray(FS, c, c1 + l);
    FloatVector s12 = FloatVector.fromArray(FS, c, c1 + 2 * l);
    FloatVector s20 = FloatVector.fromArray(FS, c, c2);
    FloatVector s21 = FloatVector.fromArray(FS, c, c2 + l);
    FloatVector s22 = FloatVector.fromArray(FS, c, c2 + 2 * l);
    FloatVector s30 = FloatVector.fromArray(FS, c, c3);
    FloatVector s31 = FloatVector.fromArray(FS, c, c3 + l);
    FloatVector s32 = FloatVector.fromArray(FS, c, c3 + 2 * l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bk);
      FloatVector b1 = FloatVector.fromArray(FS, b, bk + l);
      FloatVector b2 = FloatVector.fromArray(FS, b, bk + 2 * l);
      FloatVector x = FloatVector.broadcast(FS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      s02 = x.fma(b2, s02);
      x = FloatVector.broadcast(FS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      s12 = x.fma(b2, s12);
      x = FloatVector.broadcast(FS, a[a2 + ak]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      s22 = x.fma(b2, s22);
      x = FloatVector.broadcast(FS, a[a3 + ak]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      s32 = x.fma(b2, s32);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s02.intoArray(c, c0 + 2 * l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s12.intoArray(c, c1 + 2 * l);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + l);
    s22.intoArray(c, c2 + 2 * l);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + l);
    s32.intoArray(c, c3 + 2 * l);
  }

  private static void threeRowsThreeVectorsF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj,
      float[] c, int ldc, int i, int j, int kk) {
    final int l = FS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    FloatVector s00 = FloatVector.fromArray(FS, c, c0);
    FloatVector s01 = FloatVector.fromArray(FS, c, c0 + l);
    FloatVector s02 = FloatVector.fromArray(FS, c, c0 + 2 * l);
    FloatVector s10 = FloatVector.fromArray(FS, c, c1);
    FloatVector s11 = FloatVector.fromArray(FS, c, c1 + l);
    FloatVector s12 = FloatVector.fromArray(FS, c, c1 + 2 * l);
    FloatVector s20 = FloatVector.fromArray(FS, c, c2);
    FloatVector s21 = FloatVector.fromArray(FS, c, c2 + l);
    FloatVector s22 = FloatVector.fromArray(FS, c, c2 + 2 * l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bk);
      FloatVector b1 = FloatVector.fromArray(FS, b, bk + l);
      FloatVector b2 = FloatVector.fromArray(FS, b, bk + 2 * l);
      FloatVector x = FloatVector.broadcast(FS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      s02 = x.fma(b2, s02);
      x = FloatVector.broadcast(FS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      s12 = x.fma(b2, s12);
      x = FloatVector.broadcast(FS, a[a2 + ak]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      s22 = x.fma(b2, s22);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s02.intoArray(c, c0 + 2 * l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s12.intoArray(c, c1 + 2 * l);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + l);
    s22.intoArray(c, c2 + 2 * l);
  }

  private static void twoRowsThreeVectorsF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj,
      float[] c, int ldc, int i, int j, int kk) {
    final int l = FS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    FloatVector s00 = FloatVector.fromArray(FS, c, c0);
    FloatVector s01 = FloatVector.fromArray(FS, c, c0 + l);
    FloatVector s02 = FloatVector.fromArray(FS, c, c0 + 2 * l);
    FloatVector s10 = FloatVector.fromArray(FS, c, c1);
    FloatVector s11 = FloatVector.fromArray(FS, c, c1 + l);
    FloatVector s12 = FloatVector.fromArray(FS, c, c1 + 2 * l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bk);
      FloatVector b1 = FloatVector.fromArray(FS, b, bk + l);
      FloatVector b2 = FloatVector.fromArray(FS, b, bk + 2 * l);
      FloatVector x = FloatVector.broadcast(FS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      s02 = x.fma(b2, s02);
      x = FloatVector.broadcast(FS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      s12 = x.fma(b2, s12);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s02.intoArray(c, c0 + 2 * l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s12.intoArray(c, c1 + 2 * l);
  }

  private static void oneRowThreeVectorsF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj,
      float[] c, int ldc, int i, int j, int kk) {
    final int l = FS.length();
    int a0 = i * aRow;
    int c0 = i * ldc + j;
    FloatVector s0 = FloatVector.fromArray(FS, c, c0);
    FloatVector s1 = FloatVector.fromArray(FS, c, c0 + l);
    FloatVector s2 = FloatVector.fromArray(FS, c, c0 + 2 * l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      FloatVector x = FloatVector.broadcast(FS, a[a0 + ak]);
      s0 = x.fma(FloatVector.fromArray(FS, b, bk), s0);
      s1 = x.fma(FloatVector.fromArray(FS, b, bk + l), s1);
      s2 = x.fma(FloatVector.fromArray(FS, b, bk + 2 * l), s2);
    }
    s0.intoArray(c, c0);
    s1.intoArray(c, c0 + l);
    s2.intoArray(c, c0 + 2 * l);
  }

  private static void fourRowsTwoVectorsF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj,
      float[] c, int ldc, int i, int j, int kk) {
    final int l = FS.length();
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int a3 = a2 + aRow;
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    FloatVector s00 = FloatVector.fromArray(FS, c, c0);
    FloatVector s01 = FloatVector.fromArray(FS, c, c0 + l);
    FloatVector s10 = FloatVector.fromArray(FS, c, c1);
    FloatVector s11 = FloatVector.fromArray(FS, c, c1 + l);
    FloatVector s20 = FloatVector.fromArray(FS, c, c2);
    FloatVector s21 = FloatVector.fromArray(FS, c, c2 + l);
    FloatVector s30 = FloatVector.fromArray(FS, c, c3);
    FloatVector s31 = FloatVector.fromArray(FS, c, c3 + l);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bk);
      FloatVector b1 = FloatVector.fromArray(FS, b, bk + l);
      FloatVector x = FloatVector.broadcast(FS, a[a0 + ak]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      x = FloatVector.broadcast(FS, a[a1 + ak]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      x = FloatVector.broadcast(FS, a[a2 + ak]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      x = FloatVector.broadcast(FS, a[a3 + ak]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + l);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + l);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + l);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + l);
  }

  private static void fourRowsOneVectorF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj,
      float[] c, int ldc, int i, int j, int kk) {
    int a0 = i * aRow;
    int a1 = a0 + aRow;
    int a2 = a1 + aRow;
    int a3 = a2 + aRow;
    int c0 = i * ldc + j;
    FloatVector s0 = FloatVector.fromArray(FS, c, c0);
    FloatVector s1 = FloatVector.fromArray(FS, c, c0 + ldc);
    FloatVector s2 = FloatVector.fromArray(FS, c, c0 + 2 * ldc);
    FloatVector s3 = FloatVector.fromArray(FS, c, c0 + 3 * ldc);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      FloatVector w = FloatVector.fromArray(FS, b, bk);
      s0 = FloatVector.broadcast(FS, a[a0 + ak]).fma(w, s0);
      s1 = FloatVector.broadcast(FS, a[a1 + ak]).fma(w, s1);
      s2 = FloatVector.broadcast(FS, a[a2 + ak]).fma(w, s2);
      s3 = FloatVector.broadcast(FS, a[a3 + ak]).fma(w, s3);
    }
    s0.intoArray(c, c0);
    s1.intoArray(c, c0 + ldc);
    s2.intoArray(c, c0 + 2 * ldc);
    s3.intoArray(c, c0 + 3 * ldc);
  }

  private static void oneRowOneVectorF(float[] a, int aRow, int aCol, float[] b, int ldb, int bj,
      float[] c, int ldc, int i, int j, int kk) {
    int a0 = i * aRow;
    int c0 = i * ldc + j;
    FloatVector s = FloatVector.fromArray(FS, c, c0);
    for (int k = 0, ak = 0; k < kk; k++, ak += aCol) {
      int bk = bj + k * ldb;
      s = FloatVector.broadcast(FS, a[a0 + ak]).fma(FloatVector.fromArray(FS, b, bk), s);
    }
    s.intoArray(c, c0);
  }
}

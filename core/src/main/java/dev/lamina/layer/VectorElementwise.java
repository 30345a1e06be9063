package dev.lamina.layer;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise loops on the Vector API that C2 does not vectorize this well by itself; loaded
 * only when {@link Simd} is enabled. Each computes exactly what its plain loop computes, lane by
 * lane.
 */
final class VectorElementwise {
  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

  private VectorElementwise() {}

  /**
   * Columns {@code [j0, j1)} of s = column sums of d (rows, out), each summed in row order from 0,
   * exactly as {@link MatMul#columnSums}: four vectors of columns stay in registers across all rows
   * instead of being loaded and stored once per row.
   */
  static void columnSums(double[] d, double[] s, int rows, int out, int j0, int j1) {
    final int l = DS.length();
    int j = j0;
    for (; j + 4 * l <= j1; j += 4 * l) {
      DoubleVector s0 = DoubleVector.zero(DS);
      DoubleVector s1 = s0;
      DoubleVector s2 = s0;
      DoubleVector s3 = s0;
      for (int r = 0, o = j; r < rows; r++, o += out) {
        s0 = s0.add(DoubleVector.fromArray(DS, d, o));
        s1 = s1.add(DoubleVector.fromArray(DS, d, o + l));
        s2 = s2.add(DoubleVector.fromArray(DS, d, o + 2 * l));
        s3 = s3.add(DoubleVector.fromArray(DS, d, o + 3 * l));
      }
      s0.intoArray(s, j);
      s1.intoArray(s, j + l);
      s2.intoArray(s, j + 2 * l);
      s3.intoArray(s, j + 3 * l);
    }
    for (; j + l <= j1; j += l) {
      DoubleVector acc = DoubleVector.zero(DS);
      for (int r = 0, o = j; r < rows; r++, o += out) {
        acc = acc.add(DoubleVector.fromArray(DS, d, o));
      }
      acc.intoArray(s, j);
    }
    for (; j < j1; j++) {
      double acc = 0.0;
      for (int r = 0, o = j; r < rows; r++, o += out) {
        acc += d[o];
      }
      s[j] = acc;
    }
  }
}

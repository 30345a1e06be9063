package dev.lamina.layer;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise loops that C2 does not vectorize by itself (a comparison feeding a multiply), on
 * the Vector API; loaded only when {@link Simd} is enabled. Each computes exactly what its plain
 * loop computes, lane by lane.
 */
final class VectorElementwise {
  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

  private VectorElementwise() {}

  /**
   * dz[i] = d[i] * (z[i] &gt; 0 ? 1 : 0) for the n elements from {@code offset}: relu's backward
   * pass, bit for bit.
   */
  static void reluBackward(double[] d, double[] z, double[] dz, int offset, int n) {
    DoubleVector zero = DoubleVector.zero(DS);
    DoubleVector one = DoubleVector.broadcast(DS, 1.0);
    int i = offset;
    int end = offset + n;
    for (int bound = offset + DS.loopBound(n); i < bound; i += DS.length()) {
      VectorMask<Double> positive = DoubleVector.fromArray(DS, z, i).compare(VectorOperators.GT, 0.0);
      DoubleVector.fromArray(DS, d, i).mul(zero.blend(one, positive)).intoArray(dz, i);
    }
    for (; i < end; i++) {
      dz[i] = d[i] * (z[i] > 0 ? 1.0 : 0.0);
    }
  }

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

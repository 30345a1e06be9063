package dev.lamina.activation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The plain rectifier's backward passes on the Vector API, loaded only when
 * {@link dev.lamina.parallel.VectorApi} is enabled: C2 does not vectorize the branch-free scalar
 * loops (their float-to-integer bit moves). Lane by lane they compute what
 * {@link Relu#backwardRange(double[], double[], double[], double[], int, int)} computes:
 * dZ = dOut * (z &gt; 0 ? 1 : 0), a multiplication by 1 or +0 (so -0 and NaN come out of dOut as
 * there), with z &gt; 0 false for zeros and NaN. The column passes also sum dZ's columns, each from
 * 0 in row order, as {@link ElementwiseActivation#backwardColumns} defines it. The vector shape is
 * the kernels' preferred one: one shape in the process keeps the JIT's profiles of the vector
 * methods monomorphic.
 */
final class VectorRelu {
  // The float loops repeat the double ones line for line: Java has no generics over primitives,
  // and a boxed or interface-based version would not be intrinsified.
  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
  /** Column sums kept in registers per pass over the rows: four vectors, as the layers' column sums. */
  private static final int SUM_VECTORS = 4;

  private VectorRelu() {}

  /** dZ[i] = dOut[i] * (z[i] &gt; 0 ? 1 : 0) for i in {@code [from, to)}; returns the first index left to the caller. */
  static int backward(double[] z, double[] dOut, double[] dZ, int from, int to) {
    DoubleVector one = DoubleVector.broadcast(DS, 1.0);
    DoubleVector zero = DoubleVector.zero(DS);
    int i = from;
    for (int end = to - DS.length(); i <= end; i += DS.length()) {
      backwardD(z, dOut, dZ, i, one, zero);
    }
    return i;
  }

  /** The float {@link #backward(double[], double[], double[], int, int)}. */
  static int backward(float[] z, float[] dOut, float[] dZ, int from, int to) {
    FloatVector one = FloatVector.broadcast(FS, 1f);
    FloatVector zero = FloatVector.zero(FS);
    int i = from;
    for (int end = to - FS.length(); i <= end; i += FS.length()) {
      backwardF(z, dOut, dZ, i, one, zero);
    }
    return i;
  }

  /**
   * The backward pass over whole vectors of columns from {@code j0} on (before {@code j1}) of a
   * row-major {@code (rows, cols)} batch, with those columns' sums of dZ in {@code sums}; returns
   * the first column left to the caller.
   */
  static int backwardColumns(double[] z, double[] dOut, double[] dZ, double[] sums, int rows, int cols, int j0,
      int j1) {
    final int l = DS.length();
    DoubleVector one = DoubleVector.broadcast(DS, 1.0);
    DoubleVector zero = DoubleVector.zero(DS);
    int j = j0;
    for (; j + SUM_VECTORS * l <= j1; j += SUM_VECTORS * l) {
      DoubleVector s0 = zero;
      DoubleVector s1 = zero;
      DoubleVector s2 = zero;
      DoubleVector s3 = zero;
      for (int r = 0, o = j; r < rows; r++, o += cols) {
        s0 = s0.add(backwardD(z, dOut, dZ, o, one, zero));
        s1 = s1.add(backwardD(z, dOut, dZ, o + l, one, zero));
        s2 = s2.add(backwardD(z, dOut, dZ, o + 2 * l, one, zero));
        s3 = s3.add(backwardD(z, dOut, dZ, o + 3 * l, one, zero));
      }
      s0.intoArray(sums, j);
      s1.intoArray(sums, j + l);
      s2.intoArray(sums, j + 2 * l);
      s3.intoArray(sums, j + 3 * l);
    }
    for (; j + l <= j1; j += l) {
      DoubleVector s = zero;
      for (int r = 0, o = j; r < rows; r++, o += cols) {
        s = s.add(backwardD(z, dOut, dZ, o, one, zero));
      }
      s.intoArray(sums, j);
    }
    return j;
  }

  /** The float {@link #backwardColumns(double[], double[], double[], double[], int, int, int, int)}. */
  static int backwardColumns(float[] z, float[] dOut, float[] dZ, float[] sums, int rows, int cols, int j0, int j1) {
    final int l = FS.length();
    FloatVector one = FloatVector.broadcast(FS, 1f);
    FloatVector zero = FloatVector.zero(FS);
    int j = j0;
    for (; j + SUM_VECTORS * l <= j1; j += SUM_VECTORS * l) {
      FloatVector s0 = zero;
      FloatVector s1 = zero;
      FloatVector s2 = zero;
      FloatVector s3 = zero;
      for (int r = 0, o = j; r < rows; r++, o += cols) {
        s0 = s0.add(backwardF(z, dOut, dZ, o, one, zero));
        s1 = s1.add(backwardF(z, dOut, dZ, o + l, one, zero));
        s2 = s2.add(backwardF(z, dOut, dZ, o + 2 * l, one, zero));
        s3 = s3.add(backwardF(z, dOut, dZ, o + 3 * l, one, zero));
      }
      s0.intoArray(sums, j);
      s1.intoArray(sums, j + l);
      s2.intoArray(sums, j + 2 * l);
      s3.intoArray(sums, j + 3 * l);
    }
    for (; j + l <= j1; j += l) {
      FloatVector s = zero;
      for (int r = 0, o = j; r < rows; r++, o += cols) {
        s = s.add(backwardF(z, dOut, dZ, o, one, zero));
      }
      s.intoArray(sums, j);
    }
    return j;
  }

  /** One vector of dZ at {@code i}, stored and returned. */
  private static DoubleVector backwardD(double[] z, double[] dOut, double[] dZ, int i, DoubleVector one,
      DoubleVector zero) {
    VectorMask<Double> positive = DoubleVector.fromArray(DS, z, i).compare(VectorOperators.GT, 0.0);
    DoubleVector d = DoubleVector.fromArray(DS, dOut, i).mul(zero.blend(one, positive));
    d.intoArray(dZ, i);
    return d;
  }

  /** One float vector of dZ at {@code i}, stored and returned. */
  private static FloatVector backwardF(float[] z, float[] dOut, float[] dZ, int i, FloatVector one, FloatVector zero) {
    VectorMask<Float> positive = FloatVector.fromArray(FS, z, i).compare(VectorOperators.GT, 0f);
    FloatVector d = FloatVector.fromArray(FS, dOut, i).mul(zero.blend(one, positive));
    d.intoArray(dZ, i);
    return d;
  }
}

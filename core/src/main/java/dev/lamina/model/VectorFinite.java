package dev.lamina.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FiniteCheck}'s scan on the Vector API, loaded only when
 * {@link dev.lamina.parallel.VectorApi} is enabled: C2 keeps a floating-point sum scalar (it may
 * not reorder the additions), so the plain loop adds one element per cycle or so. Here each lane
 * sums its own {@code a - a} (+0 for a finite value, NaN otherwise), four vectors at a time; the
 * yes-or-no answer does not depend on the order of the additions.
 */
final class VectorFinite {
  // The float loop repeats the double one line for line: Java has no generics over primitives.
  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;

  private VectorFinite() {}

  /** +0 when every element of {@code a[from, to)} is finite, NaN otherwise. */
  static double sum(double[] a, int from, int to) {
    final int l = DS.length();
    DoubleVector s0 = DoubleVector.zero(DS);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    int i = from;
    for (; i + 4 * l <= to; i += 4 * l) {
      DoubleVector v0 = DoubleVector.fromArray(DS, a, i);
      DoubleVector v1 = DoubleVector.fromArray(DS, a, i + l);
      DoubleVector v2 = DoubleVector.fromArray(DS, a, i + 2 * l);
      DoubleVector v3 = DoubleVector.fromArray(DS, a, i + 3 * l);
      s0 = s0.add(v0.sub(v0));
      s1 = s1.add(v1.sub(v1));
      s2 = s2.add(v2.sub(v2));
      s3 = s3.add(v3.sub(v3));
    }
    double s = s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD);
    for (; i < to; i++) {
      s += a[i] - a[i];
    }
    return s;
  }

  /** {@link #sum(double[], int, int)} over floats. */
  static float sum(float[] a, int from, int to) {
    final int l = FS.length();
    FloatVector s0 = FloatVector.zero(FS);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int i = from;
    for (; i + 4 * l <= to; i += 4 * l) {
      FloatVector v0 = FloatVector.fromArray(FS, a, i);
      FloatVector v1 = FloatVector.fromArray(FS, a, i + l);
      FloatVector v2 = FloatVector.fromArray(FS, a, i + 2 * l);
      FloatVector v3 = FloatVector.fromArray(FS, a, i + 3 * l);
      s0 = s0.add(v0.sub(v0));
      s1 = s1.add(v1.sub(v1));
      s2 = s2.add(v2.sub(v2));
      s3 = s3.add(v3.sub(v3));
    }
    float s = s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD);
    for (; i < to; i++) {
      s += a[i] - a[i];
    }
    return s;
  }
}

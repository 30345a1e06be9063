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

  /** dz[i] = d[i] * (z[i] &gt; 0 ? 1 : 0) for i &lt; n: relu's backward pass, bit for bit. */
  static void reluBackward(double[] d, double[] z, double[] dz, int n) {
    DoubleVector zero = DoubleVector.zero(DS);
    DoubleVector one = DoubleVector.broadcast(DS, 1.0);
    int i = 0;
    for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
      VectorMask<Double> positive = DoubleVector.fromArray(DS, z, i).compare(VectorOperators.GT, 0.0);
      DoubleVector.fromArray(DS, d, i).mul(zero.blend(one, positive)).intoArray(dz, i);
    }
    for (; i < n; i++) {
      dz[i] = d[i] * (z[i] > 0 ? 1.0 : 0.0);
    }
  }
}

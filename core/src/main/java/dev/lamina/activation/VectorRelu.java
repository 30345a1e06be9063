package dev.lamina.activation;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The plain rectifier's float backward pass on the Vector API, loaded only when
 * {@link dev.lamina.parallel.VectorApi} is enabled: C2 does not vectorize the branch-free scalar loop (its
 * float-to-int bit moves), which then costs as much as the double one. Lane by lane it computes
 * what {@link Relu#backwardRange(float[], float[], float[], float[], int, int)} computes:
 * dZ = dOut * (z &gt; 0 ? 1 : 0), a multiplication by 1 or +0 (so -0 and NaN come out of dOut as
 * there), with z &gt; 0 false for zeros and NaN. The vector shape is the kernels' preferred one: one
 * float shape in the process keeps the JIT's profiles of the vector methods monomorphic.
 */
final class VectorRelu {
  private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;

  private VectorRelu() {}

  /** dZ[i] = dOut[i] * (z[i] &gt; 0 ? 1 : 0) for i in {@code [from, to)}; returns the first index left to the caller. */
  static int backward(float[] z, float[] dOut, float[] dZ, int from, int to) {
    FloatVector one = FloatVector.broadcast(FS, 1f);
    FloatVector zero = FloatVector.zero(FS);
    int i = from;
    for (int end = to - FS.length(); i <= end; i += FS.length()) {
      VectorMask<Float> positive = FloatVector.fromArray(FS, z, i).compare(VectorOperators.GT, 0f);
      FloatVector.fromArray(FS, dOut, i).mul(zero.blend(one, positive)).intoArray(dZ, i);
    }
    return i;
  }
}

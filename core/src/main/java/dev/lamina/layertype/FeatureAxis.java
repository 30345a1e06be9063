package dev.lamina.layertype;

import dev.lamina.spec.Args;
import dev.lamina.spec.SpecException;
import java.util.List;

/**
 * The {@code axis} argument of the normalization layers: a dense network's rows have one feature
 * axis, so Keras's default {@code -1} (or {@code 1}, or Keras 2's stored form {@code [1]}) is the
 * only one accepted.
 */
final class FeatureAxis {
  /** What an exporter writes. */
  static final int LAST = -1;

  private FeatureAxis() {}

  /** Reads and checks {@code axis}. */
  static void read(Args a) {
    Object v = a.raw("axis", "integer");
    Object one = v instanceof List<?> l && l.size() == 1 ? l.get(0) : v;
    boolean whole = one instanceof Integer || one instanceof Long;
    if (v == null || whole && (((Number) one).longValue() == -1 || ((Number) one).longValue() == 1)) {
      return;
    }
    throw new SpecException(a.pathOf("axis"), "a dense network's rows have one feature axis: axis must be -1"
        + " (or 1), got " + v);
  }
}

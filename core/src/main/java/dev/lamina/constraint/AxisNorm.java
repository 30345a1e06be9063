package dev.lamina.constraint;

import dev.lamina.optim.Constraint;
import java.util.Arrays;

/**
 * A constraint that rescales each slice of a tensor by a function of the slice's L2 norm, taken
 * along {@code axis} as Keras takes it ({@code sqrt(sum(w^2, axis, keepdims=True))}): for a Dense
 * kernel {@code (input_dim, units)} and Keras's default {@code axis=0}, one norm per unit (the
 * weights arriving at it). The new values are {@code w * desired(norm) / (EPSILON + norm)}.
 */
abstract class AxisNorm implements Constraint {
  /** Keras's {@code backend.epsilon()}, added to every norm before dividing. */
  static final double EPSILON = 1e-7;

  private final int[] axes;

  /** @param axes the axes the norm sums over (negative counts from the end) */
  AxisNorm(int[] axes) {
    this.axes = axes.clone();
  }

  /** The norm the slice should have, given its norm. */
  abstract double desired(double norm);

  /** The axes summed over. */
  int[] axes() {
    return axes.clone();
  }

  @Override
  public void apply(double[] value, int[] shape) {
    int rank = shape.length;
    boolean[] summed = new boolean[rank];
    for (int a : axes) {
      int k = a < 0 ? a + rank : a;
      if (k < 0 || k >= rank) {
        throw new IllegalArgumentException(name() + " axis " + a + " does not exist in a tensor of shape "
            + Arrays.toString(shape));
      }
      summed[k] = true;
    }
    int[] strides = new int[rank];
    int s = 1;
    for (int i = rank - 1; i >= 0; i--) {
      strides[i] = s;
      s *= shape[i];
    }
    double[] norms = new double[value.length];
    int[] slice = new int[value.length];
    for (int i = 0; i < value.length; i++) {
      slice[i] = sliceOf(i, shape, strides, summed);
      norms[slice[i]] += value[i] * value[i];
    }
    for (int i = 0; i < value.length; i++) {
      double n = Math.sqrt(norms[slice[i]]);
      value[i] = value[i] * (desired(n) / (EPSILON + n));
    }
  }

  /** The flat index of the slice element {@code i} belongs to (its summed coordinates set to 0). */
  private static int sliceOf(int i, int[] shape, int[] strides, boolean[] summed) {
    int out = 0;
    for (int d = 0; d < shape.length; d++) {
      int coord = (i / strides[d]) % shape[d];
      if (!summed[d]) {
        out += coord * strides[d];
      }
    }
    return out;
  }
}

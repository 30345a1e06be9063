package dev.lamina.init;

import dev.lamina.random.Rng;

/**
 * Fills a weight tensor with its initial values.
 *
 * <p>Tensors are row-major {@code double[]}; a Dense kernel has shape {@code {inputs, units}} and
 * element {@code [i][j]} at {@code i * units + j}, exactly Keras's layout. All randomness comes
 * from the {@link Rng} passed in, so a seed fixes the weights on every machine.
 */
public interface Initializer {
  /**
   * Writes {@code product(shape)} values into {@code out[0..)}.
   *
   * @param out the tensor's storage, at least as long as the product of {@code shape}
   * @param shape the tensor's shape, for example {@code {fanIn, units}}
   * @param rng the generator for this tensor
   */
  void fill(double[] out, int[] shape, Rng rng);

  /** The canonical Keras snake_case name, for example {@code he_uniform}. */
  String name();

  /**
   * The standard deviation this initializer aims for with these fans (after truncation, for the
   * truncated normals), or NaN where it is not a variance-targeting scheme (constants,
   * orthogonal, identity).
   */
  default double targetStd(Fans fans) {
    return Double.NaN;
  }

  /**
   * The seed given to this initializer itself (Keras's {@code seed=} argument), or null when none
   * was given. A non-null seed replaces the one derived from the model seed and the parameter's
   * path, so the same seed and shape give the same values wherever the initializer is used, as in
   * Keras.
   */
  default Long seed() {
    return null;
  }

  /** Product of the dimensions. */
  static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }
}

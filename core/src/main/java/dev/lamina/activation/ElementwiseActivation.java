package dev.lamina.activation;

import java.util.Arrays;

/**
 * Base for activations applied to each element on its own: a subclass writes only the function
 * {@link #apply(double)} and its derivative {@link #derivative(double, double)}; this class runs
 * them over the batch.
 *
 * <p>The backward pass is {@code dZ[i] = dOut[i] * f'(z[i])}. It reads each element before
 * writing it, so {@code dZ} may alias {@code dOut}.
 */
public abstract class ElementwiseActivation implements Activation {
  private final String name;

  /** An element-wise activation with canonical Keras name {@code name}. */
  protected ElementwiseActivation(String name) {
    this.name = name;
  }

  /** f(x). */
  public abstract double apply(double x);

  /**
   * f'(x), given also y = f(x) so functions like sigmoid and tanh can reuse their output. At a
   * kink the value is a subgradient, chosen as the TensorFlow kernel chooses it.
   */
  public abstract double derivative(double x, double y);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void forward(double[] z, double[] out, int rows, int cols) {
    forwardRange(z, out, 0, rows * cols);
  }

  @Override
  public final void backward(double[] z, double[] out, double[] dOut, double[] dZ, int rows, int cols) {
    backwardRange(z, out, dOut, dZ, 0, rows * cols);
  }

  /**
   * out[i] = f(z[i]) for i in {@code [from, to)}: the forward pass over one range of a batch, so a
   * layer can apply it to the rows a thread has just computed. A subclass may override it with a
   * faster loop that gives the same values bit for bit.
   */
  public void forwardRange(double[] z, double[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = apply(z[i]);
    }
  }

  /**
   * dZ[i] = dOut[i] * f'(z[i]) for i in {@code [from, to)}; like {@link #forwardRange}, overridable by a faster loop with the same values.
   */
  public void backwardRange(double[] z, double[] out, double[] dOut, double[] dZ, int from, int to) {
    for (int i = from; i < to; i++) {
      dZ[i] = dOut[i] * derivative(z[i], out[i]);
    }
  }

  /**
   * The single-precision {@link #forwardRange}: out[i] = f(z[i]) computed in double on the widened
   * z and rounded to float (a float32 Dense layer's activation, as Keras computes float32 models).
   * A subclass may override it with a float loop that gives the same values bit for bit.
   */
  public void forwardRange(float[] z, float[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = (float) apply(z[i]);
    }
  }

  /**
   * The single-precision {@link #backwardRange}: dZ[i] = dOut[i] * f'(z[i]) computed in double and
   * rounded to float; overridable like {@link #forwardRange(float[], float[], int, int)}.
   */
  public void backwardRange(float[] z, float[] out, float[] dOut, float[] dZ, int from, int to) {
    for (int i = from; i < to; i++) {
      dZ[i] = (float) (dOut[i] * derivative(z[i], out[i]));
    }
  }

  /**
   * The backward pass over columns {@code [j0, j1)} of a row-major {@code (rows, cols)} batch,
   * with those columns' sums: dZ[r, j] = dOut[r, j] * f'(z[r, j]) as {@link #backwardRange}
   * computes it, and sums[j] = dZ[0, j] + dZ[1, j] + ... summed from 0 in row order (a Dense
   * layer's bias gradient). One pass over dZ instead of two; split by columns between threads,
   * every value is the same. Overridable by a faster loop with the same values.
   */
  public void backwardColumns(double[] z, double[] out, double[] dOut, double[] dZ, double[] sums, int rows, int cols,
      int j0, int j1) {
    Arrays.fill(sums, j0, j1, 0.0);
    for (int r = 0, o = 0; r < rows; r++, o += cols) {
      backwardRange(z, out, dOut, dZ, o + j0, o + j1);
      for (int j = j0; j < j1; j++) {
        sums[j] += dZ[o + j];
      }
    }
  }

  /** The single-precision {@link #backwardColumns(double[], double[], double[], double[], double[], int, int, int, int)}, summed in float. */
  public void backwardColumns(float[] z, float[] out, float[] dOut, float[] dZ, float[] sums, int rows, int cols,
      int j0, int j1) {
    Arrays.fill(sums, j0, j1, 0f);
    for (int r = 0, o = 0; r < rows; r++, o += cols) {
      backwardRange(z, out, dOut, dZ, o + j0, o + j1);
      for (int j = j0; j < j1; j++) {
        sums[j] += dZ[o + j];
      }
    }
  }

  @Override
  public final boolean isElementwise() {
    return true;
  }

  @Override
  public String toString() {
    return name;
  }
}

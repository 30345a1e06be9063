package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;

/**
 * A wide Dense layer's products in double precision on OpenBLAS's dgemm ({@link NativeGemm}),
 * which reads the input and the kernel transposed in place: no transposed copies. Each product is
 * split into the {@link NativeGemm#blocks} of its rows, so results do not depend on the thread
 * count.
 */
final class BlasProducts extends DenseProducts {
  private final Gradients gradients = new Gradients();

  BlasProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    super(inputs, units, kernel, bias);
  }

  @Override
  void allocate(int maxRows) {
    // dgemm needs no buffers of its own.
  }

  /** Rows of z = bias + x . kernel: dgemm adds to z, which starts as the bias. */
  @Override
  void affineRows(double[] x, double[] z, int from, int to) {
    double[] b = bias == null ? null : bias.value();
    if (b != null) {
      for (int r = from; r < to; r++) {
        System.arraycopy(b, 0, z, r * units, units);
      }
    }
    NativeGemm.times(x, from * inputs, inputs, kernel.value(), units, z, from * units, units, to - from, units, inputs,
        b != null);
  }

  @Override
  void kernelGradient(double[] x, double[] dZ, int rows) {
    NativeGemm.transposeATimes(x, dZ, kernel.grad(), inputs, units, rows);
  }

  @Override
  void inputGradientRows(double[] dZ, double[] dX, int from, int to) {
    NativeGemm.timesBTranspose(dZ, from * units, units, kernel.value(), units, dX, from * inputs, inputs, to - from,
        inputs, units);
  }

  /**
   * Both gradients in one dispatch: the kernel gradient as one dgemm (see {@link
   * NativeGemm#transposeATimes(double[], double[], double[], int, int, int)}) and the input gradient
   * in row blocks; the caller takes the kernel gradient, the worker the blocks, and whoever
   * finishes first takes the blocks left. Every call has bounds that depend on the sizes alone.
   */
  @Override
  void gradients(double[] x, double[] dZ, int rows, double[] dX) {
    gradients.x = x;
    gradients.dZ = dZ;
    gradients.dX = dX;
    gradients.rows = rows;
    int items = 1 + (dX != null ? NativeGemm.blocks(rows) : 0);
    long work = (long) rows * inputs * units * (dX != null ? 2 : 1);
    KernelThreads.run(gradients, items, productParts(work, rows) > 1 ? items : 1);
  }

  @Override
  boolean onOpenBlas() {
    return true;
  }

  /** Item 0: the kernel gradient; item c &gt; 0: block c - 1 of the input gradient. */
  private final class Gradients implements KernelThreads.Range {
    double[] x;
    double[] dZ;
    double[] dX;
    int rows;

    @Override
    public void run(int from, int to) {
      for (int c = from; c < to; c++) {
        if (c == 0) {
          kernelGradient(x, dZ, rows);
        } else {
          inputGradientRows(dZ, dX, NativeGemm.blockBound(rows, c - 1), NativeGemm.blockBound(rows, c));
        }
      }
    }
  }
}

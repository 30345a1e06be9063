package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;
import java.util.Arrays;

/**
 * The float32 products on the Java kernels ({@link MatMul}'s float kernels, {@link VectorMatMul}'s
 * when {@link Simd} is on). The kernels run along unit-stride rows of their second operand: the
 * input gradient reads a transposed copy of the kernel, made by a training forward pass (or by
 * the input gradient after an inference pass). The kernel gradient x^T . dZ reads x by columns in
 * place: measured against a transposed copy of x (written in the affine product's ranges), the
 * same speed, one buffer and one pass fewer (one thread, alternating in one JVM: 1.000, interval
 * 0.970-1.013). A layer of few units (the 1-unit output layer) computes its kernel gradient
 * transposed, dK^T = dZ^T . x, along the inputs (the same chain of multiply-adds per element).
 */
final class JavaFloatProducts extends FloatProducts {
  /** kernel^T, rows of {@link #kernelTStride}; for the input gradient. */
  private float[] kernelTF;
  private final int kernelTStride;
  /** dK^T (units, inputs) of a layer of few units, transposed into the kernel gradient. */
  private float[] gradTF;
  /** Whether the last forward pass was a training pass, which wrote kernelTF. */
  private boolean transposedCopies;
  private final KernelTranspose kernelTranspose = new KernelTranspose();

  JavaFloatProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    super(inputs, units, kernel, bias);
    this.kernelTStride = FloatConversions.paddedStride(inputs);
  }

  @Override
  void allocate(int maxRows) {
    if (kernelTF == null) {
      kernelTF = new float[units * kernelTStride];
    }
    if (gradTF == null && !MatMul.wide(units)) {
      gradTF = new float[units * inputs];
    }
  }

  @Override
  void prepareForward(int rows, boolean training) {
    transposedCopies = training;
    if (training) {
      transposeKernel();
    }
  }

  private void transposeKernel() {
    KernelThreads.run(kernelTranspose, inputs, parts((long) inputs * units * CONVERSION_WEIGHT, inputs));
  }

  @Override
  void affineRows(float[] z, int from, int to) {
    startRows(z, from, to);
    MatMul.accumulate(input, inputs, 1, kernelF, units, z, units, from, to, units, inputs);
  }

  @Override
  void kernelGradient(float[] dZ, int rows) {
    if (gradTF == null) {
      super.kernelGradient(dZ, rows);
      return;
    }
    // dK^T = dZ^T . x: units rows along the inputs, then transposed (a copy for one unit).
    Arrays.fill(gradTF, 0f);
    MatMul.accumulate(dZ, 1, units, input, inputs, gradTF, inputs, 0, units, inputs, rows);
    MatMul.transposeRows(gradTF, inputs, gradF, units, 0, units);
  }

  @Override
  void kernelGradientRows(float[] dZ, int from, int to, int rows) {
    // a(i, k) = x[k, i]: x read by columns, in place.
    Arrays.fill(gradF, from * units, to * units, 0f);
    MatMul.accumulate(input, 1, inputs, dZ, units, gradF, units, from, to, units, rows);
  }

  @Override
  void prepareInputGradient() {
    if (!transposedCopies) {
      transposeKernel();
    }
  }

  @Override
  void inputGradientRows(float[] dZ, float[] dX, int from, int to) {
    Arrays.fill(dX, from * inputs, to * inputs, 0f);
    MatMul.accumulate(dZ, units, 1, kernelTF, kernelTStride, dX, inputs, from, to, inputs, units);
  }

  @Override
  boolean onOpenBlas() {
    return false;
  }

  /** Kernel rows of kernelTF = kernelF^T (rows of {@link #kernelTStride}). */
  private final class KernelTranspose implements KernelThreads.Range {
    @Override
    public void run(int from, int to) {
      MatMul.transposeRows(kernelF, units, kernelTF, kernelTStride, from, to);
    }
  }
}

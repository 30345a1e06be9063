package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;
import java.util.Arrays;

/**
 * The float32 products on the Java kernels ({@link MatMul}'s float kernels, {@link VectorMatMul}'s
 * when {@link Simd} is on). The kernels run along unit-stride rows, so the input and kernel
 * gradients read transposed copies; a training pass writes them: the input's in the same ranges
 * as the affine product (its rows are in cache then), the kernel's before the product. A layer of
 * few units (the 1-unit output layer) needs no transposed input: its kernel gradient runs
 * transposed, dK^T = dZ^T . x, along the inputs (the same chain of multiply-adds per element).
 */
final class JavaFloatProducts extends FloatProducts {
  /** kernel^T, rows of {@link #kernelTStride}; for the input gradient. */
  private float[] kernelTF;
  private final int kernelTStride;
  /** x^T, inputs rows of {@link #inputTStride}; for the kernel gradient. */
  private float[] inputTF;
  private int inputTStride;
  /** dK^T (units, inputs) of a layer of few units, transposed into the kernel gradient. */
  private float[] gradTF;
  /** Whether the last forward pass was a training pass, which wrote kernelTF and inputTF. */
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
    if (!MatMul.wide(units)) {
      gradTF = new float[units * inputs];
    } else if (inputTF == null || inputTF.length < (maxRows + 16) * inputs) {
      // Room for the padded stride of any batch size up to maxRows (FloatConversions.paddedStride).
      inputTF = new float[(maxRows + 16) * inputs];
    }
  }

  @Override
  void prepareForward(int rows, boolean training) {
    transposedCopies = training;
    inputTStride = training ? FloatConversions.paddedStride(rows) : rows;
    if (training) {
      transposeKernel();
    }
  }

  private void transposeKernel() {
    KernelThreads.run(kernelTranspose, inputs, parts((long) inputs * units * CONVERSION_WEIGHT, inputs));
  }

  @Override
  void affineRows(float[] z, int from, int to) {
    if (transposedCopies && gradTF == null) {
      MatMul.transposeRows(input, inputs, inputTF, inputTStride, from, to);
    }
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
    if (!transposedCopies) {
      // The last forward pass was not a training pass (a backward pass after inference).
      MatMul.transposeColumns(input, rows, inputs, inputTF, from, to);
    }
    Arrays.fill(gradF, from * units, to * units, 0f);
    MatMul.accumulate(inputTF, inputTStride, 1, dZ, units, gradF, units, from, to, units, rows);
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

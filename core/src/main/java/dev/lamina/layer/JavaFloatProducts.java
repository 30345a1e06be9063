package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;
import java.util.Arrays;

/**
 * The float32 products on the Java kernels ({@link MatMul}'s float kernels, {@link VectorMatMul}'s
 * when {@link Simd} is on). The kernels run along unit-stride rows, so the input and kernel
 * gradients read transposed float copies; a training pass writes them: the input's while it
 * converts the input (one read of each value for both copies), the kernel's from its floats.
 */
final class JavaFloatProducts extends FloatProducts {
  /** (float) kernel^T, rows of {@link #kernelTStride}; for the input gradient. */
  private float[] kernelTF;
  private final int kernelTStride;
  /** (float) x^T, inputs rows of {@link #inputTStride}; for the kernel gradient. */
  private float[] inputTF;
  private int inputTStride;
  /** Whether the last forward pass was a training pass, which wrote kernelTF and inputTF. */
  private boolean transposedCopies;
  private final KernelTranspose kernelTranspose = new KernelTranspose();

  JavaFloatProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    super(inputs, units, kernel, bias);
    this.kernelTStride = FloatConversions.paddedStride(inputs);
  }

  @Override
  void allocate(int maxRows) {
    super.allocate(maxRows);
    if (kernelTF == null) {
      kernelTF = new float[units * kernelTStride];
    }
    if (inputTF == null || inputTF.length < (maxRows + 16) * inputs) {
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
  void inputToFloat(double[] x, int from, int to) {
    if (transposedCopies) {
      FloatConversions.toFloatWithTranspose(x, inputF, inputTF, inputTStride, inputs, from, to);
    } else {
      FloatConversions.toFloat(x, from * inputs, inputF, to * inputs);
    }
  }

  @Override
  void floatAffineRows(int from, int to) {
    Arrays.fill(zF, from * units, to * units, 0f);
    MatMul.accumulate(inputF, inputs, 1, kernelF, units, zF, units, from, to, units, inputs);
  }

  @Override
  void kernelGradientRows(int from, int to, int rows) {
    if (!transposedCopies) {
      // The last forward pass was not a training pass (a backward pass after inference).
      MatMul.transposeColumns(inputF, rows, inputs, inputTF, from, to);
    }
    Arrays.fill(gradF, from * units, to * units, 0f);
    MatMul.accumulate(inputTF, inputTStride, 1, dzF, units, gradF, units, from, to, units, rows);
  }

  @Override
  void prepareInputGradient() {
    if (!transposedCopies) {
      transposeKernel();
    }
  }

  @Override
  void floatInputGradientRows(int from, int to) {
    Arrays.fill(dInputF, from * inputs, to * inputs, 0f);
    MatMul.accumulate(dzF, units, 1, kernelTF, kernelTStride, dInputF, inputs, from, to, inputs, units);
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

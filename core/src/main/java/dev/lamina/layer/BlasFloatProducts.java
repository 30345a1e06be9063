package dev.lamina.layer;

import dev.lamina.optim.Parameter;

/**
 * The float32 products on OpenBLAS's sgemm ({@link NativeGemm}), which reads the input and kernel
 * transposed in place: no transposed copies. The input is copied, in the affine product's ranges,
 * into a buffer one row longer than the batch: netlib checks a transposed operand as if its last
 * column were a whole row long, and the kernel gradient reads the input transposed from a column
 * offset (the layer below's output buffer is exactly a batch long).
 */
final class BlasFloatProducts extends FloatProducts {
  private float[] inputCopy;

  BlasFloatProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    super(inputs, units, kernel, bias);
  }

  @Override
  void allocate(int maxRows) {
    if (inputCopy == null || inputCopy.length < (maxRows + 1) * inputs) {
      inputCopy = new float[(maxRows + 1) * inputs];
    }
  }

  @Override
  void prepareForward(int rows, boolean training) {
    // sgemm reads the kernel as it is.
  }

  @Override
  void affineRows(float[] z, int from, int to) {
    System.arraycopy(input, from * inputs, inputCopy, from * inputs, (to - from) * inputs);
    startRows(z, from, to);
    NativeGemm.times(inputCopy, from * inputs, inputs, kernelF, units, z, from * units, units, to - from, units, inputs,
        true);
  }

  @Override
  void kernelGradientRows(float[] dZ, int from, int to, int rows) {
    NativeGemm.transposeATimes(inputCopy, inputs, dZ, units, gradF, units, from, to - from, units, rows);
  }

  @Override
  void inputGradientRows(float[] dZ, float[] dX, int from, int to) {
    NativeGemm.timesBTranspose(dZ, from * units, units, kernelF, units, dX, from * inputs, inputs, to - from, inputs,
        units);
  }

  @Override
  boolean onOpenBlas() {
    return true;
  }
}

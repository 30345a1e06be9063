package dev.lamina.layer;

import dev.lamina.optim.Parameter;

/**
 * The float32 products on OpenBLAS's sgemm ({@link NativeGemm}), which reads the float input and
 * kernel transposed in place: no transposed copies.
 */
final class BlasFloatProducts extends FloatProducts {
  BlasFloatProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    super(inputs, units, kernel, bias);
  }

  @Override
  void prepareForward(int rows, boolean training) {
    // sgemm reads the kernel as it is.
  }

  @Override
  void inputToFloat(double[] x, int from, int to) {
    FloatConversions.toFloat(x, from * inputs, inputF, to * inputs);
  }

  @Override
  void floatAffineRows(int from, int to) {
    NativeGemm.times(inputF, from * inputs, inputs, kernelF, units, zF, from * units, units, to - from, units, inputs);
  }

  @Override
  void kernelGradientRows(int from, int to, int rows) {
    NativeGemm.transposeATimes(inputF, inputs, dzF, units, gradF, units, from, to - from, units, rows);
  }

  @Override
  void floatInputGradientRows(int from, int to) {
    NativeGemm.timesBTranspose(dzF, from * units, units, kernelF, units, dInputF, from * inputs, inputs, to - from,
        inputs, units);
  }

  @Override
  boolean onOpenBlas() {
    return true;
  }
}

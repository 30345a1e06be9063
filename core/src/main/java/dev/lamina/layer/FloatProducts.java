package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;

/**
 * The products of a wide {@link dev.lamina.spec.DType#FLOAT32} Dense layer, in single precision:
 * the kernel and bias are float32 parameters ({@link Parameter#floatValue()}), read as they are;
 * the input and dZ arrive in double and are rounded to float ({@link FloatConversions}); sums
 * accumulate in float; z = x . kernel + bias is summed in float and widened to double; the kernel
 * gradient is written in float straight into {@link Parameter#floatGrad()}, and dX widened to
 * double. Subclasses say how the three float products run: {@link JavaFloatProducts} on the Java
 * kernels, {@link BlasFloatProducts} on sgemm. Each range converts its own rows, in the same task as
 * its product.
 */
abstract class FloatProducts extends DenseProducts {
  /** A double-to-float conversion counted as this many multiply-adds when deciding to split it. */
  static final int CONVERSION_WEIGHT = 4;

  float[] inputF;
  /** The kernel's floats, taken from the parameter on the calling thread before each product. */
  float[] kernelF;
  /** The kernel gradient's floats, taken like {@link #kernelF}. */
  float[] gradF;
  float[] zF;
  float[] dzF;
  float[] dInputF;
  private float[] biasF;
  private final DeltaToFloat deltaToFloat = new DeltaToFloat();
  private final KernelGradient kernelGradient = new KernelGradient();

  FloatProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    super(inputs, units, kernel, bias);
  }

  @Override
  void allocate(int maxRows) {
    if (inputF == null || inputF.length < (maxRows + 1) * inputs) {
      // One row more than the batch: netlib checks a transposed operand as if its last column were
      // a whole row long (the kernel gradient reads inputF transposed from a column offset).
      inputF = new float[(maxRows + 1) * inputs];
      zF = new float[maxRows * units];
      dzF = new float[maxRows * units];
      dInputF = new float[maxRows * inputs];
    }
  }

  /** Takes the kernel's and bias's floats, then lets the subclass prepare its operands. */
  @Override
  final void prepareAffine(int rows, boolean training) {
    kernelF = kernel.floatValue();
    biasF = bias == null ? null : bias.floatValue();
    prepareForward(rows, training);
  }

  /** Rows of z = (double) (inputF . kernelF + biasF), converting their input rows first. */
  @Override
  final void affineRows(double[] x, double[] z, int from, int to) {
    inputToFloat(x, from, to);
    floatAffineRows(from, to);
    for (int r = from; r < to; r++) {
      FloatConversions.toDouble(zF, r * units, biasF, z, units);
    }
  }

  /** Converts dZ, then runs the kernel gradient. */
  @Override
  final void kernelGradient(double[] x, double[] dZ, int rows) {
    deltaToFloat(dZ, rows);
    gradF = kernel.floatGrad();
    kernelGradient.rows = rows;
    runRows(kernelGradient, inputs, (long) rows * inputs * units);
  }

  /** Converts dZ, then runs the input gradient. */
  @Override
  final void inputGradient(double[] dZ, int rows, double[] dX) {
    deltaToFloat(dZ, rows);
    kernelF = kernel.floatValue();
    super.inputGradient(dZ, rows, dX);
  }

  /** Both gradients from one conversion of dZ (the kernel gradient's). */
  @Override
  final void gradients(double[] x, double[] dZ, int rows, double[] dX) {
    kernelGradient(x, dZ, rows);
    if (dX != null) {
      kernelF = kernel.floatValue();
      super.inputGradient(dZ, rows, dX);
    }
  }

  private void deltaToFloat(double[] dZ, int rows) {
    deltaToFloat.dZ = dZ;
    KernelThreads.run(deltaToFloat, rows, parts((long) rows * units * CONVERSION_WEIGHT, rows));
  }

  /** Rows of dX = (double) (dzF . kernelF^T). */
  @Override
  final void inputGradientRows(double[] dZ, double[] dX, int from, int to) {
    floatInputGradientRows(from, to);
    FloatConversions.toDouble(dInputF, from * inputs, null, dX, (to - from) * inputs);
  }

  /** Called before each forward pass of {@code rows} rows, once {@link #kernelF} is set. */
  abstract void prepareForward(int rows, boolean training);

  /** Rows {@code [from, to)} of inputF = (float) x. */
  abstract void inputToFloat(double[] x, int from, int to);

  /** Rows {@code [from, to)} of zF = inputF . kernelF. */
  abstract void floatAffineRows(int from, int to);

  /** Rows {@code [from, to)} (input features) of gradF = inputF^T . dzF over {@code rows} batch rows. */
  abstract void kernelGradientRows(int from, int to, int rows);

  /** Rows {@code [from, to)} of dInputF = dzF . kernelF^T. */
  abstract void floatInputGradientRows(int from, int to);

  /** Batch rows of dzF = (float) dZ. */
  private final class DeltaToFloat implements KernelThreads.Range {
    double[] dZ;

    @Override
    public void run(int from, int to) {
      FloatConversions.toFloat(dZ, from * units, dzF, to * units);
    }
  }

  /** Input-feature rows of the kernel gradient, in float. */
  private final class KernelGradient implements KernelThreads.Range {
    int rows;

    @Override
    public void run(int from, int to) {
      kernelGradientRows(from, to, rows);
    }
  }
}

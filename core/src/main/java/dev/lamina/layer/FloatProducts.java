package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;

/**
 * The products of a wide {@link dev.lamina.spec.DType#FLOAT32} Dense layer: operands rounded to
 * float ({@link FloatConversions}), sums accumulated in float, results widened back to double (the
 * bias added in double). The kernel, the bias and everything outside the products stay double.
 * Subclasses say how the three float products run: {@link JavaFloatProducts} on the Java kernels,
 * {@link BlasFloatProducts} on sgemm. Each range converts its own rows, in the same task as its
 * product.
 */
abstract class FloatProducts extends DenseProducts {
  /** A double-to-float conversion counted as this many multiply-adds when deciding to split it. */
  static final int CONVERSION_WEIGHT = 4;

  float[] inputF;
  float[] kernelF;
  float[] zF;
  float[] dzF;
  float[] gradF;
  float[] dInputF;
  private final KernelToFloat kernelToFloat = new KernelToFloat();
  private final DeltaToFloat deltaToFloat = new DeltaToFloat();
  private final KernelGradient kernelGradient = new KernelGradient();

  FloatProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    super(inputs, units, kernel, bias);
  }

  @Override
  void allocate(int maxRows) {
    if (kernelF == null) {
      kernelF = new float[inputs * units];
      gradF = new float[inputs * units];
    }
    if (inputF == null || inputF.length < (maxRows + 1) * inputs) {
      // One row more than the batch: netlib checks a transposed operand as if its last column were
      // a whole row long (the kernel gradient reads inputF transposed from a column offset).
      inputF = new float[(maxRows + 1) * inputs];
      zF = new float[maxRows * units];
      dzF = new float[maxRows * units];
      dInputF = new float[maxRows * inputs];
    }
  }

  /** Converts the kernel to float (and its transpose, when the subclass asks for it). */
  @Override
  final void prepareAffine(int rows, boolean training) {
    float[] kernelT = prepareForward(rows, training);
    kernelToFloat.transposed = kernelT;
    long conversions = (long) inputs * units * (kernelT != null ? 2 : 1);
    KernelThreads.run(kernelToFloat, inputs, parts(conversions * CONVERSION_WEIGHT, inputs));
  }

  /** Rows of z = bias + (double) (inputF . kernelF), converting their input rows first. */
  @Override
  final void affineRows(double[] x, double[] z, int from, int to) {
    inputToFloat(x, from, to);
    floatAffineRows(from, to);
    double[] b = bias == null ? null : bias.value();
    for (int r = from; r < to; r++) {
      FloatConversions.toDouble(zF, r * units, b, z, units);
    }
  }

  /** Converts dZ, then runs the kernel gradient. */
  @Override
  final void kernelGradient(double[] x, double[] dZ, int rows) {
    deltaToFloat(dZ, rows);
    kernelGradient.rows = rows;
    runRows(kernelGradient, inputs, (long) rows * inputs * units);
  }

  /** Converts dZ, then runs the input gradient. */
  @Override
  final void inputGradient(double[] dZ, int rows, double[] dX) {
    deltaToFloat(dZ, rows);
    super.inputGradient(dZ, rows, dX);
  }

  /** Both gradients from one conversion of dZ (the kernel gradient's). */
  @Override
  final void gradients(double[] x, double[] dZ, int rows, double[] dX) {
    kernelGradient(x, dZ, rows);
    if (dX != null) {
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

  /**
   * Called before each forward pass of {@code rows} rows; returns the buffer into which the kernel's
   * conversion also writes kernel^T (rows of {@link #kernelTStride}), or null.
   */
  abstract float[] prepareForward(int rows, boolean training);

  /** The row length of the transposed kernel returned by {@link #prepareForward}. */
  int kernelTStride() {
    return units;
  }

  /** Rows {@code [from, to)} of inputF = (float) x. */
  abstract void inputToFloat(double[] x, int from, int to);

  /** Rows {@code [from, to)} of zF = inputF . kernelF. */
  abstract void floatAffineRows(int from, int to);

  /** Rows {@code [from, to)} (input features) of gradF = inputF^T . dzF over {@code rows} batch rows. */
  abstract void kernelGradientRows(int from, int to, int rows);

  /** Rows {@code [from, to)} of dInputF = dzF . kernelF^T. */
  abstract void floatInputGradientRows(int from, int to);

  /** Kernel rows of kernelF = (float) kernel, and of {@code transposed} when not null. */
  private final class KernelToFloat implements KernelThreads.Range {
    float[] transposed;

    @Override
    public void run(int from, int to) {
      FloatConversions.toFloatWithTranspose(kernel.value(), kernelF, transposed, kernelTStride(), units, from, to);
    }
  }

  /** Batch rows of dzF = (float) dZ. */
  private final class DeltaToFloat implements KernelThreads.Range {
    double[] dZ;

    @Override
    public void run(int from, int to) {
      FloatConversions.toFloat(dZ, from * units, dzF, to * units);
    }
  }

  /** Input-feature rows of the kernel gradient, widened into {@code kernel.grad()}. */
  private final class KernelGradient implements KernelThreads.Range {
    int rows;

    @Override
    public void run(int from, int to) {
      kernelGradientRows(from, to, rows);
      FloatConversions.toDouble(gradF, from * units, null, kernel.grad(), (to - from) * units);
    }
  }
}

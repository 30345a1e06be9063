package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;
import dev.lamina.spec.DType;
import java.util.Arrays;

/**
 * The three products of a {@link DType#FLOAT32} Dense layer, in single precision from end to end:
 * <pre>
 *   affine:          z  = x . kernel + bias       (rows, units)     float in, float out
 *   kernel gradient: dK = x^T . dZ                (inputs, units)   into kernel.floatGrad()
 *   input gradient:  dX = dZ . kernel^T           (rows, inputs)
 * </pre>
 * The kernel and bias are float32 parameters ({@link Parameter#floatValue()}), read as they are;
 * the activations arrive and leave as floats (the layer's neighbours exchange floats, see
 * {@link Layer#floatActivations()}), so nothing is converted here. Sums accumulate in float, each
 * element of z starting from its bias (as in the float64 path). Subclasses say how the products run:
 * {@link JavaFloatProducts} on the Java kernels, {@link BlasFloatProducts} on sgemm. Like
 * {@link DenseProducts}, nothing is allocated after {@link #allocate}.
 */
abstract class FloatProducts extends ProductSplit {
  /** A copy or conversion of one element counted as this many multiply-adds when deciding to split it. */
  static final int CONVERSION_WEIGHT = 4;

  /** The input of the last forward pass (read again by the kernel gradient). */
  float[] input;
  /** The kernel's floats, taken from the parameter on the calling thread before each product. */
  float[] kernelF;
  /** The kernel gradient's floats, taken like {@link #kernelF}. */
  float[] gradF;
  private float[] biasF;
  private final Affine affine = new Affine();
  private final KernelGradient kernelGradient = new KernelGradient();
  private final InputGradient inputGradient = new InputGradient();

  FloatProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    super(inputs, units, kernel, bias);
  }

  /**
   * Whether a Dense layer of this shape, precision and activation runs in single precision: in a
   * float32 model, a layer with an element-wise activation that is wide at least one way (16+
   * inputs or units: the wide network's 11-input first layer and 1-unit output layer too, so its
   * activations stay float from the first product to the last). Layers narrow both ways (the
   * churn model's) keep double, where a float path saves nothing measurable; softmax layers keep
   * double (their activation works on doubles).
   */
  static boolean applies(int inputs, int units, DType dtype, boolean elementwise) {
    return dtype == DType.FLOAT32 && elementwise && (MatMul.wide(inputs) || MatMul.wide(units));
  }

  /**
   * The float backend for a layer of this shape: OpenBLAS's sgemm for layers wide both ways when it
   * is installed and {@code nativeAllowed}, else the Java kernels.
   */
  static FloatProducts create(int inputs, int units, Parameter kernel, Parameter bias, boolean nativeAllowed) {
    boolean blas = MatMul.wide(inputs) && MatMul.wide(units) && nativeAllowed && NativeGemm.available();
    return blas ? new BlasFloatProducts(inputs, units, kernel, bias) : new JavaFloatProducts(inputs, units, kernel, bias);
  }

  /**
   * z = x . kernel + bias for {@code rows} rows of {@code x}, which must stay unchanged until the
   * backward pass; after each range of rows, {@code then} runs over the same rows (the layer's
   * activation), when not null.
   *
   * @param training whether a backward pass follows (a backend may prepare its operands for it)
   */
  final void affine(float[] x, int rows, boolean training, float[] z, KernelThreads.Range then) {
    input = x;
    kernelF = kernel.floatValue();
    biasF = bias == null ? null : bias.floatValue();
    prepareForward(rows, training);
    affine.z = z;
    affine.then = then;
    runRows(affine, rows, (long) rows * inputs * units);
  }

  /**
   * The kernel gradient x^T . dZ of the last forward pass's x into {@code kernel.floatGrad()}, then
   * dX = dZ . kernel^T into {@code dX} unless it is null; both overwritten.
   */
  final void gradients(float[] dZ, int rows, float[] dX) {
    gradF = kernel.floatGrad();
    kernelGradient(dZ, rows);
    if (dX != null) {
      kernelF = kernel.floatValue();
      prepareInputGradient();
      inputGradient.dZ = dZ;
      inputGradient.dX = dX;
      runRows(inputGradient, rows, (long) rows * inputs * units);
    }
  }

  /** The kernel gradient into {@link #gradF}: by default input-feature rows in parallel ranges. */
  void kernelGradient(float[] dZ, int rows) {
    kernelGradient.dZ = dZ;
    kernelGradient.rows = rows;
    runRows(kernelGradient, inputs, (long) rows * inputs * units);
  }

  /** Rows {@code [from, to)} of z set to the bias (zero without one), where the affine sums start. */
  final void startRows(float[] z, int from, int to) {
    for (int r = from; r < to; r++) {
      if (biasF != null) {
        System.arraycopy(biasF, 0, z, r * units, units);
      } else {
        Arrays.fill(z, r * units, r * units + units, 0f);
      }
    }
  }

  /** Called before each forward pass of {@code rows} rows, once {@link #input} and {@link #kernelF} are set. */
  abstract void prepareForward(int rows, boolean training);

  /** Rows {@code [from, to)} of z = bias + input . kernelF, overwritten (see {@link #startRows}). */
  abstract void affineRows(float[] z, int from, int to);

  /** Rows {@code [from, to)} (input features) of gradF = input^T . dZ over {@code rows} batch rows. */
  abstract void kernelGradientRows(float[] dZ, int from, int to, int rows);

  /** Called before each input gradient, once {@link #kernelF} is set. */
  void prepareInputGradient() {
    // Nothing to prepare by default.
  }

  /** Rows {@code [from, to)} of dX = dZ . kernelF^T, overwritten. */
  abstract void inputGradientRows(float[] dZ, float[] dX, int from, int to);

  /** Rows of z = input . kernel + bias, then {@code then} on them. */
  private final class Affine implements KernelThreads.Range {
    float[] z;
    KernelThreads.Range then;

    @Override
    public void run(int from, int to) {
      affineRows(z, from, to);
      if (then != null) {
        then.run(from, to);
      }
    }
  }

  /** Input-feature rows of the kernel gradient. */
  private final class KernelGradient implements KernelThreads.Range {
    float[] dZ;
    int rows;

    @Override
    public void run(int from, int to) {
      kernelGradientRows(dZ, from, to, rows);
    }
  }

  /** Batch rows of the input gradient. */
  private final class InputGradient implements KernelThreads.Range {
    float[] dZ;
    float[] dX;

    @Override
    public void run(int from, int to) {
      inputGradientRows(dZ, dX, from, to);
    }
  }
}

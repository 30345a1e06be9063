package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;

/**
 * The three matrix products of one double-precision Dense layer on one backend, the layer's maths
 * left to {@link Dense}:
 * <pre>
 *   affine:          z  = x . kernel + bias       (rows, units)
 *   kernel gradient: dK = x^T . dZ                (inputs, units)
 *   input gradient:  dX = dZ . kernel^T           (rows, inputs)
 * </pre>
 * Backends: {@link JavaProducts} (float64 on the Java kernels, which use the Vector API when
 * {@link Simd} is on), {@link BlasProducts} (float64 on OpenBLAS's dgemm) and {@link MixedProducts}
 * (each product on the backend {@link ProductBackends} picks); {@link #create} picks per layer
 * shape. The float32 products, on float activations, are {@link FloatProducts}.
 *
 * <p>Each backend splits its products between threads in ranges whose values do not depend on the
 * thread count, and allocates nothing after {@link #allocate}: its parallel tasks are reusable
 * objects whose operands are set before each run.
 */
abstract class DenseProducts extends ProductSplit {
  private final Affine affine = new Affine();
  private final InputGradient inputGradient = new InputGradient();

  DenseProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    super(inputs, units, kernel, bias);
  }

  /**
   * The double backends for a layer of this shape: for layers wide both ways (16+ inputs and
   * units), when OpenBLAS is installed and {@code nativeAllowed}, each product on the backend
   * {@link ProductBackends#of} measured faster; else the Java kernels. (float32 layers take
   * {@link FloatProducts#create}.)
   */
  static DenseProducts create(int inputs, int units, Parameter kernel, Parameter bias, boolean nativeAllowed) {
    if (!(MatMul.wide(inputs) && MatMul.wide(units) && nativeAllowed)) {
      return new JavaProducts(inputs, units, kernel, bias);
    }
    ProductBackends choice = ProductBackends.of(inputs, units);
    // The rule first: where it keeps every product on the Java kernels, OpenBLAS is not even loaded.
    if (!choice.anyOnOpenBlas() || !NativeGemm.available()) {
      return new JavaProducts(inputs, units, kernel, bias);
    }
    return choice.allOnOpenBlas() ? new BlasProducts(inputs, units, kernel, bias)
        : new MixedProducts(inputs, units, kernel, bias, choice);
  }

  /**
   * z = x . kernel + bias for {@code rows} rows; after each range of rows, {@code then} runs over
   * the same rows (the layer's activation, applied while the rows are in cache), when not null.
   *
   * @param training whether a backward pass follows (a backend may prepare its operands for it)
   */
  void affine(double[] x, int rows, boolean training, double[] z, KernelThreads.Range then) {
    prepareAffine(rows, training);
    affine.x = x;
    affine.z = z;
    affine.then = then;
    runRows(affine, rows, (long) rows * inputs * units);
  }

  /** Called before each affine product (a float backend converts the kernel here). */
  void prepareAffine(int rows, boolean training) {
    // Nothing to prepare by default.
  }

  /** Rows {@code [from, to)} of z = x . kernel + bias. */
  abstract void affineRows(double[] x, double[] z, int from, int to);

  /** The kernel gradient x^T . dZ into {@code kernel.grad()}, overwritten. */
  abstract void kernelGradient(double[] x, double[] dZ, int rows);

  /** dX = dZ . kernel^T, {@code rows} rows, overwritten. */
  void inputGradient(double[] dZ, int rows, double[] dX) {
    prepareInputGradient();
    inputGradient.dZ = dZ;
    inputGradient.dX = dX;
    runRows(inputGradient, rows, (long) rows * inputs * units);
  }

  /** Called before each input gradient (the Java kernels transpose the kernel here). */
  void prepareInputGradient() {
    // Nothing to prepare by default.
  }

  /** Rows {@code [from, to)} of dX = dZ . kernel^T. */
  abstract void inputGradientRows(double[] dZ, double[] dX, int from, int to);

  /** The kernel gradient, then the input gradient into {@code dX} unless it is null, of one dZ. */
  void gradients(double[] x, double[] dZ, int rows, double[] dX) {
    kernelGradient(x, dZ, rows);
    if (dX != null) {
      inputGradient(dZ, rows, dX);
    }
  }

  /** Rows of z = x . kernel + bias, then {@code then} on them. */
  private final class Affine implements KernelThreads.Range {
    double[] x;
    double[] z;
    KernelThreads.Range then;

    @Override
    public void run(int from, int to) {
      affineRows(x, z, from, to);
      if (then != null) {
        then.run(from, to);
      }
    }
  }

  /** Rows of dX = dZ . kernel^T. */
  private final class InputGradient implements KernelThreads.Range {
    double[] dZ;
    double[] dX;

    @Override
    public void run(int from, int to) {
      inputGradientRows(dZ, dX, from, to);
    }
  }
}

package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;
import dev.lamina.spec.DType;

/**
 * The three matrix products of one Dense layer on one backend, the layer's maths left to
 * {@link Dense}:
 * <pre>
 *   affine:          z  = x . kernel + bias       (rows, units)
 *   kernel gradient: dK = x^T . dZ                (inputs, units)
 *   input gradient:  dX = dZ . kernel^T           (rows, inputs)
 * </pre>
 * Backends: {@link JavaProducts} (float64 on the Java kernels, which use the Vector API when
 * {@link Simd} is on), {@link BlasProducts} (float64 on OpenBLAS's dgemm), {@link JavaFloatProducts}
 * and {@link BlasFloatProducts} (the float32 products on the Java kernels or on sgemm).
 * {@link #create} picks one per layer shape and precision.
 *
 * <p>Each backend splits its products between threads in ranges whose values do not depend on the
 * thread count, and allocates nothing after {@link #allocate}: its parallel tasks are reusable
 * objects whose operands are set before each run.
 */
abstract class DenseProducts {
  /**
   * Multiply-adds from which a product is split between threads: below it, waking a second
   * thread costs more than it saves.
   */
  static final long PARALLEL_MIN_WORK = 1L << 17;
  /**
   * A multiply-add of a narrow layer (fewer than {@link MatMul#WIDE_COLUMNS} units: scalar
   * chains, no vector registers) counted as this many vector-kernel multiply-adds when deciding
   * to split a product. Without it the 256-to-1 output layer of a wide network ran on one thread.
   */
  private static final int NARROW_WEIGHT = 8;

  final int inputs;
  final int units;
  final Parameter kernel;
  /** Null without a bias. */
  final Parameter bias;
  private int threads = KernelThreads.defaultThreads();
  private final Blocks blocks = new Blocks();
  private final Affine affine = new Affine();
  private final InputGradient inputGradient = new InputGradient();

  DenseProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    this.inputs = inputs;
    this.units = units;
    this.kernel = kernel;
    this.bias = bias;
  }

  /**
   * Whether a layer of this shape and precision runs in single precision: float32 layers wide both
   * ways (16+ inputs and units). Its kernel and bias are then float32 parameters.
   */
  static boolean singlePrecision(int inputs, int units, DType dtype) {
    return dtype == DType.FLOAT32 && MatMul.wide(inputs) && MatMul.wide(units);
  }

  /**
   * The backend for a layer of this shape and precision. float32 applies to layers wide both ways
   * (16+ inputs and units): narrower ones keep double products, whose operands would cost more to
   * convert than the products save. Wide layers run on OpenBLAS when it is installed and
   * {@code nativeAllowed}.
   */
  static DenseProducts create(int inputs, int units, Parameter kernel, Parameter bias, DType dtype,
      boolean nativeAllowed) {
    boolean wide = MatMul.wide(inputs) && MatMul.wide(units);
    boolean blas = wide && nativeAllowed && NativeGemm.available();
    if (singlePrecision(inputs, units, dtype)) {
      return blas ? new BlasFloatProducts(inputs, units, kernel, bias)
          : new JavaFloatProducts(inputs, units, kernel, bias);
    }
    return blas ? new BlasProducts(inputs, units, kernel, bias) : new JavaProducts(inputs, units, kernel, bias);
  }

  /** Makes the buffers hold batches of up to {@code maxRows} rows (idempotent for smaller sizes). */
  abstract void allocate(int maxRows);

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

  /** Whether the products run on OpenBLAS. */
  abstract boolean onOpenBlas();

  void setThreads(int n) {
    this.threads = n;
  }

  /** How many parts to split work of {@code macs} multiply-adds over {@code n} items into. */
  int parts(long macs, int n) {
    return threads > 1 && macs >= PARALLEL_MIN_WORK ? Math.min(threads, n) : 1;
  }

  /** {@link #parts} for one of the three products, whose cost per multiply-add depends on the width. */
  int productParts(long macs, int n) {
    return parts(MatMul.wide(units) ? macs : macs * NARROW_WEIGHT, n);
  }

  /**
   * Runs {@code task} over {@code n} result rows of a product of {@code macs} multiply-adds: on the
   * Java kernels in {@link KernelThreads#runGuided}'s unequal parts (any bounds give the same
   * values there); on OpenBLAS in the {@link NativeGemm#blocks} of n, one call each, bounds fixed
   * by n alone, since OpenBLAS's sums depend on a call's size.
   */
  void runRows(KernelThreads.Range task, int n, long macs) {
    if (onOpenBlas()) {
      int b = NativeGemm.blocks(n);
      blocks.task = task;
      blocks.rows = n;
      KernelThreads.run(blocks, b, productParts(macs, n) > 1 ? b : 1);
      blocks.task = null;
    } else if (productParts(macs, n) > 1) {
      KernelThreads.runGuided(task, n, threads);
    } else {
      task.run(0, n);
    }
  }

  /** A task over the {@link NativeGemm#blocks} of {@code rows} rows: items are block indices. */
  private static final class Blocks implements KernelThreads.Range {
    KernelThreads.Range task;
    int rows;

    @Override
    public void run(int from, int to) {
      for (int c = from; c < to; c++) {
        task.run(NativeGemm.blockBound(rows, c), NativeGemm.blockBound(rows, c + 1));
      }
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

package dev.lamina.layer;

import dev.lamina.activation.ElementwiseActivation;
import dev.lamina.parallel.KernelThreads;

/**
 * The element-wise passes of one Dense layer around its products, and how each is split between
 * threads, so that {@link Dense} states only the formulas:
 * <pre>
 *   out   = activation(z)                 rows, run by the affine product on the rows it has just computed
 *   dZ    = activation'(z) * dOut         rows
 *   dBias = column sums of dZ             units (wide layers), or one loop (narrow ones)
 *   dZ and dBias in one pass              units, where {@link #fusesBiasGradient} says so
 * </pre>
 * in double or in float, whichever the layer runs in. A pass is split only when its work
 * (elements times {@link #ELEMENT_WEIGHT}) reaches the products' threshold
 * ({@link ProductSplit#parts}); each column or row is computed by one thread in a fixed order,
 * so the values never depend on the thread count. The parallel tasks are reusable objects whose
 * operands are set before each run: nothing is allocated per batch.
 */
final class DensePasses {
  /** An activation's element counted as this many multiply-adds when deciding to split a pass. */
  private static final int ELEMENT_WEIGHT = 4;

  private final int units;
  /** The layer's activation when it is element-wise, else null (then only the bias passes run here). */
  private final ElementwiseActivation activation;
  private final Activate activate = new Activate();
  private final Deactivate deactivate = new Deactivate();
  private final DeactivateColumns deactivateColumns = new DeactivateColumns();
  private final BiasGradient biasGradient = new BiasGradient();
  /** The layer's products, whose thread count decides the splits. */
  private ProductSplit split;

  DensePasses(int units, ElementwiseActivation activation) {
    this.units = units;
    this.activation = activation;
  }

  /** The products whose thread setting the passes follow (set again whenever the layer re-picks them). */
  void splitLike(ProductSplit products) {
    this.split = products;
  }

  private int parts(long rows, int n) {
    return split.parts(rows * units * ELEMENT_WEIGHT, n);
  }

  /**
   * Whether the derivative and the bias gradient run as one pass split by units (the activation is
   * element-wise, the layer has a bias and 16+ units): dZ is then read once instead of twice, the
   * same values ({@link ElementwiseActivation#backwardColumns}).
   */
  boolean fusesBiasGradient(boolean hasBias) {
    return activation != null && hasBias && MatMul.wide(units);
  }

  /** The range task out = activation(z) over rows, for the affine product to run on each range it computes. */
  KernelThreads.Range activation(double[] z, double[] out) {
    activate.set(z, out, null, null);
    return activate;
  }

  /** {@link #activation(double[], double[])} in float. */
  KernelThreads.Range activation(float[] z, float[] out) {
    activate.set(null, null, z, out);
    return activate;
  }

  /** dZ = activation'(z) * dOut over {@code rows} rows. */
  void derivative(double[] z, double[] out, double[] dOut, double[] dZ, int rows) {
    deactivate.z = z;
    deactivate.out = out;
    deactivate.dOut = dOut;
    deactivate.dZ = dZ;
    KernelThreads.run(deactivate, rows, parts(rows, rows));
    deactivate.clear();
  }

  /** dZ = activation'(z) * dOut over {@code rows} rows, in float. */
  void derivative(float[] z, float[] out, float[] dOut, float[] dZ, int rows) {
    deactivate.zF = z;
    deactivate.outF = out;
    deactivate.dOutF = dOut;
    deactivate.dZF = dZ;
    KernelThreads.run(deactivate, rows, parts(rows, rows));
    deactivate.clear();
  }

  /** dZ = activation'(z) * dOut and dBias = column sums of dZ (each summed in row order), in one pass by units. */
  void derivativeAndBiasGradient(double[] z, double[] out, double[] dOut, double[] dZ, double[] dBias, int rows) {
    deactivateColumns.z = z;
    deactivateColumns.out = out;
    deactivateColumns.dOut = dOut;
    deactivateColumns.dZ = dZ;
    deactivateColumns.sums = dBias;
    deactivateColumns.rows = rows;
    KernelThreads.run(deactivateColumns, units, parts(rows, units));
    deactivateColumns.clear();
  }

  /**
   * {@link #derivativeAndBiasGradient(double[], double[], double[], double[], double[], int)} in
   * float; {@code dBias} is the bias's float gradient, taken on the calling thread.
   */
  void derivativeAndBiasGradient(float[] z, float[] out, float[] dOut, float[] dZ, float[] dBias, int rows) {
    deactivateColumns.zF = z;
    deactivateColumns.outF = out;
    deactivateColumns.dOutF = dOut;
    deactivateColumns.dZF = dZ;
    deactivateColumns.sumsF = dBias;
    deactivateColumns.rows = rows;
    KernelThreads.run(deactivateColumns, units, parts(rows, units));
    deactivateColumns.clear();
  }

  /** dBias = column sums of dZ, each summed in row order: split by units in a wide layer, one loop in a narrow one. */
  void biasGradient(double[] dZ, double[] dBias, int rows) {
    if (!MatMul.wide(units)) {
      MatMul.columnSums(dZ, dBias, rows, units);
      return;
    }
    biasGradient.dZ = dZ;
    biasGradient.sums = dBias;
    biasGradient.rows = rows;
    KernelThreads.run(biasGradient, units, parts(rows, units));
    biasGradient.clear();
  }

  /** dBias = column sums of dZ in float, split by units; {@code dBias} taken on the calling thread. */
  void biasGradient(float[] dZ, float[] dBias, int rows) {
    biasGradient.dZF = dZ;
    biasGradient.sumsF = dBias;
    biasGradient.rows = rows;
    KernelThreads.run(biasGradient, units, parts(rows, units));
    biasGradient.clear();
  }

  /** Rows of out = activation(z), in the precision whose buffers are set. */
  private final class Activate implements KernelThreads.Range {
    private double[] z;
    private double[] out;
    private float[] zF;
    private float[] outF;

    void set(double[] z, double[] out, float[] zF, float[] outF) {
      this.z = z;
      this.out = out;
      this.zF = zF;
      this.outF = outF;
    }

    @Override
    public void run(int from, int to) {
      if (zF != null) {
        activation.forwardRange(zF, outF, from * units, to * units);
      } else {
        activation.forwardRange(z, out, from * units, to * units);
      }
    }
  }

  /** Rows of dZ = activation'(z) * dOut, in the precision whose buffers are set. */
  private final class Deactivate implements KernelThreads.Range {
    double[] z;
    double[] out;
    double[] dOut;
    double[] dZ;
    float[] zF;
    float[] outF;
    float[] dOutF;
    float[] dZF;

    @Override
    public void run(int from, int to) {
      if (zF != null) {
        activation.backwardRange(zF, outF, dOutF, dZF, from * units, to * units);
      } else {
        activation.backwardRange(z, out, dOut, dZ, from * units, to * units);
      }
    }

    /** Drops the operands, so the next run sets one precision's only and no batch is held after its pass. */
    void clear() {
      z = out = dOut = dZ = null;
      zF = outF = dOutF = dZF = null;
    }
  }

  /** Units of dZ = activation'(z) * dOut and dBias = column sums of dZ, in one pass. */
  private final class DeactivateColumns implements KernelThreads.Range {
    double[] z;
    double[] out;
    double[] dOut;
    double[] dZ;
    double[] sums;
    float[] zF;
    float[] outF;
    float[] dOutF;
    float[] dZF;
    float[] sumsF;
    int rows;

    @Override
    public void run(int from, int to) {
      if (zF != null) {
        activation.backwardColumns(zF, outF, dOutF, dZF, sumsF, rows, units, from, to);
      } else {
        activation.backwardColumns(z, out, dOut, dZ, sums, rows, units, from, to);
      }
    }

    void clear() {
      z = out = dOut = dZ = sums = null;
      zF = outF = dOutF = dZF = sumsF = null;
    }
  }

  /** Units of dBias = column sums of dZ, each summed in row order. */
  private final class BiasGradient implements KernelThreads.Range {
    double[] dZ;
    double[] sums;
    float[] dZF;
    float[] sumsF;
    int rows;

    @Override
    public void run(int from, int to) {
      if (dZF != null) {
        FloatConversions.columnSums(dZF, sumsF, rows, units, from, to);
      } else {
        MatMul.columnSums(dZ, sums, rows, units, from, to);
      }
    }

    void clear() {
      dZ = sums = null;
      dZF = sumsF = null;
    }
  }
}

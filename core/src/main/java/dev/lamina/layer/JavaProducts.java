package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;
import java.util.Arrays;

/**
 * A Dense layer's products in double precision on the Java kernels of {@link MatMul} (which run
 * {@link VectorMatMul} when {@link Simd} is on: the same values bit for bit). Wide products read
 * transposed copies made here where a kernel needs unit-stride rows: the kernel transposed for the
 * input gradient, the input transposed for the kernel gradient of a layer with few inputs. With
 * wide inputs the kernel gradient reads x in place: a tile of four or six kernel-gradient rows
 * broadcasts their x values from one cache line per batch row, which measured 7-9% faster than
 * transposing x first (processor time of one thread, 256x256, batch 256, three runs).
 *
 * <p>A layer wide both ways computes its two gradients in one parallel run split by input
 * features ({@link BothGradients}): a thread with inputs {@code [i0, i1)} writes rows i0..i1 of
 * the kernel gradient and columns i0..i1 of the input gradient, and transposes only the rows of the
 * kernel those need. Splitting the input gradient by batch rows instead made
 * one thread transpose the whole kernel while the other waited, and handed the copy across cores.
 * The input gradient alone is split by input features the same way.
 */
final class JavaProducts extends DenseProducts {
  /** kernel^T (units, inputs), for the input gradient of a layer with wide inputs. */
  private double[] kernelT;
  /** x^T (inputs, rows), for the kernel gradient of a layer with few inputs and wide units. */
  private double[] inputT;
  private final KernelGradientByInputs byInputs = new KernelGradientByInputs();
  private final KernelGradientByUnits byUnits = new KernelGradientByUnits();
  private final InputGradientColumns columns = new InputGradientColumns();
  private final BothGradients both = new BothGradients();

  JavaProducts(int inputs, int units, Parameter kernel, Parameter bias) {
    super(inputs, units, kernel, bias);
  }

  @Override
  void allocate(int maxRows) {
    if (kernelT == null && MatMul.wide(inputs) && units > 1) {
      kernelT = new double[inputs * units];
    }
    if (MatMul.wide(units) && !MatMul.wide(inputs) && (inputT == null || inputT.length < maxRows * inputs)) {
      inputT = new double[maxRows * inputs];
    }
  }

  @Override
  void affineRows(double[] x, double[] z, int from, int to) {
    MatMul.affine(x, kernel.value(), bias == null ? null : bias.value(), z, inputs, units, from, to);
  }

  @Override
  void kernelGradient(double[] x, double[] dZ, int rows) {
    long work = (long) rows * inputs * units;
    if (inputT != null) {
      // Few inputs (the first layer): split the columns, so each thread runs all rows in full
      // tiles instead of a 5- and a 6-row remainder; the transposed input is small, made once.
      MatMul.transposeColumns(x, rows, inputs, inputT, 0, inputs);
      byUnits.dZ = dZ;
      byUnits.rows = rows;
      KernelThreads.run(byUnits, units, productParts(work, units));
    } else {
      byInputs.set(x, dZ, rows);
      runRows(byInputs, inputs, work);
    }
  }

  /** Whether the input gradient is split by input features, each range transposing its own rows of the kernel. */
  private boolean inputGradientByFeatures() {
    return kernelT != null && MatMul.wide(units);
  }

  @Override
  void gradients(double[] x, double[] dZ, int rows, double[] dX) {
    if (dX == null || !inputGradientByFeatures()) {
      super.gradients(x, dZ, rows, dX);
      return;
    }
    byInputs.set(x, dZ, rows);
    columns.set(dZ, dX, rows);
    runRows(both, inputs, 2L * rows * inputs * units);
  }

  /**
   * dX = dZ . kernel^T; with wide inputs and units, split by columns of dX (input features), each
   * range transposing its own rows of the kernel (see {@link InputGradientColumns}).
   */
  @Override
  void inputGradient(double[] dZ, int rows, double[] dX) {
    if (!inputGradientByFeatures()) {
      super.inputGradient(dZ, rows, dX);
      return;
    }
    columns.set(dZ, dX, rows);
    runRows(columns, inputs, (long) rows * inputs * units);
  }

  @Override
  void prepareInputGradient() {
    if (kernelT != null) {
      MatMul.transpose(kernel.value(), kernelT, inputs, units);
    }
  }

  @Override
  void inputGradientRows(double[] dZ, double[] dX, int from, int to) {
    MatMul.timesBTranspose(dZ, kernel.value(), kernelT, dX, units, inputs, from, to);
  }

  @Override
  boolean onOpenBlas() {
    return false;
  }

  /** Rows (input features) of the kernel gradient. */
  private final class KernelGradientByInputs implements KernelThreads.Range {
    double[] x;
    double[] dZ;
    int rows;

    void set(double[] x, double[] dZ, int rows) {
      this.x = x;
      this.dZ = dZ;
      this.rows = rows;
    }

    @Override
    public void run(int from, int to) {
      MatMul.transposeATimesB(x, dZ, kernel.grad(), rows, inputs, units, from, to);
    }
  }

  /**
   * Columns {@code [i0, i1)} (input features) of dX = dZ . kernel^T: rows i0..i1 of the kernel
   * transposed into columns of kernel^T, then the product for those columns of dX. Each element is
   * the same chain of fused multiply-adds over the units, in order, however the columns are split.
   */
  private final class InputGradientColumns implements KernelThreads.Range {
    double[] dZ;
    double[] dX;
    int rows;

    void set(double[] dZ, double[] dX, int rows) {
      this.dZ = dZ;
      this.dX = dX;
      this.rows = rows;
    }

    @Override
    public void run(int from, int to) {
      MatMul.transposeRows(kernel.value(), kernelT, inputs, units, from, to);
      for (int r = 0; r < rows; r++) {
        Arrays.fill(dX, r * inputs + from, r * inputs + to, 0.0);
      }
      MatMul.accumulate(dZ, units, 1, kernelT, inputs, dX, inputs, 0, rows, from, to, units);
    }
  }

  /**
   * Input features {@code [i0, i1)} of both gradients: rows i0..i1 of dK = x^T . dZ and columns
   * i0..i1 of dX = dZ . kernel^T, their operands set by {@link #gradients}. Each element is the
   * same chain of fused multiply-adds as when the two products run apart, so the split changes no
   * bit.
   */
  private final class BothGradients implements KernelThreads.Range {
    @Override
    public void run(int from, int to) {
      byInputs.run(from, to);
      columns.run(from, to);
    }
  }

  /** Columns (units) of the kernel gradient, from the whole transposed input. */
  private final class KernelGradientByUnits implements KernelThreads.Range {
    double[] dZ;
    int rows;

    @Override
    public void run(int from, int to) {
      double[] g = kernel.grad();
      for (int i = 0; i < inputs; i++) {
        Arrays.fill(g, i * units + from, i * units + to, 0.0);
      }
      MatMul.accumulate(inputT, rows, 1, dZ, units, g, units, 0, inputs, from, to, rows);
    }
  }
}

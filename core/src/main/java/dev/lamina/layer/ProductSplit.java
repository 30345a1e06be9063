package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;

/**
 * What the products of one Dense layer share, whatever their precision: the layer's shape and
 * parameters, and how a product is split between threads. {@link DenseProducts} (double
 * activations) and {@link FloatProducts} (float32 activations) build on it.
 *
 * <p>Splits never change values: on the Java kernels any bounds give the same sums
 * ({@link KernelThreads#runGuided}); on OpenBLAS the blocks are fixed by the size alone
 * ({@link NativeGemm#blocks}).
 */
abstract class ProductSplit {
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

  ProductSplit(int inputs, int units, Parameter kernel, Parameter bias) {
    this.inputs = inputs;
    this.units = units;
    this.kernel = kernel;
    this.bias = bias;
  }

  /** Makes the buffers hold batches of up to {@code maxRows} rows (idempotent for smaller sizes). */
  abstract void allocate(int maxRows);

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
}

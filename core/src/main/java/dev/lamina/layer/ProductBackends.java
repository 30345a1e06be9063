package dev.lamina.layer;

/**
 * Which backend runs each product of a float64 Dense layer wide both ways (16+ inputs and units)
 * when OpenBLAS is installed: {@code true} for OpenBLAS's dgemm, {@code false} for the Java
 * kernels (on the Vector API). Chosen per product by a fixed rule derived from measurements
 * ({@code ProductsBenchmark}, JMH, docs/BENCHMARKS.md "Ninth session"), never by timing at run
 * time: a seeded run's results depend on the machine's libraries, not on its load.
 *
 * <p>The rule ({@link #of}), with the measurements behind it (square layers of width 64, 128, 256
 * and 512, batches of 32 and 256, two threads, on the project machine's AVX-512 cores):
 * <pre>
 *   affine           Java      ahead in 13 of 14 comparisons (1.4-3.4x from width 128)
 *   kernel gradient  Java      ahead in 9 of 10 from width 128 (1.2-2.7x); at 64, 2 of 4 each way
 *   input gradient   OpenBLAS  ahead in 7 of 8 (1.2-2.3x below 256, 1.0-1.8x from 256); behind
 *                              at width 256, batch 32 (1.23x)
 * </pre>
 * The machine was shared while they ran (load average 2-10), so single figures are rough; the
 * rule follows the direction most comparisons agree on, and keeps the Java kernels where they
 * tie (their sums are those of a machine without OpenBLAS).
 * The Java kernels' input gradient needs the kernel transposed every batch, which dgemm reads in
 * place. float32 layers keep one backend for all three products ({@link FloatProducts#create}):
 * OpenBLAS's float kernel gradient reads the copy of the input its own affine product makes.
 */
record ProductBackends(boolean affine, boolean kernelGradient, boolean inputGradient) {
  /** Every product on the Java kernels. */
  static final ProductBackends JAVA = new ProductBackends(false, false, false);
  /** Every product on OpenBLAS. */
  static final ProductBackends OPENBLAS = new ProductBackends(true, true, true);

  /** The rule for the float64 layers. */
  private static final ProductBackends FLOAT64 = new ProductBackends(false, false, true);

  /**
   * The backends for a float64 layer of this shape, wide both ways, where OpenBLAS is installed:
   * the same for every width measured (64-512), so the shape does not enter the rule today.
   */
  static ProductBackends of(int inputs, int units) {
    return FLOAT64;
  }

  /** Whether at least one product runs on OpenBLAS. */
  boolean anyOnOpenBlas() {
    return affine || kernelGradient || inputGradient;
  }

  /** Whether all three products run on OpenBLAS. */
  boolean allOnOpenBlas() {
    return affine && kernelGradient && inputGradient;
  }
}

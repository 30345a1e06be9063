package dev.lamina.layer;

/**
 * Which backend runs each product of a float64 Dense layer wide both ways (16+ inputs and units)
 * when OpenBLAS is installed: {@code true} for OpenBLAS's dgemm, {@code false} for the Java
 * kernels (on the Vector API). Chosen per product by a fixed rule derived from measurements
 * ({@code ProductsBenchmark}, JMH, docs/BENCHMARKS.md "Ninth session"), never by timing at run
 * time: a seeded run's results depend on the machine's libraries, not on its load.
 *
 * <p>The rule ({@link #of}): every float64 product on the Java kernels, at every width. The
 * measurements behind it (square layers of width 64-512, batches of 32 and 256, two threads, the
 * project machine's AVX-512 cores; docs/BENCHMARKS.md):
 * <pre>
 *   affine           Java ahead in 13 of 14 JMH comparisons (1.4-3.4x from width 128)
 *   kernel gradient  Java ahead in 9 of 10 from width 128 (1.2-2.7x); at 64, 2 of 4 each way
 *   input gradient   dgemm ahead in 7 of 8 JMH comparisons of the product alone (1.0-2.3x), but
 *                    the wide workload trained at 0.88-0.90x of the all-Java speed with it on
 *                    dgemm (AbCompare, in one JVM, three runs): the Java kernels compute both
 *                    gradients in one dispatch, each thread on its own input features
 * </pre>
 * The machine was shared while they ran (load average 2-10). {@link MixedProducts} runs any other
 * split (tested for all of them), should a machine's figures call for one. float32 layers keep
 * one backend for all three products ({@link FloatProducts#create}): OpenBLAS's float kernel
 * gradient reads the copy of the input its own affine product makes.
 */
record ProductBackends(boolean affine, boolean kernelGradient, boolean inputGradient) {
  /** Every product on the Java kernels. */
  static final ProductBackends JAVA = new ProductBackends(false, false, false);
  /** Every product on OpenBLAS. */
  static final ProductBackends OPENBLAS = new ProductBackends(true, true, true);

  /**
   * The backends for a float64 layer of this shape, wide both ways, where OpenBLAS is installed:
   * the same for every width measured (64-512), so the shape does not enter the rule today.
   */
  static ProductBackends of(int inputs, int units) {
    return JAVA;
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

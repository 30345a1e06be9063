package dev.lamina.layer;

/**
 * Which backend runs each product of a float64 Dense layer wide both ways (16+ inputs and units)
 * when OpenBLAS is installed: {@code true} for OpenBLAS's dgemm, {@code false} for the Java
 * kernels (on the Vector API). Chosen by a fixed rule derived from measurements on the two kinds
 * of processor the project ran on, never by timing at run time: a seeded run's results depend on
 * the machine (its libraries and its vector width), not on its load.
 *
 * <p>The rule ({@link #of}): every float64 product on the Java kernels where they run 512-bit
 * vectors (AVX-512), every one on dgemm otherwise (256-bit vectors, or the plain-Java kernels).
 * The measurements behind it:
 * <pre>
 *   AVX-512 (Zen 5, ninth session; square layers of width 64-512, batches of 32 and 256, two threads, JMH):
 *     affine           Java ahead in 13 of 14 comparisons (1.4-3.4x from width 128)
 *     kernel gradient  Java ahead in 9 of 10 from width 128 (1.2-2.7x); at 64, 2 of 4 each way
 *     input gradient   dgemm ahead in 7 of 8 of the product alone (1.0-2.3x), but the wide workload
 *                      trained at 0.88-0.90x of the all-Java speed with it on dgemm
 *   AVX2 (Zen 3, twelfth session; the wide workload 11-256-256-1, two threads, in one JVM,
 *   AbCompare --backends, 8-10 alternating rounds of 100,000 rows):
 *     all three on dgemm                 1.355 and 1.391 the Java speed (quartiles 1.27-1.44)
 *     only the affine / kernel gradient /
 *     input gradient on dgemm            0.966 / 0.950 / 1.032
 *   and cold java -jar builder.jar, 4 alternating pairs: 1.05-1.38.
 * </pre>
 * On AVX2 the Java kernels reach 96% of the fma peak in isolation, but OpenBLAS's, which also
 * pack their broadcast operand and prefetch, hold up better on the cache-cold operands of a
 * training step. {@link MixedProducts} runs any other split (tested for all of them), should a
 * machine's figures call for one. float32 layers keep one backend for all three products
 * ({@link FloatProducts#create}): OpenBLAS's float kernel gradient reads the copy of the input its
 * own affine product makes.
 */
record ProductBackends(boolean affine, boolean kernelGradient, boolean inputGradient) {
  /** Every product on the Java kernels. */
  static final ProductBackends JAVA = new ProductBackends(false, false, false);
  /** Every product on OpenBLAS. */
  static final ProductBackends OPENBLAS = new ProductBackends(true, true, true);

  /**
   * The backends for a float64 layer of this shape, wide both ways, where OpenBLAS is installed:
   * the Java kernels where they run 512-bit vectors, dgemm otherwise; the same for every width
   * measured (64-512), so the shape does not enter the rule today.
   */
  static ProductBackends of(int inputs, int units) {
    return Simd.ENABLED && VectorMatMul.wideVectors() ? JAVA : OPENBLAS;
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

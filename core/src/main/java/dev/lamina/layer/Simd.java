package dev.lamina.layer;

import dev.lamina.parallel.VectorApi;

/**
 * Whether the wide matrix products run on the JDK's Vector API ({@code jdk.incubator.vector}).
 *
 * <p>The Vector API is an incubator module on Java 17 to 25: the JVM resolves it only when asked,
 * with {@code --add-modules jdk.incubator.vector} on the command line or in
 * {@code JDK_JAVA_OPTIONS}. With it, the products of layers of 16 units and more run explicit
 * 256-bit fused multiply-add kernels (about 3x the plain-Java kernels in double precision);
 * without it, the plain-Java kernels run.
 *
 * <p>Both paths compute every element the same way - a chain of fused multiply-adds over the inner
 * dimension in order - so they give bit-identical results: a run is reproducible whether or not the
 * module is present. Set the system property {@code lamina.simd=false} to force the plain path.
 */
public final class Simd {
  /** System property that, set to {@code false}, keeps the plain-Java kernels. */
  public static final String PROPERTY = VectorApi.PROPERTY;
  /** Layers of this many units and more run the vector kernels (their products are wide). */
  public static final int MIN_UNITS = MatMul.WIDE_COLUMNS;
  private static final String MODULE = "jdk.incubator.vector";
  /** Decided once ({@link VectorApi}): the kernels branch on a constant, which the JIT folds away. */
  static final boolean ENABLED = VectorApi.enabled();

  private Simd() {}

  /** Whether the Vector API kernels are in use in this JVM. */
  public static boolean enabled() {
    return ENABLED;
  }

  /** One line for summaries and benchmark logs, saying which kernels run and how to change it. */
  public static String describe() {
    if (ENABLED) {
      return "vector kernels (" + VectorMatMul.describeSpecies() + ")";
    }
    if (VectorApi.turnedOff()) {
      return "plain-Java kernels (" + PROPERTY + "=false)";
    }
    return "plain-Java kernels (add --add-modules " + MODULE + " to the java command for the vector kernels)";
  }
}

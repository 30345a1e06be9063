package dev.lamina.parallel;

import jdk.incubator.vector.DoubleVector;

/**
 * Whether this JVM runs the loops written on the JDK's Vector API ({@code jdk.incubator.vector}):
 * decided once, for every package that has such loops (the layers' kernels through
 * {@link dev.lamina.layer.Simd}, the activations' float loops). True when the module is resolved
 * (an incubator module: only with {@code --add-modules jdk.incubator.vector}), its preferred
 * vectors hold more than one double (SIMD hardware that pays off), and the system property
 * {@value #PROPERTY} is not {@code false}. Every vector loop computes what its plain loop computes,
 * lane by lane, so the answer changes speed, never results.
 */
public final class VectorApi {
  /** System property that, set to {@code false}, keeps the plain-Java loops. */
  public static final String PROPERTY = "lamina.simd";
  private static final String MODULE = "jdk.incubator.vector";
  /** Decided once: the loops branch on a constant, which the JIT folds away. */
  private static final boolean ENABLED = decide();

  private VectorApi() {}

  /** Whether the Vector API loops run in this JVM. */
  public static boolean enabled() {
    return ENABLED;
  }

  /** Whether the module is resolved in this JVM (whatever the property says). */
  public static boolean modulePresent() {
    return ModuleLayer.boot().findModule(MODULE).isPresent();
  }

  /** Whether {@value #PROPERTY} turns the vector loops off. */
  public static boolean turnedOff() {
    return "false".equalsIgnoreCase(System.getProperty(PROPERTY));
  }

  private static boolean decide() {
    if (turnedOff() || !modulePresent()) {
      return false;
    }
    try {
      return Lanes.DOUBLES >= 2;
    } catch (LinkageError e) {
      return false; // a JVM whose vector module does not match the API compiled against
    }
  }

  /** Loaded only once the module is known to be there. */
  private static final class Lanes {
    static final int DOUBLES = DoubleVector.SPECIES_PREFERRED.length();
  }
}

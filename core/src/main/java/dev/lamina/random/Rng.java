package dev.lamina.random;

import java.nio.charset.StandardCharsets;

/**
 * A small, fully specified pseudo-random generator (SplitMix64, Steele, Lea and Flood, OOPSLA 2014).
 *
 * <p>Lamina never uses global random state: every parameter, every dropout mask and every shuffle
 * draws from its own {@code Rng}, whose seed is derived from the model seed and a stable path such
 * as {@code "dense_2/kernel"} ({@link #derive(long, String)}). The algorithm is written out here, not
 * borrowed from {@code java.util}, so a seed gives the same numbers on every JVM and machine.
 *
 * <p>Normal deviates use the Marsaglia polar method (one spare value cached); truncated normals
 * redraw outside the cut, as Keras does.
 */
public final class Rng {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;
  private double spareGaussian;
  private boolean hasSpare;

  /** A generator whose whole sequence is determined by {@code seed}. */
  public Rng(long seed) {
    this.state = seed;
  }

  /**
   * A seed for the stream named {@code path} under {@code seed}: adding or renaming one stream
   * never changes another's numbers.
   */
  public static long derive(long seed, String path) {
    long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-8 bytes of the path
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return mix(mix(seed) ^ h);
  }

  /** A new generator for the stream {@code path} under this generator's original seed family. */
  public static Rng forPath(long seed, String path) {
    return new Rng(derive(seed, path));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The next 64 uniformly distributed bits. */
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** A uniform double in [0, 1), with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** A uniform double in [lo, hi). */
  public double nextDouble(double lo, double hi) {
    return lo + (hi - lo) * nextDouble();
  }

  /** A uniform int in [0, bound), without modulo bias (Lemire's method with rejection). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xffffffffL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xffffffffL;
      }
    }
    return (int) (m >>> 32);
  }

  /** A standard normal deviate (Marsaglia polar method). */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = Math.sqrt(-2 * Math.log(s) / s);
    spareGaussian = v * factor;
    hasSpare = true;
    return u * factor;
  }

  /** A normal deviate with the given mean and standard deviation. */
  public double nextGaussian(double mean, double stddev) {
    return mean + stddev * nextGaussian();
  }

  /**
   * A normal deviate N(mean, stddev^2) restricted to mean +- 2 stddev by redrawing, as Keras's
   * {@code truncated_normal} does. {@code stddev} is the pre-truncation sigma.
   */
  public double nextTruncatedGaussian(double mean, double stddev) {
    double z;
    do {
      z = nextGaussian();
    } while (z < -2 || z > 2);
    return mean + stddev * z;
  }

  /**
   * The generator's whole state, so a checkpoint can resume the exact same sequence.
   *
   * @param state the SplitMix64 counter
   * @param spareGaussian the cached second normal deviate of the polar method
   * @param hasSpare whether {@code spareGaussian} is pending
   */
  public record State(long state, double spareGaussian, boolean hasSpare) {}

  /** A copy of the current state (for checkpoints). */
  public State state() {
    return new State(state, spareGaussian, hasSpare);
  }

  /** Puts back a state taken by {@link #state()}: the next numbers are those that followed it. */
  public void restore(State s) {
    this.state = s.state();
    this.spareGaussian = s.spareGaussian();
    this.hasSpare = s.hasSpare();
  }

  /** Shuffles {@code a[0..n)} in place (Fisher-Yates). */
  public void shuffle(int[] a, int n) {
    for (int i = n - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}

package dev.lamina.init;

import dev.lamina.random.Rng;
import dev.lamina.spec.ComponentSpec;

/** Shared fixtures: draw a large sample from an initializer, and its moments. */
final class Samples {
  /** About 100k values: large enough for KS and a 2-3 % variance tolerance, small enough to be fast. */
  static final int SIZE = 100_000;
  /** A non-square kernel, so fan_in (200), fan_out (500) and fan_avg (350) all differ; 100k values. */
  static final int[] KERNEL = {200, 500};
  /** The fixed seed of every statistical test. */
  static final long SEED = 20_240_601L;

  private Samples() {}

  static Initializer create(ComponentSpec spec) {
    return Initializers.create(spec, "test");
  }

  /** At least {@link #SIZE} values from repeated fills of {@code shape} with one generator. */
  static double[] draw(Initializer init, int[] shape, long seed) {
    int size = Initializer.size(shape);
    int fills = (SIZE + size - 1) / size;
    double[] all = new double[fills * size];
    double[] one = new double[size];
    Rng rng = new Rng(seed);
    for (int f = 0; f < fills; f++) {
      init.fill(one, shape, rng);
      System.arraycopy(one, 0, all, f * size, size);
    }
    return all;
  }

  /** A seed for the case named {@code label}, so cases do not share streams. */
  static long seedFor(String label) {
    return Rng.derive(SEED, label);
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Unbiased sample variance. */
  static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  static double max(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      m = Math.max(m, v);
    }
    return m;
  }

  static double min(double[] x) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : x) {
      m = Math.min(m, v);
    }
    return m;
  }
}

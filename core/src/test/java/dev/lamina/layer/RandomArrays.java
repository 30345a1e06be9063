package dev.lamina.layer;

import dev.lamina.random.Rng;

/** Seeded standard-normal operands for the kernel tests (no exact zeros, terms of size ~1). */
final class RandomArrays {
  private RandomArrays() {}

  static double[] gaussian(int n, long seed) {
    Rng rng = new Rng(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextGaussian();
    }
    return a;
  }
}

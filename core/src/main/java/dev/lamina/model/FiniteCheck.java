package dev.lamina.model;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;
import dev.lamina.parallel.VectorApi;
import java.util.List;

/**
 * Whether every element of a set of arrays is finite, the check the trainer runs on all
 * gradients before each optimizer step and on all weights after it. One pass without a branch per
 * element: {@code a - a} is +0 for every finite value and NaN for NaN and the infinities, and a sum
 * of +0s stays +0 while one NaN makes it NaN. Four sums so that the additions overlap; arrays of
 * at least {@link #PARALLEL_MIN_ELEMENTS} are split between the kernel threads; with the Vector API,
 * the sums run in vector lanes ({@link VectorFinite}). The answer is a
 * yes or no, so it does not depend on the split. A float32 parameter is scanned in its floats
 * (the same sum in single precision: Java's primitive types make it a second copy).
 */
final class FiniteCheck implements KernelThreads.Range {
  /** Elements from which one array's scan is split between threads. */
  static final int PARALLEL_MIN_ELEMENTS = 1 << 15;

  private double[] array;
  private float[] floats;
  /** Set by any range that met a non-finite value; read by the caller after the run. */
  private volatile boolean nonFinite;
  private int threads = KernelThreads.defaultThreads();

  /** Sets how many threads a scan may use (results never depend on it). */
  void setThreads(int n) {
    this.threads = KernelThreads.requireThreadCount(n);
  }

  /** Whether every gradient (when {@code gradients}) or every value of {@code params} is finite. */
  boolean allFinite(List<Parameter> params, boolean gradients) {
    double s = 0;
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      int n = p.size();
      if (threads > 1 && n >= PARALLEL_MIN_ELEMENTS) {
        if (p.singlePrecision()) {
          floats = gradients ? p.floatGrad() : p.floatValue();
        } else {
          array = gradients ? p.grad() : p.value();
        }
        nonFinite = false;
        KernelThreads.run(this, n, threads);
        array = null;
        floats = null;
        if (nonFinite) {
          return false;
        }
      } else if (p.singlePrecision()) {
        s += sum(gradients ? p.floatGrad() : p.floatValue(), 0, n);
      } else {
        s += sum(gradients ? p.grad() : p.value(), 0, n);
      }
    }
    return s == 0;
  }

  @Override
  public void run(int from, int to) {
    if ((floats != null ? sum(floats, from, to) : sum(array, from, to)) != 0) {
      nonFinite = true;
    }
  }

  /**
   * The sum of {@code a[i] - a[i]} over {@code [from, to)}: +0 when all are finite, NaN otherwise;
   * on {@link VectorFinite} when {@link VectorApi} is on.
   */
  static double sum(double[] a, int from, int to) {
    if (VectorApi.enabled()) {
      return VectorFinite.sum(a, from, to);
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 += a[i] - a[i];
      s1 += a[i + 1] - a[i + 1];
      s2 += a[i + 2] - a[i + 2];
      s3 += a[i + 3] - a[i + 3];
    }
    for (; i < to; i++) {
      s0 += a[i] - a[i];
    }
    return s0 + s1 + s2 + s3;
  }

  /** {@link #sum(double[], int, int)} over floats. */
  static float sum(float[] a, int from, int to) {
    if (VectorApi.enabled()) {
      return VectorFinite.sum(a, from, to);
    }
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 += a[i] - a[i];
      s1 += a[i + 1] - a[i + 1];
      s2 += a[i + 2] - a[i + 2];
      s3 += a[i + 3] - a[i + 3];
    }
    for (; i < to; i++) {
      s0 += a[i] - a[i];
    }
    return s0 + s1 + s2 + s3;
  }
}

package dev.lamina.layer;

import dev.lamina.spec.Registry;

/**
 * A weight penalty added to the loss, as Keras's {@code L1}, {@code L2} and {@code L1L2}:
 * penalty = l1 * sum|w| + l2 * sum w^2, gradient l1 * sign(w) + 2 * l2 * w.
 * Keras defaults: {@code l1} 0.01 for L1, {@code l2} 0.01 for L2, both 0.0 for L1L2.
 *
 * @param l1 the L1 factor
 * @param l2 the L2 factor
 */
public record Regularizer(double l1, double l2) {
  /** The weight penalties by Keras name: {@code l1} (default 0.01), {@code l2} (0.01), {@code l1_l2} (0, 0). */
  public static final Registry<Regularizer> REGISTRY = new Registry<Regularizer>("regularizer")
      .register("l1", "L1", a -> new Regularizer(a.getDouble("l1", 0.01), 0))
      .register("l2", "L2", a -> new Regularizer(0, a.getDouble("l2", 0.01)))
      .register("l1_l2", "L1L2", a -> new Regularizer(a.getDouble("l1", 0.0), a.getDouble("l2", 0.0)), "l1l2");

  /** Validates the factors. */
  public Regularizer {
    if (!(l1 >= 0) || !(l2 >= 0) || Double.isInfinite(l1) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException("regularizer factors must be finite and >= 0, got l1=" + l1 + ", l2=" + l2);
    }
  }

  /** The penalty for {@code w}. */
  public double penalty(double[] w) {
    double s1 = 0;
    double s2 = 0;
    for (double v : w) {
      s1 += Math.abs(v);
      s2 += v * v;
    }
    return l1 * s1 + l2 * s2;
  }

  /** Adds the penalty's gradient to {@code grad}. */
  public void addGradient(double[] w, double[] grad) {
    for (int i = 0; i < w.length; i++) {
      grad[i] += l1 * Math.signum(w[i]) + 2 * l2 * w[i];
    }
  }
}

package dev.lamina.constraint;

/**
 * Keras's {@code MinMaxNorm(min_value=0.0, max_value=1.0, rate=1.0, axis=0)}: each slice's norm is
 * moved towards {@code [min_value, max_value]},
 * {@code desired = rate * clip(norm, min_value, max_value) + (1 - rate) * norm}, then
 * {@code w * desired / (1e-7 + norm)}.
 */
public final class MinMaxNorm extends AxisNorm {
  /** The canonical name. */
  public static final String NAME = "min_max_norm";
  /** Keras's default lower bound. */
  public static final double DEFAULT_MIN_VALUE = 0.0;
  /** Keras's default upper bound. */
  public static final double DEFAULT_MAX_VALUE = 1.0;
  /** Keras's default rate (1: enforce the bounds strictly). */
  public static final double DEFAULT_RATE = 1.0;

  private final double minValue;
  private final double maxValue;
  private final double rate;

  /** Bounds {@code [minValue, maxValue]} enforced at {@code rate} along {@code axes}. */
  public MinMaxNorm(double minValue, double maxValue, double rate, int... axes) {
    super(axes);
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.rate = rate;
  }

  @Override
  double desired(double norm) {
    return rate * Math.min(Math.max(norm, minValue), maxValue) + (1 - rate) * norm;
  }

  @Override
  public String name() {
    return NAME;
  }
}

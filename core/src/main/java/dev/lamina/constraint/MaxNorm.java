package dev.lamina.constraint;

/**
 * Keras's {@code MaxNorm(max_value=2, axis=0)} (Srivastava et al., 2014, dropout paper): each
 * slice's norm is capped, {@code w * clip(norm, 0, max_value) / (1e-7 + norm)}.
 */
public final class MaxNorm extends AxisNorm {
  /** The canonical name. */
  public static final String NAME = "max_norm";
  /** Keras's default cap. */
  public static final double DEFAULT_MAX_VALUE = 2.0;

  private final double maxValue;

  /** A cap of {@code maxValue} (&gt;= 0) on the norm along {@code axes}. */
  public MaxNorm(double maxValue, int... axes) {
    super(axes);
    this.maxValue = maxValue;
  }

  @Override
  double desired(double norm) {
    return Math.min(Math.max(norm, 0), maxValue);
  }

  @Override
  public String name() {
    return NAME;
  }
}

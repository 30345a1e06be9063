package dev.lamina.constraint;

/** Keras's {@code UnitNorm(axis=0)}: each slice divided by its norm, {@code w / (1e-7 + norm)}. */
public final class UnitNorm extends AxisNorm {
  /** The canonical name. */
  public static final String NAME = "unit_norm";

  /** Unit norm along {@code axes}. */
  public UnitNorm(int... axes) {
    super(axes);
  }

  @Override
  double desired(double norm) {
    return 1;
  }

  @Override
  public String name() {
    return NAME;
  }
}

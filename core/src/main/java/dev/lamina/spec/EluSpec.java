package dev.lamina.spec;

/**
 * Keras's {@code ELU(alpha=1.0)} layer: f(x) = x for x &gt; 0, alpha (e^x - 1) otherwise
 * (Clevert et al., 2015).
 *
 * @param alpha the saturation value for negative inputs, &gt;= 0 (default 1.0)
 * @param name the layer's name, or null
 */
public record EluSpec(double alpha, String name) implements LayerSpec {
  /** Keras's default alpha. */
  public static final double DEFAULT_ALPHA = 1.0;

  /** Validates. */
  public EluSpec {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new SpecException("alpha", "alpha must be a finite number >= 0, got " + alpha);
    }
  }

  @Override
  public String type() {
    return "elu";
  }

  @Override
  public String kerasClassName() {
    return "ELU";
  }
}

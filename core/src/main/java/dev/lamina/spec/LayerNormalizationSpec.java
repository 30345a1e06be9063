package dev.lamina.spec;

/**
 * Keras's {@code LayerNormalization(axis=-1, epsilon=0.001, center=True, scale=True,
 * beta_initializer="zeros", gamma_initializer="ones")}: each row normalized over its own columns
 * (Ba, Kiros and Hinton, 2016), identically in training and inference.
 *
 * @param epsilon added to the variance, &gt; 0 (default 0.001)
 * @param center whether to add the trainable offset beta (default true)
 * @param scale whether to multiply by the trainable scale gamma (default true)
 * @param betaInitializer beta's initializer (default zeros)
 * @param gammaInitializer gamma's initializer (default ones)
 * @param name the layer's name, or null
 */
public record LayerNormalizationSpec(double epsilon, boolean center, boolean scale, ComponentSpec betaInitializer,
    ComponentSpec gammaInitializer, String name) implements LayerSpec {
  /** Keras's default epsilon. */
  public static final double DEFAULT_EPSILON = 1e-3;
  /** Every argument at Keras's default. */
  public static final LayerNormalizationSpec DEFAULT = new LayerNormalizationSpec(DEFAULT_EPSILON, true, true, null,
      null, null);

  /** Fills in defaults and validates. */
  public LayerNormalizationSpec {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new SpecException("epsilon", "epsilon must be a finite number > 0, got " + epsilon + "; Keras's default is "
          + DEFAULT_EPSILON);
    }
    betaInitializer = betaInitializer == null ? BatchNormalizationSpec.ZEROS : betaInitializer;
    gammaInitializer = gammaInitializer == null ? BatchNormalizationSpec.ONES : gammaInitializer;
  }

  /** A copy with another epsilon. */
  public LayerNormalizationSpec withEpsilon(double e) {
    return new LayerNormalizationSpec(e, center, scale, betaInitializer, gammaInitializer, name);
  }

  /** A copy with {@code center} and {@code scale} set. */
  public LayerNormalizationSpec withCenterScale(boolean c, boolean s) {
    return new LayerNormalizationSpec(epsilon, c, s, betaInitializer, gammaInitializer, name);
  }

  /** A copy with another name. */
  public LayerNormalizationSpec withName(String n) {
    return new LayerNormalizationSpec(epsilon, center, scale, betaInitializer, gammaInitializer, n);
  }

  @Override
  public String type() {
    return "layer_normalization";
  }

  @Override
  public String kerasClassName() {
    return "LayerNormalization";
  }
}

package dev.lamina.spec;

/**
 * Keras's {@code BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True,
 * scale=True, beta_initializer="zeros", gamma_initializer="ones",
 * moving_mean_initializer="zeros", moving_variance_initializer="ones")} (Ioffe and Szegedy,
 * 2015). Training normalizes with the batch's statistics and updates the moving ones
 * ({@code moving = moving * momentum + batch * (1 - momentum)}); inference uses the moving ones.
 *
 * <p>Note for the Keras importer (issue 7): a Keras {@code BatchNormalization} config maps key for
 * key ({@code axis} must be -1); its weights come in the order gamma, beta, moving_mean,
 * moving_variance (gamma/beta absent when scale/center are false). Lamina's
 * {@code Model.tensors()} lists every layer's trainable tensors first and all non-trainable state
 * after them, so assign imported weights by name ({@code batch_normalization/moving_mean}), not by
 * position. {@code LayerNormalization} maps the same way (gamma, beta; {@code rms_scaling} must be
 * false).
 *
 * @param momentum the moving averages' momentum, in [0, 1] (default 0.99)
 * @param epsilon added to the variance, &gt; 0 (default 0.001)
 * @param center whether to add the trainable offset beta (default true)
 * @param scale whether to multiply by the trainable scale gamma (default true)
 * @param betaInitializer beta's initializer (default zeros)
 * @param gammaInitializer gamma's initializer (default ones)
 * @param movingMeanInitializer the moving mean's initializer (default zeros)
 * @param movingVarianceInitializer the moving variance's initializer (default ones)
 * @param name the layer's name, or null
 */
public record BatchNormalizationSpec(double momentum, double epsilon, boolean center, boolean scale,
    ComponentSpec betaInitializer, ComponentSpec gammaInitializer, ComponentSpec movingMeanInitializer,
    ComponentSpec movingVarianceInitializer, String name) implements LayerSpec {
  /** Keras's default momentum. */
  public static final double DEFAULT_MOMENTUM = 0.99;
  /** Keras's default epsilon. */
  public static final double DEFAULT_EPSILON = 1e-3;
  /** Keras's default beta and moving-mean initializer. */
  public static final ComponentSpec ZEROS = ComponentSpec.of("zeros");
  /** Keras's default gamma and moving-variance initializer. */
  public static final ComponentSpec ONES = ComponentSpec.of("ones");
  /** Every argument at Keras's default. */
  public static final BatchNormalizationSpec DEFAULT = new BatchNormalizationSpec(DEFAULT_MOMENTUM, DEFAULT_EPSILON,
      true, true, null, null, null, null, null);

  /** Fills in defaults and validates. */
  public BatchNormalizationSpec {
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new SpecException("momentum", "momentum must be in [0, 1], got " + momentum + "; Keras's default is "
          + DEFAULT_MOMENTUM);
    }
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new SpecException("epsilon", "epsilon must be a finite number > 0, got " + epsilon + "; Keras's default is "
          + DEFAULT_EPSILON);
    }
    betaInitializer = betaInitializer == null ? ZEROS : betaInitializer;
    gammaInitializer = gammaInitializer == null ? ONES : gammaInitializer;
    movingMeanInitializer = movingMeanInitializer == null ? ZEROS : movingMeanInitializer;
    movingVarianceInitializer = movingVarianceInitializer == null ? ONES : movingVarianceInitializer;
  }

  /** A copy with another momentum. */
  public BatchNormalizationSpec withMomentum(double m) {
    return new BatchNormalizationSpec(m, epsilon, center, scale, betaInitializer, gammaInitializer,
        movingMeanInitializer, movingVarianceInitializer, name);
  }

  /** A copy with another epsilon. */
  public BatchNormalizationSpec withEpsilon(double e) {
    return new BatchNormalizationSpec(momentum, e, center, scale, betaInitializer, gammaInitializer,
        movingMeanInitializer, movingVarianceInitializer, name);
  }

  /** A copy with {@code center} and {@code scale} set. */
  public BatchNormalizationSpec withCenterScale(boolean c, boolean s) {
    return new BatchNormalizationSpec(momentum, epsilon, c, s, betaInitializer, gammaInitializer,
        movingMeanInitializer, movingVarianceInitializer, name);
  }

  /** A copy with another name. */
  public BatchNormalizationSpec withName(String n) {
    return new BatchNormalizationSpec(momentum, epsilon, center, scale, betaInitializer, gammaInitializer,
        movingMeanInitializer, movingVarianceInitializer, n);
  }

  @Override
  public String type() {
    return "batch_normalization";
  }

  @Override
  public String kerasClassName() {
    return "BatchNormalization";
  }
}

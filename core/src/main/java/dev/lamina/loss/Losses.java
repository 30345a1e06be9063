package dev.lamina.loss;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Registry;

/**
 * The loss registry: Keras 3's loss names, class names, aliases ({@code mse}, {@code mae},
 * {@code bce}, {@code huber_loss}, ...) and arguments ({@code from_logits}, {@code label_smoothing},
 * {@code delta}). The reduction is always Keras's default, {@code sum_over_batch_size}.
 */
public final class Losses {
  /** binary_crossentropy on probabilities. */
  public static final ComponentSpec BINARY_CROSSENTROPY = ComponentSpec.of(BinaryCrossentropy.NAME);
  /** categorical_crossentropy on probabilities. */
  public static final ComponentSpec CATEGORICAL_CROSSENTROPY = ComponentSpec.of(CategoricalCrossentropy.NAME);
  /** sparse_categorical_crossentropy on probabilities. */
  public static final ComponentSpec SPARSE_CATEGORICAL_CROSSENTROPY = ComponentSpec.of(SparseCategoricalCrossentropy.NAME);
  /** mean_squared_error. */
  public static final ComponentSpec MEAN_SQUARED_ERROR = ComponentSpec.of(MeanSquaredError.NAME);
  /** mean_absolute_error. */
  public static final ComponentSpec MEAN_ABSOLUTE_ERROR = ComponentSpec.of(MeanAbsoluteError.NAME);
  /** huber with delta = 1. */
  public static final ComponentSpec HUBER = ComponentSpec.of(Huber.NAME);

  private static final String FROM_LOGITS = "from_logits";
  private static final String LABEL_SMOOTHING = "label_smoothing";

  /** Every loss by name. */
  public static final Registry<Loss> REGISTRY = new Registry<Loss>("loss")
      .register(BinaryCrossentropy.NAME, "BinaryCrossentropy", a -> new BinaryCrossentropy(
          a.getBoolean(FROM_LOGITS, BinaryCrossentropy.DEFAULT_FROM_LOGITS),
          a.getDouble(LABEL_SMOOTHING, BinaryCrossentropy.DEFAULT_LABEL_SMOOTHING, 0, 1)), "bce")
      .register(CategoricalCrossentropy.NAME, "CategoricalCrossentropy", a -> new CategoricalCrossentropy(
          a.getBoolean(FROM_LOGITS, CategoricalCrossentropy.DEFAULT_FROM_LOGITS),
          a.getDouble(LABEL_SMOOTHING, CategoricalCrossentropy.DEFAULT_LABEL_SMOOTHING, 0, 1)), "cce")
      .register(SparseCategoricalCrossentropy.NAME, "SparseCategoricalCrossentropy", a -> new SparseCategoricalCrossentropy(
          a.getBoolean(FROM_LOGITS, SparseCategoricalCrossentropy.DEFAULT_FROM_LOGITS)), "scce")
      .register(MeanSquaredError.NAME, "MeanSquaredError", a -> new MeanSquaredError(), "mse")
      .register(MeanAbsoluteError.NAME, "MeanAbsoluteError", a -> new MeanAbsoluteError(), "mae")
      .register(Huber.NAME, "Huber", a -> new Huber(a.getPositive("delta", Huber.DEFAULT_DELTA)), "huber_loss");

  private Losses() {}

  /** Builds the loss {@code spec} describes; errors name {@code path}. */
  public static Loss create(ComponentSpec spec, String path) {
    return REGISTRY.create(spec, path);
  }

  /** Builds the loss {@code name} with its default arguments. */
  public static Loss create(String name) {
    return REGISTRY.create(name);
  }
}

package dev.lamina.layertype;

import dev.lamina.layer.Layer;
import dev.lamina.spec.Args;
import dev.lamina.spec.LayerSpec;
import java.util.List;
import java.util.Map;

/**
 * Everything Lamina knows about one kind of layer, in one place (the role Keras's
 * {@code get_config}/{@code from_config} and weight names play for a Keras layer class).
 *
 * <p>Arguments go by Keras's names. {@link #read} takes them from {@link Args} (YAML and a Keras
 * config both become {@code Args}), {@link #arguments} gives them back, all of them, in the same
 * order, so {@code read(arguments(s)) == s}. The defaults a writer may leave out are the ones
 * {@link #read} declares when it runs on {@link Args#describing describing} arguments: they are
 * written once, in {@code read}.
 *
 * <p>{@link #weights} lists the layer's tensors as Keras stores them (Keras's order and roles, such
 * as {@code gamma, beta, moving_mean, moving_variance}); the built layer names each tensor
 * {@code <layer name>/<role>}, so import and export match weights by role, never by position.
 *
 * @param <S> the layer's spec record
 */
public interface LayerType<S extends LayerSpec> {
  /** A value {@link #kerasFixed} accepts whatever it is (a setting without effect in Lamina). */
  Object ANY = new Object() {
    @Override
    public String toString() {
      return "any value";
    }
  };

  /** The YAML type key, Keras's snake_case class name: {@code batch_normalization}. */
  String name();

  /** The Keras class name: {@code BatchNormalization}. */
  String kerasClassName();

  /** Other names the type is read under (Keras 2 class names, short forms); may be empty. */
  default List<String> aliases() {
    return List.of();
  }

  /** The spec record this type reads and writes. */
  Class<S> specClass();

  /**
   * Whether {@code spec} is of this type: by default, whether it is a {@link #specClass()}; types
   * that share one record (the noise layers) also compare its {@code type()}.
   */
  default boolean handles(LayerSpec spec) {
    return specClass() == spec.getClass();
  }

  /** One sentence for the YAML reference: what the layer computes, with its formula. */
  String description();

  /**
   * Reads a spec from its arguments (Keras names), validating them.
   *
   * @param args the arguments; {@link Args#finish()} is called by the registry afterwards
   * @param name the layer's name, or null
   */
  S read(Args args, String name);

  /** Every argument of {@code spec} by Keras name, in the order {@link #read} reads them (name excluded). */
  Map<String, Object> arguments(S spec);

  /** Builds the layer, weights initialized from the model seed. */
  Layer build(S spec, BuildContext context);

  /** The number of columns the layer outputs for {@code inputWidth} input columns (default: the same). */
  default int outputWidth(S spec, int inputWidth) {
    return inputWidth;
  }

  /**
   * The tensors a Keras file stores for this layer, in Keras's order, for an input of
   * {@code inputWidth} columns; empty for a layer without weights.
   */
  default List<WeightSlot> weights(S spec, int inputWidth) {
    return List.of();
  }

  /**
   * Keys a Keras config holds that are not arguments of the Lamina layer, with the only value
   * Lamina accepts for each (null, false, ...) or {@link #ANY} when the key has no effect here. An
   * importer refuses another value by name; an exporter writes these values.
   */
  default Map<String, Object> kerasFixed() {
    return Map.of();
  }

  /** Arguments of the Lamina spec that a Keras config does not hold (Dense's {@code input_dim}). */
  default List<String> laminaOnly() {
    return List.of();
  }

  /**
   * The spec with the built layer's state folded into its arguments, for writers of formats that
   * keep such state in the config (Normalization's mean and variance); most types return
   * {@code spec} unchanged.
   */
  default S withState(S spec, Layer built) {
    return spec;
  }

  /**
   * Arguments for an example of this layer, as the YAML reference shows it and as tests build every
   * registered type: the required arguments at typical values (empty when none is required).
   */
  default Map<String, Object> example() {
    return Map.of();
  }

  /** The summary's "Activation" column for the built layer (its function or its main argument), or "". */
  default String summary(S spec) {
    return "";
  }
}

package dev.lamina.spec;

/**
 * One layer of a Sequential model, as Keras names it. Every variant is an immutable record
 * validated in its constructor; {@link #name()} is the optional user-given layer name. Each
 * variant has exactly one descriptor in {@code dev.lamina.layertype.LayerTypes}, which every
 * front end asks (a spec without one is refused by name); layers added since issue 19 keep their
 * record in their descriptor's file.
 */
public interface LayerSpec {
  /** The user's name for this layer, or null for Keras's automatic {@code dense_1} style names. */
  String name();

  /** The Keras type key, as written in YAML: {@code dense}, {@code dropout}, ... */
  String type();

  /** The Keras class name: {@code Dense}, {@code Dropout}, ... */
  String kerasClassName();
}

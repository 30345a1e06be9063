package dev.lamina.spec;

/**
 * Keras's {@code Activation(activation)} layer: applies an activation function on its own.
 *
 * @param activation the activation
 * @param name the layer's name, or null
 */
public record ActivationLayerSpec(ComponentSpec activation, String name) implements LayerSpec {
  /** Validates. */
  public ActivationLayerSpec {
    if (activation == null) {
      throw new SpecException("activation", "an Activation layer needs an activation, e.g. activation: relu");
    }
  }

  @Override
  public String type() {
    return "activation";
  }

  @Override
  public String kerasClassName() {
    return "Activation";
  }
}

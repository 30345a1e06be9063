package dev.lamina.spec;

/**
 * Keras's {@code PReLU}: f(x) = x for x &gt;= 0, alpha_j * x otherwise, with one trainable slope
 * per unit (He et al., 2015, "Delving Deep into Rectifiers"). Default {@code alpha_initializer}
 * {@code zeros}, as Keras.
 *
 * @param alphaInitializer the slopes' initializer (default zeros)
 * @param name the layer's name, or null
 */
public record PReluSpec(ComponentSpec alphaInitializer, String name) implements LayerSpec {
  /** Fills in the default initializer. */
  public PReluSpec {
    alphaInitializer = alphaInitializer == null ? ComponentSpec.of("zeros") : alphaInitializer;
  }

  @Override
  public String type() {
    return "prelu";
  }

  @Override
  public String kerasClassName() {
    return "PReLU";
  }
}

package dev.lamina.spec;

/**
 * Keras's {@code Dropout(rate)}: during training each input is zeroed with probability
 * {@code rate} and the survivors are scaled by {@code 1/(1-rate)} (inverted dropout); at inference
 * it is the identity.
 *
 * @param rate fraction dropped, in [0, 1)
 * @param seed an optional seed for the masks (otherwise derived from the model seed)
 * @param name the layer's name, or null
 */
public record DropoutSpec(double rate, Long seed, String name) implements LayerSpec {
  /** Validates the rate. */
  public DropoutSpec {
    if (!(rate >= 0 && rate < 1)) {
      throw new SpecException("rate", "dropout rate must be in [0, 1), got " + rate
          + ". It is the fraction of inputs dropped, e.g. rate: 0.2");
    }
  }

  @Override
  public String type() {
    return "dropout";
  }

  @Override
  public String kerasClassName() {
    return "Dropout";
  }
}

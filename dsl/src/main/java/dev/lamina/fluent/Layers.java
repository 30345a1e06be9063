package dev.lamina.fluent;

import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.SpecException;
import java.util.function.Supplier;

/** Gives a layer record's validation error the layer's index, as the YAML reader does. */
final class Layers {
  private Layers() {}

  static LayerSpec at(int index, Supplier<LayerSpec> make) {
    try {
      return make.get();
    } catch (SpecException e) {
      throw new SpecException("layers[" + index + "]." + e.path(), "layer " + index + ": " + e.detail());
    }
  }
}

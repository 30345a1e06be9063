package dev.lamina.diagnose;

import dev.lamina.model.Model;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/** Small specs for the diagnostics tests. */
final class TinyNetwork {
  private TinyNetwork() {}

  static DenseSpec dense(int units, String activation, ComponentSpec init) {
    return new DenseSpec(units, ComponentSpec.of(activation), true, init, null, null, null, null, null);
  }

  static DenseSpec dense(int units, String activation, String init) {
    return dense(units, activation, ComponentSpec.of(init));
  }

  static ModelSpec model(long seed, List<LayerSpec> layers) {
    return new ModelSpec("tiny", seed, layers,
        new CompileSpec(ComponentSpec.of("sgd"), ComponentSpec.of("binary_crossentropy"), List.of()));
  }

  /** {@code depth} Dense layers of {@code width} units on {@code inputs} inputs, then one sigmoid unit. */
  static ModelSpec deep(int inputs, int depth, int width, String activation, ComponentSpec init, long seed) {
    List<LayerSpec> layers = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      DenseSpec d = dense(width, activation, init);
      layers.add(i == 0 ? d.withInputDim(inputs) : d);
    }
    layers.add(dense(1, "sigmoid", init));
    return model(seed, layers);
  }

  static Model build(ModelSpec spec) {
    return Model.of(spec);
  }
}

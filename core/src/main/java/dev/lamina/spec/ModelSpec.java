package dev.lamina.spec;

import java.util.List;

/**
 * A whole Sequential model: its layers, how it is compiled, and the seed that fixes every random
 * number of its construction and training. Both front ends (YAML and the fluent Java API) produce
 * this record and the engine builds from it.
 *
 * @param name the model's name (used for the run folder)
 * @param seed the seed for weights, dropout and shuffling, or null to draw one (and report it)
 * @param layers the layers in order, at least one
 * @param compile optimizer, loss and metrics, or null for an uncompiled model (inference only)
 * @param dtype the precision of the Dense products ({@link DType#FLOAT64} when null)
 */
public record ModelSpec(String name, Long seed, List<LayerSpec> layers, CompileSpec compile, DType dtype) {
  /** Validates. */
  public ModelSpec {
    name = name == null || name.isBlank() ? "sequential" : name;
    dtype = dtype == null ? DType.DEFAULT : dtype;
    if (layers == null || layers.isEmpty()) {
      throw new SpecException("layers", "a model needs at least one layer, e.g. a dense layer with units: 1");
    }
    layers = List.copyOf(layers);
    if (!(layers.get(0) instanceof DenseSpec) && layers.stream().noneMatch(l -> l instanceof DenseSpec)) {
      throw new SpecException("layers", "a model needs at least one dense layer");
    }
  }

  /** A model in the default precision ({@link DType#FLOAT64}). */
  public ModelSpec(String name, Long seed, List<LayerSpec> layers, CompileSpec compile) {
    this(name, seed, layers, compile, DType.DEFAULT);
  }

  /** A copy with another seed. */
  public ModelSpec withSeed(Long s) {
    return new ModelSpec(name, s, layers, compile, dtype);
  }

  /** A copy with other layers. */
  public ModelSpec withLayers(List<LayerSpec> l) {
    return new ModelSpec(name, seed, l, compile, dtype);
  }

  /** A copy with another dtype. */
  public ModelSpec withDtype(DType t) {
    return new ModelSpec(name, seed, layers, compile, t);
  }
}

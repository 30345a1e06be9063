package dev.lamina.model;

import dev.lamina.layer.Layer;
import dev.lamina.layer.Regularizer;
import dev.lamina.layertype.BuildContext;
import dev.lamina.layertype.LayerTypes;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.Registry;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Network} from a {@link ModelSpec}: resolves every name through the registries,
 * names layers as Keras does ({@code dense}, {@code dense_1}, ...), chains the widths and fills the
 * weights from generators derived from the model seed and each tensor's path.
 */
public final class NetworkBuilder {
  private NetworkBuilder() {}

  /**
   * Builds the layers for inputs of width {@code inputWidth}.
   *
   * @throws SpecException naming the layer (index and type) and the fix
   */
  public static Network build(ModelSpec spec, int inputWidth, long seed) {
    List<Layer> layers = new ArrayList<>();
    Map<String, Integer> counters = new HashMap<>();
    int width = inputWidth;
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec ls = spec.layers().get(i);
      String path = "layers[" + i + "]." + ls.type();
      String where = "layer " + i + " (" + ls.kerasClassName() + ")";
      String name = ls.name() != null ? ls.name() : autoName(ls, counters);
      try {
        Layer layer = LayerTypes.build(ls, new BuildContext(name, width, i, seed, path, spec.dtype()));
        layers.add(layer);
        width = layer.outputWidth();
      } catch (SpecException e) {
        String p = e.path().startsWith("layers[") ? e.path() : e.path().isEmpty() ? path : path + "." + e.path();
        throw new SpecException(p, where + ": " + e.detail());
      }
    }
    return new Network(layers, inputWidth);
  }

  /** The input width the spec declares (first layer's input_dim), or null. */
  public static Integer declaredInputWidth(ModelSpec spec) {
    for (LayerSpec l : spec.layers()) {
      if (l instanceof DenseSpec d) {
        return d.inputDim();
      }
    }
    return null;
  }

  private static String autoName(LayerSpec ls, Map<String, Integer> counters) {
    String base = Names.canonical(ls.kerasClassName());
    int k = counters.merge(base, 1, Integer::sum) - 1;
    return k == 0 ? base : base + "_" + k;
  }
}

package dev.lamina.model;

import dev.lamina.activation.Activation;
import dev.lamina.activation.Activations;
import dev.lamina.init.AutoInitializer;
import dev.lamina.init.Initializer;
import dev.lamina.init.Initializers;
import dev.lamina.layer.ActivationLayer;
import dev.lamina.layer.BatchNormalization;
import dev.lamina.layer.Dense;
import dev.lamina.layer.Dropout;
import dev.lamina.layer.Layer;
import dev.lamina.layer.LayerNormalization;
import dev.lamina.layer.PRelu;
import dev.lamina.layer.Regularizer;
import dev.lamina.random.Rng;
import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.BatchNormalizationSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.DropoutSpec;
import dev.lamina.spec.EluSpec;
import dev.lamina.spec.LayerNormalizationSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.LeakyReluSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.PReluSpec;
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
  /** The weight penalties by Keras name: {@code l1} (default 0.01), {@code l2} (0.01), {@code l1_l2} (0, 0). */
  public static final Registry<Regularizer> REGULARIZERS = new Registry<Regularizer>("regularizer")
      .register("l1", "L1", a -> new Regularizer(a.getDouble("l1", 0.01), 0))
      .register("l2", "L2", a -> new Regularizer(0, a.getDouble("l2", 0.01)))
      .register("l1_l2", "L1L2", a -> new Regularizer(a.getDouble("l1", 0.0), a.getDouble("l2", 0.0)), "l1l2");

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
        Layer layer = buildLayer(ls, name, width, seed, path, i);
        if (layer instanceof Dense dense) {
          dense.setDtype(spec.dtype());
        }
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

  private static Layer buildLayer(LayerSpec ls, String name, int width, long seed, String path, int index) {
    if (ls instanceof DenseSpec d) {
      if (d.inputDim() != null && d.inputDim() != width) {
        throw new SpecException("input_dim", "input_dim is " + d.inputDim() + " but " + (index == 0
            ? "the data has " + width + " feature columns" : "the previous layer outputs " + width + " columns")
            + ". Set input_dim: " + width + " or leave it out to take it from the data");
      }
      Activation act = Activations.create(d.activation(), path + ".activation");
      Initializer k = Initializers.create(d.kernelInitializer(), path + ".kernel_initializer");
      if (k instanceof AutoInitializer auto) {
        // auto needs the activation, so it is resolved here, before any weight is drawn.
        k = auto.resolveFor(act);
      }
      Initializer b = d.useBias() ? Initializers.create(d.biasInitializer(), path + ".bias_initializer") : null;
      Regularizer kr = regularizer(d.kernelRegularizer(), path + ".kernel_regularizer");
      Regularizer br = regularizer(d.biasRegularizer(), path + ".bias_regularizer");
      Dense dense = new Dense(name, width, d.units(), act, k, b, kr, br);
      dense.initialize(seed);
      return dense;
    }
    if (ls instanceof DropoutSpec d) {
      Rng rng = d.seed() != null ? new Rng(d.seed()) : Rng.forPath(seed, name + "/mask");
      return new Dropout(name, width, d.rate(), rng);
    }
    if (ls instanceof ActivationLayerSpec a) {
      return new ActivationLayer(name, "Activation", width, Activations.create(a.activation(), path + ".activation"));
    }
    if (ls instanceof LeakyReluSpec l) {
      Activation act = Activations.create(ComponentSpec.of("leaky_relu", "negative_slope", l.negativeSlope()), path);
      return new ActivationLayer(name, "LeakyReLU", width, act);
    }
    if (ls instanceof EluSpec e) {
      return new ActivationLayer(name, "ELU", width, Activations.create(ComponentSpec.of("elu", "alpha", e.alpha()), path));
    }
    if (ls instanceof PReluSpec p) {
      PRelu prelu = new PRelu(name, width, Initializers.create(p.alphaInitializer(), path + ".alpha_initializer"));
      prelu.initialize(seed);
      return prelu;
    }
    if (ls instanceof BatchNormalizationSpec b) {
      BatchNormalization bn = new BatchNormalization(name, width, b.momentum(), b.epsilon(),
          b.scale() ? Initializers.create(b.gammaInitializer(), path + ".gamma_initializer") : null,
          b.center() ? Initializers.create(b.betaInitializer(), path + ".beta_initializer") : null,
          Initializers.create(b.movingMeanInitializer(), path + ".moving_mean_initializer"),
          Initializers.create(b.movingVarianceInitializer(), path + ".moving_variance_initializer"));
      bn.initialize(seed);
      return bn;
    }
    if (ls instanceof LayerNormalizationSpec l) {
      LayerNormalization ln = new LayerNormalization(name, width, l.epsilon(),
          l.scale() ? Initializers.create(l.gammaInitializer(), path + ".gamma_initializer") : null,
          l.center() ? Initializers.create(l.betaInitializer(), path + ".beta_initializer") : null);
      ln.initialize(seed);
      return ln;
    }
    throw new SpecException(path, "unsupported layer type " + ls.type());
  }

  private static Regularizer regularizer(ComponentSpec spec, String path) {
    return spec == null ? null : REGULARIZERS.create(spec, path);
  }
}

package dev.lamina.yaml;

import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.BatchNormalizationSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.DropoutSpec;
import dev.lamina.spec.EluSpec;
import dev.lamina.spec.LayerNormalizationSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.LeakyReluSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.PReluSpec;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code layers:} list. Each item is one of
 * <ul>
 *   <li>{@code - dense: {units: 6, activation: relu}} (the type as Keras's snake_case name or
 *       class name: {@code dense}/{@code Dense}, {@code leaky_relu}/{@code LeakyReLU},
 *       {@code prelu}/{@code PReLU}, {@code elu}/{@code ELU}, ...)</li>
 *   <li>{@code - {class_name: Dense, config: {units: 6}}} (Keras's serialization)</li>
 *   <li>{@code - elu} (a type alone, all arguments default)</li>
 * </ul>
 * Arguments go by Keras's names (camelCase is accepted too); LeakyReLU also takes Keras 2's
 * {@code alpha} for {@code negative_slope}. Paths read {@code layers[i].<type>.<argument>} with the
 * canonical type, whichever form was written.
 */
final class LayerReader {
  /** Type keys as written in YAML, in the order errors list them. */
  static final List<String> TYPES = List.of("dense", "dropout", "activation", "leaky_relu", "prelu", "elu",
      "batch_normalization", "layer_normalization");
  private static final Map<String, String> BY_SQUASHED = Map.of(
      "dense", "dense", "dropout", "dropout", "activation", "activation",
      "leakyrelu", "leaky_relu", "prelu", "prelu", "elu", "elu",
      "batchnormalization", "batch_normalization", "layernormalization", "layer_normalization");

  /** Keras's Dense defaults, taken from the record so they are written once. */
  static final DenseSpec DEFAULTS = DenseSpec.of(1);
  /** Keras's PReLU defaults, taken from the record. */
  static final PReluSpec PRELU_DEFAULTS = new PReluSpec(null, null);

  private final NodeReader reader;
  private final ComponentReader components;

  LayerReader(NodeReader reader, ComponentReader components) {
    this.reader = reader;
    this.components = components;
  }

  /** The layers under {@code layers:}. */
  List<LayerSpec> readAll(Node node, String path) {
    if (!(node instanceof SequenceNode seq)) {
      throw reader.error(node, path, "expected a list of layers such as [{dense: {units: 1}}], got "
          + NodeReader.describe(node));
    }
    List<LayerSpec> layers = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      String p = NodeReader.index(path, i);
      reader.count(item);
      reader.register(p, item);
      layers.add(read(item, p));
    }
    return layers;
  }

  private LayerSpec read(Node item, String path) {
    if (item instanceof ScalarNode s && !NodeReader.isNull(s)) {
      String type = type(s.getValue(), s, path);
      reader.register(NodeReader.join(path, type), s);
      return build(type, new MapReader(reader, null, NodeReader.join(path, type), "for " + type, "argument", true));
    }
    if (!(item instanceof MappingNode map)) {
      throw reader.error(item, path, "expected a layer such as dense: {units: 1}, got " + NodeReader.describe(item));
    }
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && "class_name".equals(Names.canonical(k.getValue()))) {
        return readKerasForm(map, path);
      }
    }
    if (map.getValue().size() != 1) {
      List<String> keys = new ArrayList<>();
      for (NodeTuple t : map.getValue()) {
        keys.add(t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?");
      }
      throw reader.error(map, path, "a layer is one entry such as dense: {units: 6}, got " + keys.size()
          + " keys (" + String.join(", ", keys) + "); indent the arguments under the layer type, inside its map");
    }
    NodeTuple entry = map.getValue().get(0);
    reader.count(entry.getKeyNode());
    String written = reader.text(entry.getKeyNode(), path);
    String type = type(written == null ? "null" : written, entry.getKeyNode(), path);
    String lp = NodeReader.join(path, type);
    reader.register(lp, entry.getKeyNode());
    return build(type, new MapReader(reader, entry.getValueNode(), lp, "for " + type, "argument", true));
  }

  private LayerSpec readKerasForm(MappingNode map, String path) {
    MapReader keras = new MapReader(reader, map, path, "in a class_name/config layer", "key", true);
    Node nameNode = keras.take("class_name");
    Node config = keras.take("config");
    keras.take("module");
    keras.take("registered_name");
    keras.finish();
    String written = reader.text(nameNode, NodeReader.join(path, "class_name"));
    if (written == null) {
      throw reader.error(nameNode, path, "class_name needs a layer class such as Dense");
    }
    String type = type(written, nameNode, path);
    String lp = NodeReader.join(path, type);
    reader.register(lp, nameNode);
    return build(type, new MapReader(reader, config, lp, "for " + type, "argument", true));
  }

  /** The canonical type of a written type name, or an error listing the known ones. */
  private String type(String written, Node at, String path) {
    String type = BY_SQUASHED.get(Names.canonical(written).replace("_", "").toLowerCase(Locale.ROOT));
    if (type == null) {
      throw reader.error(at, path, "unknown layer type '" + written + "' (known types: " + String.join(", ", TYPES)
          + ")." + Names.didYouMean(written, List.of("dense", "dropout", "activation", "leaky_relu", "LeakyReLU",
          "prelu", "PReLU", "elu", "ELU", "batch_normalization", "BatchNormalization", "layer_normalization",
          "LayerNormalization")));
    }
    return type;
  }

  private LayerSpec build(String type, MapReader args) {
    try {
      return switch (type) {
        case "dense" -> dense(args);
        case "dropout" -> dropout(args);
        case "activation" -> activation(args);
        case "leaky_relu" -> leakyRelu(args);
        case "prelu" -> prelu(args);
        case "batch_normalization" -> batchNormalization(args);
        case "layer_normalization" -> layerNormalization(args);
        default -> elu(args);
      };
    } catch (SpecException e) {
      throw reader.wrap(e, args.path());
    }
  }

  private LayerSpec dense(MapReader m) {
    String p = m.path();
    Node units = m.take("units");
    Node activation = m.take("activation");
    Node useBias = m.take("use_bias");
    Node kernelInit = m.take("kernel_initializer");
    Node biasInit = m.take("bias_initializer");
    Node kernelReg = m.take("kernel_regularizer");
    Node biasReg = m.take("bias_regularizer");
    Node inputDim = m.take("input_dim");
    Node name = m.take("name");
    m.finish();
    Integer u = reader.wholeNumber(units, NodeReader.join(p, "units"));
    if (u == null) {
      throw reader.error(reader.marks().find(p), p, "dense needs units, the number of neurons, e.g. units: 6");
    }
    Boolean bias = reader.bool(useBias, NodeReader.join(p, "use_bias"));
    return new DenseSpec(u,
        components.read(activation, NodeReader.join(p, "activation")),
        bias == null ? DEFAULTS.useBias() : bias,
        components.read(kernelInit, NodeReader.join(p, "kernel_initializer")),
        components.read(biasInit, NodeReader.join(p, "bias_initializer")),
        components.read(kernelReg, NodeReader.join(p, "kernel_regularizer")),
        components.read(biasReg, NodeReader.join(p, "bias_regularizer")),
        reader.wholeNumber(inputDim, NodeReader.join(p, "input_dim")),
        reader.text(name, NodeReader.join(p, "name")));
  }

  private LayerSpec dropout(MapReader m) {
    String p = m.path();
    Node rate = m.take("rate");
    Node seed = m.take("seed");
    Node name = m.take("name");
    m.finish();
    Double r = reader.decimal(rate, NodeReader.join(p, "rate"));
    if (r == null) {
      throw reader.error(reader.marks().find(p), p, "dropout needs rate, the fraction of inputs dropped, e.g. rate: 0.2");
    }
    return new DropoutSpec(r, reader.longNumber(seed, NodeReader.join(p, "seed")), reader.text(name, NodeReader.join(p, "name")));
  }

  private LayerSpec activation(MapReader m) {
    String p = m.path();
    Node activation = m.take("activation");
    Node name = m.take("name");
    m.finish();
    return new ActivationLayerSpec(components.read(activation, NodeReader.join(p, "activation")),
        reader.text(name, NodeReader.join(p, "name")));
  }

  private LayerSpec leakyRelu(MapReader m) {
    String p = m.path();
    Node slope = m.take("negative_slope");
    Node alpha = m.take("alpha");
    Node name = m.take("name");
    m.finish();
    if (slope != null && alpha != null) {
      throw reader.error(alpha, p, "give negative_slope or Keras 2's alpha, not both");
    }
    if (alpha != null) {
      // The record reports a bad slope as negative_slope; point that at what was written.
      reader.registerAlias(NodeReader.join(p, "negative_slope"), NodeReader.join(p, "alpha"));
    }
    Double s = slope != null ? reader.decimal(slope, NodeReader.join(p, "negative_slope"))
        : reader.decimal(alpha, NodeReader.join(p, "alpha"));
    return new LeakyReluSpec(s == null ? LeakyReluSpec.DEFAULT_NEGATIVE_SLOPE : s, reader.text(name, NodeReader.join(p, "name")));
  }

  private LayerSpec prelu(MapReader m) {
    String p = m.path();
    Node init = m.take("alpha_initializer");
    Node name = m.take("name");
    m.finish();
    return new PReluSpec(components.read(init, NodeReader.join(p, "alpha_initializer")),
        reader.text(name, NodeReader.join(p, "name")));
  }

  private LayerSpec batchNormalization(MapReader m) {
    String p = m.path();
    Node axis = m.take("axis");
    Node momentum = m.take("momentum");
    Node epsilon = m.take("epsilon");
    Node center = m.take("center");
    Node scale = m.take("scale");
    Node betaInit = m.take("beta_initializer");
    Node gammaInit = m.take("gamma_initializer");
    Node meanInit = m.take("moving_mean_initializer");
    Node varInit = m.take("moving_variance_initializer");
    Node name = m.take("name");
    m.finish();
    lastAxis(axis, NodeReader.join(p, "axis"));
    BatchNormalizationSpec def = BatchNormalizationSpec.DEFAULT;
    Double mo = reader.decimal(momentum, NodeReader.join(p, "momentum"));
    Double ep = reader.decimal(epsilon, NodeReader.join(p, "epsilon"));
    Boolean c = reader.bool(center, NodeReader.join(p, "center"));
    Boolean s = reader.bool(scale, NodeReader.join(p, "scale"));
    return new BatchNormalizationSpec(mo == null ? def.momentum() : mo, ep == null ? def.epsilon() : ep,
        c == null ? def.center() : c, s == null ? def.scale() : s,
        components.read(betaInit, NodeReader.join(p, "beta_initializer")),
        components.read(gammaInit, NodeReader.join(p, "gamma_initializer")),
        components.read(meanInit, NodeReader.join(p, "moving_mean_initializer")),
        components.read(varInit, NodeReader.join(p, "moving_variance_initializer")),
        reader.text(name, NodeReader.join(p, "name")));
  }

  private LayerSpec layerNormalization(MapReader m) {
    String p = m.path();
    Node axis = m.take("axis");
    Node epsilon = m.take("epsilon");
    Node center = m.take("center");
    Node scale = m.take("scale");
    Node betaInit = m.take("beta_initializer");
    Node gammaInit = m.take("gamma_initializer");
    Node name = m.take("name");
    m.finish();
    lastAxis(axis, NodeReader.join(p, "axis"));
    LayerNormalizationSpec def = LayerNormalizationSpec.DEFAULT;
    Double ep = reader.decimal(epsilon, NodeReader.join(p, "epsilon"));
    Boolean c = reader.bool(center, NodeReader.join(p, "center"));
    Boolean s = reader.bool(scale, NodeReader.join(p, "scale"));
    return new LayerNormalizationSpec(ep == null ? def.epsilon() : ep, c == null ? def.center() : c,
        s == null ? def.scale() : s,
        components.read(betaInit, NodeReader.join(p, "beta_initializer")),
        components.read(gammaInit, NodeReader.join(p, "gamma_initializer")),
        reader.text(name, NodeReader.join(p, "name")));
  }

  /** Dense networks have one feature axis: Keras's default {@code axis: -1} (or 1) is the only one. */
  private void lastAxis(Node axis, String path) {
    Integer a = reader.wholeNumber(axis, path);
    if (a != null && a != -1 && a != 1) {
      throw reader.error(axis, path, "a dense network's rows have one feature axis: axis must be -1 (or 1), got " + a);
    }
  }

  private LayerSpec elu(MapReader m) {
    String p = m.path();
    Node alpha = m.take("alpha");
    Node name = m.take("name");
    m.finish();
    Double a = reader.decimal(alpha, NodeReader.join(p, "alpha"));
    return new EluSpec(a == null ? EluSpec.DEFAULT_ALPHA : a, reader.text(name, NodeReader.join(p, "name")));
  }
}

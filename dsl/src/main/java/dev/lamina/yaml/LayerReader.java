package dev.lamina.yaml;

import dev.lamina.layertype.LayerType;
import dev.lamina.layertype.LayerTypes;
import dev.lamina.spec.Args;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
      LayerType<?> type = type(s.getValue(), s, path);
      reader.register(NodeReader.join(path, type.name()), s);
      return build(type, new MapReader(reader, null, NodeReader.join(path, type.name()), "for " + type.name(),
          "argument", true));
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
    LayerType<?> type = type(written == null ? "null" : written, entry.getKeyNode(), path);
    String lp = NodeReader.join(path, type.name());
    reader.register(lp, entry.getKeyNode());
    return build(type, new MapReader(reader, entry.getValueNode(), lp, "for " + type.name(), "argument", true));
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
    LayerType<?> type = type(written, nameNode, path);
    String lp = NodeReader.join(path, type.name());
    reader.register(lp, nameNode);
    return build(type, new MapReader(reader, config, lp, "for " + type.name(), "argument", true));
  }

  /** The type a written type name denotes, or an error listing the known ones. */
  private LayerType<?> type(String written, Node at, String path) {
    LayerType<?> type = LayerTypes.find(written);
    if (type == null) {
      throw reader.error(at, path, LayerTypes.unknown(written));
    }
    return type;
  }

  /**
   * An argument's value, typed as the descriptor declared it, so the messages for a wrong type are
   * the YAML reader's own ("expected a whole number, got '6' (in quotes, so it is text)").
   */
  private Object value(Args.Declared d, Node value, String p) {
    if (value instanceof MappingNode) {
      return components.read(value, p);
    }
    if (value instanceof ScalarNode && !NodeReader.isNull(value)) {
      switch (d.type()) {
        case "integer" -> {
          return d.defaultValue() == null ? reader.longNumber(value, p) : reader.wholeNumber(value, p);
        }
        case "number" -> {
          return reader.decimal(value, p);
        }
        case "boolean" -> {
          return reader.bool(value, p);
        }
        default -> {
          return reader.plain(value, p);
        }
      }
    }
    return reader.plain(value, p);
  }

  /** Reads the arguments as plain values and components, then lets the layer's descriptor read them. */
  private LayerSpec build(LayerType<?> type, MapReader m) {
    Map<String, Object> raw = new LinkedHashMap<>();
    for (Args.Declared d : LayerTypes.describe(type)) {
      Node value = m.take(d.key());
      String p = NodeReader.join(m.path(), d.key());
      if (value != null) {
        raw.put(d.key(), value(d, value, p));
      }
    }
    m.finish();
    try {
      return LayerTypes.read(type, new Args(m.path(), type.name(), raw));
    } catch (SpecException e) {
      throw reader.wrap(e, "");
    }
  }
}

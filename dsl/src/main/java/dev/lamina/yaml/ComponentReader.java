package dev.lamina.yaml;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a component (initializer, activation, loss, optimizer, metric, regularizer, callback,
 * schedule) in any of the three ways it can be written:
 * <ul>
 *   <li>a bare name: {@code he_uniform}</li>
 *   <li>a one-entry map from name to arguments: {@code {variance_scaling: {scale: 2.0}}}</li>
 *   <li>Keras's serialization: {@code {class_name: VarianceScaling, config: {scale: 2.0}}}
 *       ({@code module} and {@code registered_name} are accepted and ignored)</li>
 * </ul>
 * Names are kept as written (the registries resolve them); argument keys are put in snake_case.
 * An argument that is itself a map is a nested component (a learning-rate schedule); lists stay
 * lists; scalars keep their YAML type. Arguments are registered in the {@link SourceMap} both
 * with and without the component's name (as written and in snake_case).
 */
final class ComponentReader {
  private static final String CLASS_NAME = "class_name";
  private static final String CONFIG = "config";
  private static final String FORMS = "a name such as relu, {name: {arguments}} or {class_name: Name, config: {arguments}}";

  private final NodeReader reader;

  ComponentReader(NodeReader reader) {
    this.reader = reader;
  }

  /** The component at {@code path} (a value already registered by its map or list), or null. */
  ComponentSpec read(Node node, String path) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s && (Tag.STR.equals(s.getTag()) || Tag.TIMESTAMP.equals(s.getTag()))) {
      return bare(s.getValue(), path);
    }
    if (node instanceof MappingNode m) {
      return fromMap(m, path, path, path);
    }
    throw reader.error(node, path, "expected " + FORMS + ", got " + NodeReader.describe(node));
  }

  /** One component or a list of them ({@code metrics: accuracy} is a list of one), or null. */
  List<ComponentSpec> readList(Node node, String path) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    if (!(node instanceof SequenceNode seq)) {
      return List.of(read(node, path));
    }
    List<ComponentSpec> out = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      String p = NodeReader.index(path, i);
      reader.count(item);
      reader.register(p, item);
      ComponentSpec c = read(item, p);
      if (c == null) {
        throw reader.error(item, p, "expected " + FORMS + ", got " + NodeReader.describe(item));
      }
      out.add(c);
    }
    return out;
  }

  private ComponentSpec bare(String name, String path) {
    try {
      return ComponentSpec.of(name);
    } catch (SpecException e) {
      throw reader.wrap(e, path);
    }
  }

  /**
   * A map-form component. Its paths come in three spellings: {@code stripped} omits component
   * names (as {@code Args.pathOf} builds them), {@code named} keeps them as written, and
   * {@code canon} keeps them in snake_case (as registries name them).
   */
  private ComponentSpec fromMap(MappingNode map, String stripped, String named, String canon) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && CLASS_NAME.equals(Names.canonical(k.getValue()))) {
        return fromKerasForm(map, stripped, named, canon);
      }
    }
    if (map.getValue().size() != 1) {
      List<String> keys = new ArrayList<>();
      for (NodeTuple t : map.getValue()) {
        keys.add(t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?");
      }
      throw reader.error(map, stripped, "a component is written {name: {arguments}}, got a map with "
          + keys.size() + " keys (" + String.join(", ", keys) + "); put the arguments inside the name's map");
    }
    NodeTuple entry = map.getValue().get(0);
    reader.count(entry.getKeyNode());
    if (!(entry.getKeyNode() instanceof ScalarNode nameNode) || NodeReader.isNull(nameNode)) {
      throw reader.error(entry.getKeyNode(), stripped, "expected a component name, got "
          + NodeReader.describe(entry.getKeyNode()));
    }
    String name = nameNode.getValue();
    Node args = entry.getValueNode();
    if (!NodeReader.isNull(args) && !(args instanceof MappingNode)) {
      throw reader.error(args, stripped, "the arguments of '" + name + "' must be a map such as {"
          + name + ": {argument: value}}, got " + NodeReader.describe(args));
    }
    return build(name, nameNode, args, stripped, named, canon);
  }

  private ComponentSpec fromKerasForm(MappingNode map, String stripped, String named, String canon) {
    MapReader keras = new MapReader(reader, map, stripped, "in a class_name/config component", "key", true);
    Node nameNode = keras.take(CLASS_NAME);
    Node config = keras.take(CONFIG);
    keras.take("module");
    keras.take("registered_name");
    keras.finish();
    String name = reader.text(nameNode, NodeReader.join(stripped, CLASS_NAME));
    if (name == null) {
      throw reader.error(nameNode == null ? map : nameNode, stripped, "class_name needs a component name, e.g. class_name: HeUniform");
    }
    if (!NodeReader.isNull(config) && !(config instanceof MappingNode)) {
      throw reader.error(config, NodeReader.join(stripped, CONFIG), "config must be a map of arguments, got "
          + NodeReader.describe(config));
    }
    return build(name, nameNode, config, stripped, named, canon);
  }

  private ComponentSpec build(String name, Node nameNode, Node argsNode, String stripped, String named,
      String canon) {
    String withName = NodeReader.join(named, name);
    String withCanonical = NodeReader.join(canon, Names.canonical(name));
    reader.register(withName, nameNode);
    reader.register(withCanonical, nameNode);
    Map<String, Object> args = new LinkedHashMap<>();
    MapReader map = new MapReader(reader, argsNode, stripped, "for " + name, "argument", true);
    for (String key : map.keys()) {
      String p = NodeReader.join(stripped, key);
      String q = NodeReader.join(withName, key);
      String c = NodeReader.join(withCanonical, key);
      Node value = map.take(key);
      reader.registerAlias(q, p);
      reader.registerAlias(c, p);
      args.put(key, value(value, p, q, c));
    }
    try {
      return new ComponentSpec(name, args);
    } catch (SpecException e) {
      throw reader.wrap(e, stripped);
    }
  }

  /** An argument's value: a scalar by its YAML type, a list, or a nested component. */
  private Object value(Node node, String stripped, String named, String canon) {
    if (node instanceof ScalarNode s) {
      return reader.scalar(s, stripped);
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < seq.getValue().size(); i++) {
        Node item = seq.getValue().get(i);
        String p = NodeReader.index(stripped, i);
        reader.count(item);
        reader.register(p, item);
        reader.registerAlias(NodeReader.index(named, i), p);
        reader.registerAlias(NodeReader.index(canon, i), p);
        out.add(value(item, p, NodeReader.index(named, i), NodeReader.index(canon, i)));
      }
      // Not List.copyOf: Keras configs hold nulls, e.g. input_shape: [null, 11].
      return Collections.unmodifiableList(out);
    }
    return fromMap((MappingNode) node, stripped, named, canon);
  }
}

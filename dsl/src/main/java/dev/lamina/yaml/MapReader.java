package dev.lamina.yaml;

import dev.lamina.spec.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One YAML map being read: refuses duplicate keys (SnakeYAML's node API does not), looks keys up
 * by Keras's snake_case (so {@code batchSize} finds {@code batch_size} when keys are canonical),
 * records each value's position, and after the reader has asked for every key it knows,
 * {@link #finish()} refuses the rest with a "did you mean".
 *
 * <p>A scalar value is registered at the value ({@code units: six} points at {@code six}); a map
 * or list value at its key ({@code compile:}), which reads better for "missing ..." messages.
 */
final class MapReader {
  private final NodeReader reader;
  private final String path;
  private final String where;
  private final String noun;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> known = new LinkedHashSet<>();

  /**
   * @param reader the document's reader
   * @param node a map, or a YAML null (read as an empty map)
   * @param path the map's spec path
   * @param where how messages name the map: "at the top level", "in data", "for dense"
   * @param noun "key" or "argument"
   * @param canonicalKeys whether keys are names to put in snake_case (false for column names)
   */
  MapReader(NodeReader reader, Node node, String path, String where, String noun, boolean canonicalKeys) {
    this.reader = reader;
    this.path = path;
    this.where = where;
    this.noun = noun;
    if (NodeReader.isNull(node)) {
      return;
    }
    if (!(node instanceof MappingNode map)) {
      throw reader.error(node, path, "expected a map of " + noun + "s (" + noun + ": value), got " + NodeReader.describe(node));
    }
    for (NodeTuple t : map.getValue()) {
      Node keyNode = t.getKeyNode();
      reader.count(keyNode);
      if (!(keyNode instanceof ScalarNode k) || NodeReader.isNull(keyNode)) {
        throw reader.error(keyNode, path, "expected a plain name as " + noun + ", got " + NodeReader.describe(keyNode));
      }
      String key = canonicalKeys ? Names.canonical(k.getValue()) : k.getValue();
      NodeTuple first = entries.putIfAbsent(key, t);
      if (first != null) {
        SourceMark at = SourceMark.of(first.getKeyNode().getStartMark());
        throw reader.error(keyNode, path, "duplicate " + noun + " '" + k.getValue() + "' (first given at line "
            + at.line() + ", column " + at.column() + "); give each " + noun + " once");
      }
    }
  }

  /** The map's spec path. */
  String path() {
    return path;
  }

  /** The keys present, in file order. */
  List<String> keys() {
    return new ArrayList<>(entries.keySet());
  }

  /** Whether {@code key} is present (a null value counts as present). */
  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** Where {@code key} was written (the map's own place if absent). */
  SourceMark keyMark(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? reader.marks().find(path) : SourceMark.of(t.getKeyNode().getStartMark());
  }

  /** The value node of {@code key}, or null when absent; marks {@code key} as known. */
  Node take(String key) {
    known.add(key);
    NodeTuple t = entries.get(key);
    if (t == null) {
      return null;
    }
    Node value = t.getValueNode();
    reader.register(NodeReader.join(path, key), value instanceof ScalarNode ? value : t.getKeyNode());
    return value;
  }

  /** Refuses any key nobody asked for, naming the known ones and the closest. */
  void finish() {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!known.contains(e.getKey())) {
        String written = ((ScalarNode) e.getValue().getKeyNode()).getValue();
        throw reader.error(e.getValue().getKeyNode(), path, "unknown " + noun + " '" + written + "' " + where
            + " (known " + noun + "s: " + String.join(", ", known) + ")." + Names.didYouMean(written, known));
      }
    }
  }
}

package dev.lamina.yaml;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The check every composed document passes before any value is read: only YAML's plain types
 * (map, list, string, number, boolean, null, and dates kept as text) may appear, no merge keys,
 * no alias that contains itself, and no nesting deeper than {@link SpecReader#MAX_NESTING} even
 * after aliases are expanded.
 *
 * <p>Why: the reader never builds objects from tags, but an explicit tag such as
 * {@code !!javax.script.ScriptEngineManager} is always a mistake or an attack, so it is refused
 * loudly rather than read as a plain map. Each distinct node is visited once (heights are
 * memoized), so an alias-heavy file costs time linear in its size here.
 */
final class NodeGuard {
  private static final Set<Tag> ALLOWED =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

  private final NodeReader reader;
  private final Map<Node, Integer> heights = new IdentityHashMap<>();
  private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

  NodeGuard(NodeReader reader) {
    this.reader = reader;
  }

  /** Checks the document under {@code root}. */
  void check(Node root) {
    height(root, 0, root);
  }

  /**
   * The number of nested maps and lists at and under {@code node}; {@code above} enclose it.
   * {@code parent} is where an alias to {@code node} was used, the place to report.
   */
  private int height(Node node, int above, Node parent) {
    checkTag(node);
    if (node instanceof ScalarNode) {
      return 0;
    }
    if (above + 1 > SpecReader.MAX_NESTING) {
      throw tooDeep(node);
    }
    Integer known = heights.get(node);
    if (known != null) {
      if (above + known > SpecReader.MAX_NESTING) {
        // Seen before, so reached through an alias: the alias's container is the place to fix.
        throw tooDeep(parent);
      }
      return known;
    }
    if (!open.add(node)) {
      throw reader.error(node, "", "an alias (*" + node.getAnchor() + ") is used inside the map or list it names;"
          + " a spec cannot refer to itself");
    }
    int below = 0;
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        below = Math.max(below, height(t.getKeyNode(), above + 1, node));
        below = Math.max(below, height(t.getValueNode(), above + 1, node));
      }
    } else if (node instanceof SequenceNode s) {
      for (Node item : s.getValue()) {
        below = Math.max(below, height(item, above + 1, node));
      }
    }
    open.remove(node);
    heights.put(node, below + 1);
    return below + 1;
  }

  private void checkTag(Node node) {
    Tag tag = node.getTag();
    if (Tag.MERGE.equals(tag)) {
      throw reader.error(node, "", "merge keys (<<) are not supported; write the keys out, or alias a whole value"
          + " with &name and *name");
    }
    if (!ALLOWED.contains(tag)) {
      throw reader.error(node, "", tagNotAllowed(tag.getValue()));
    }
  }

  /** The message for a refused tag, in the short {@code !!name} form the user wrote. */
  static String tagNotAllowed(String tag) {
    String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    return "tag '" + shown + "' is not allowed: a spec holds only maps, lists, text, numbers and"
        + " booleans, and never creates Java objects; remove the tag";
  }

  private SpecLocationException tooDeep(Node node) {
    return reader.error(node, "", SpecReader.nestingMessage());
  }
}

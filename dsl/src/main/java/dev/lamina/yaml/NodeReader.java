package dev.lamina.yaml;

import dev.lamina.spec.SpecException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads typed values out of YAML nodes, recording each node's position in the {@link SourceMap}
 * and turning every mistake into a {@link SpecLocationException} that names the spec path, what
 * was expected and what was found: {@code layers[0].dense.units: expected a whole number, got 'six'}.
 *
 * <p>Also keeps the budget of {@link SpecReader#MAX_KEYS} map entries and list items read,
 * counting each use of an alias again, so aliases cannot blow a small file up into a huge spec.
 */
final class NodeReader {
  /** Longer number literals are refused before parsing: no real spec value needs them. */
  private static final int MAX_NUMBER_LENGTH = 64;
  private static final Resolver RESOLVER = new Resolver();

  private final SourceMap marks;
  private final ScalarValues scalars;
  private int entries;

  NodeReader(SourceMap marks, LoaderOptions options) {
    this.marks = marks;
    this.scalars = new ScalarValues(options);
  }

  SourceMap marks() {
    return marks;
  }

  /** {@code base.key}, or {@code key} at the top level. */
  static String join(String base, String key) {
    if (base.isEmpty()) {
      return key;
    }
    return key.isEmpty() ? base : base + "." + key;
  }

  /** {@code base[index]}. */
  static String index(String base, int index) {
    return base + "[" + index + "]";
  }

  /** Records that {@code path} was written at {@code node}. */
  void register(String path, Node node) {
    marks.put(path, SourceMark.of(node.getStartMark()));
  }

  /** Records {@code path} at the place already recorded for {@code samePlaceAs}. */
  void registerAlias(String path, String samePlaceAs) {
    marks.put(path, marks.find(samePlaceAs));
  }

  /** Counts one map entry or list item against the budget. */
  void count(Node node) {
    if (++entries > SpecReader.MAX_KEYS) {
      throw error(node, "", "the file has more than " + SpecReader.MAX_KEYS + " keys and list items (each use of"
          + " an alias counts again); a model spec needs a few dozen - is this the right file?");
    }
  }

  /** An error at {@code node}. */
  SpecLocationException error(Node node, String path, String detail) {
    return new SpecLocationException(marks.sourceName(), SourceMark.of(node.getStartMark()), path, detail);
  }

  /** An error at {@code mark}. */
  SpecLocationException error(SourceMark mark, String path, String detail) {
    return new SpecLocationException(marks.sourceName(), mark, path, detail);
  }

  /**
   * A record constructor's error ({@code units: ...}, relative to the record) with the record's
   * path in front and the position of the nearest node read.
   */
  SpecLocationException wrap(SpecException e, String prefix) {
    if (e instanceof SpecLocationException located) {
      return located;
    }
    String full = join(prefix, e.path());
    return new SpecLocationException(marks.sourceName(), marks.find(full), full, e.detail(), e);
  }

  /** Whether {@code node} is absent or YAML null ({@code ~}, {@code null}, nothing). */
  static boolean isNull(Node node) {
    return node == null || Tag.NULL.equals(node.getTag());
  }

  /** How a node reads in a message: {@code 'six'}, {@code a map}, {@code a list}. */
  static String describe(Node node) {
    if (isNull(node)) {
      return "nothing (null)";
    }
    if (node instanceof ScalarNode s) {
      boolean quoted = s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN;
      boolean looksTyped = !Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, s.getValue(), true));
      return "'" + shown(s.getValue()) + "'" + (quoted && looksTyped ? " (in quotes, so it is text: remove the quotes)" : "");
    }
    return node instanceof MappingNode ? "a map" : "a list";
  }

  /** The longest value a message quotes whole; longer ones are cut, and a message stays one short line. */
  static final int MAX_QUOTED_CHARS = 60;

  /** {@code value} as a message quotes it: its first line, cut at {@value #MAX_QUOTED_CHARS} characters. */
  static String shown(String value) {
    int newline = value.indexOf('\n');
    String first = newline < 0 ? value : value.substring(0, newline);
    if (first.length() <= MAX_QUOTED_CHARS && newline < 0) {
      return value;
    }
    return first.substring(0, Math.min(first.length(), MAX_QUOTED_CHARS)) + "... (" + value.length() + " characters"
        + (newline < 0 ? "" : " on " + value.lines().count() + " lines") + ")";
  }

  /** A whole number that fits an int, or null when absent. */
  Integer wholeNumber(Node node, String path) {
    if (isNull(node)) {
      return null;
    }
    Object v = number(node);
    if (v instanceof Integer i) {
      return i;
    }
    if (v instanceof Long) {
      throw error(node, path, "expected a whole number up to " + Integer.MAX_VALUE + ", got " + describe(node));
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
      return (int) (double) d;
    }
    throw error(node, path, "expected a whole number, got " + describe(node));
  }

  /** A whole number that fits a long (seeds), or null when absent. */
  Long longNumber(Node node, String path) {
    if (isNull(node)) {
      return null;
    }
    Object v = number(node);
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw error(node, path, "expected a whole number, got " + describe(node));
  }

  /** A number, or null when absent. */
  Double decimal(Node node, String path) {
    if (isNull(node)) {
      return null;
    }
    Object v = number(node);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw error(node, path, "expected a number, got " + describe(node));
  }

  /** true or false, or null when absent. */
  Boolean bool(Node node, String path) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
      return (Boolean) scalar(s, path);
    }
    throw error(node, path, "expected true or false, got " + describe(node));
  }

  /**
   * Text, or null when absent. Any scalar is taken as written, so a column called {@code No} or
   * {@code 2019} stays text.
   */
  String text(Node node, String path) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error(node, path, "expected text, got " + describe(node));
  }

  /** A list of text ({@code [a, b]}; a single value means a list of one), or null when absent. */
  List<String> texts(Node node, String path) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode) {
      return List.of(text(node, path));
    }
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, path, "expected a list such as [a, b], got " + describe(node));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      String p = index(path, i);
      count(item);
      register(p, item);
      String s = text(item, p);
      if (s == null) {
        throw error(item, p, "expected text, got " + describe(item));
      }
      out.add(s);
    }
    return out;
  }

  /** A number node's value (Integer, Long or Double), or null when the node is not a number. */
  private Object number(Node node) {
    if (node instanceof ScalarNode s && (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag()))) {
      return scalar(s, "");
    }
    return null;
  }

  /**
   * A scalar by its YAML type: Integer (or Long when larger), Double, Boolean, String (dates stay
   * text) or null, so {@code 2} stays an Integer and {@code 2.0} a Double.
   */
  Object scalar(ScalarNode node, String path) {
    Tag tag = node.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.STR.equals(tag) || Tag.TIMESTAMP.equals(tag)) {
      return node.getValue();
    }
    if (node.getValue().length() > MAX_NUMBER_LENGTH) {
      throw error(node, path, "number too long (" + node.getValue().length() + " characters)");
    }
    Object v;
    try {
      v = scalars.value(node);
    } catch (RuntimeException e) {
      throw error(node, path, "cannot read " + describe(node) + " as " + tag.getValue().replace(Tag.PREFIX, "!!"));
    }
    if (v instanceof BigInteger) {
      throw error(node, path, "whole number too large: " + node.getValue());
    }
    return v;
  }

  /**
   * Any value as plain Java: maps (keys as written, order kept), lists, and scalars by
   * {@link #scalar}. Used for sections kept raw, such as {@code sweep}.
   */
  Object plain(Node node, String path) {
    if (node instanceof ScalarNode s) {
      return scalar(s, path);
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < seq.getValue().size(); i++) {
        Node item = seq.getValue().get(i);
        String p = index(path, i);
        count(item);
        register(p, item);
        out.add(plain(item, p));
      }
      return Collections.unmodifiableList(out);
    }
    MapReader map = new MapReader(this, node, path, "in " + path, "key", false);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : map.keys()) {
      Node value = map.take(key);
      out.put(key, plain(value, join(path, key)));
    }
    return Collections.unmodifiableMap(out);
  }
}

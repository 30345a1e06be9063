package dev.lamina.yaml;

import dev.lamina.spec.ComponentSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * How single values are written so that {@link SpecReader} reads back exactly the same Java
 * value: text plain when it is safe and would read back as text (else double-quoted), a Double
 * always with a decimal point or exponent (so {@code 2.0} stays a Double and {@code 2} an
 * Integer), and flow-style maps and lists on one line.
 */
public final class YamlText {
  /** Text that needs no quotes in block or flow context (no indicators, no ": ", no " #"). */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./+-]*(?: [A-Za-z0-9_./+-]+)*");
  private static final Resolver RESOLVER = new Resolver();

  private YamlText() {}

  /** Text, quoted only when it would otherwise read as something else. */
  static String text(String s) {
    if (PLAIN.matcher(s).matches() && Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, s, true))) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A double as YAML's float: {@code 0.33}, {@code 2.0}, {@code 1.0e-07}, {@code .inf}, {@code .nan}. */
  static String number(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    // Double.toString is the shortest text that parses back to the same double, and always has
    // a '.' ("1.0E-7"); YAML 1.1's float wants a signed exponent.
    String s = Double.toString(d).replace('E', 'e');
    int e = s.indexOf('e');
    return e >= 0 && s.charAt(e + 1) != '-' ? s.substring(0, e + 1) + "+" + s.substring(e + 1) : s;
  }

  /**
   * A value inside a component's arguments: numbers, booleans, text, null, lists, and nested
   * components always as {@code {name: {arguments}}} (a bare name would read back as text).
   */
  static String argument(Object v) {
    if (v instanceof ComponentSpec c) {
      return "{" + text(c.name()) + ": " + arguments(c.args()) + "}";
    }
    if (v instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        out.append(i > 0 ? ", " : "").append(argument(list.get(i)));
      }
      return out.append(']').toString();
    }
    return scalar(v);
  }

  /** A scalar: null, Boolean, Integer/Long/Short/Byte, Double/Float, String. */
  static String scalar(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return v.toString();
    }
    if (v instanceof Double || v instanceof Float) {
      return number(((Number) v).doubleValue());
    }
    if (v instanceof String s) {
      return text(s);
    }
    throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " (" + v
        + ") to YAML: spec values are numbers, booleans, text, lists and components");
  }

  /** A component in a component position: its bare name when it has no arguments. */
  public static String component(ComponentSpec c) {
    return c.args().isEmpty() ? text(c.name()) : argument(c);
  }

  /** {@code {key: value, ...}} for arguments. */
  static String arguments(Map<String, Object> args) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Object> e : args.entrySet()) {
      out.append(first ? "" : ", ").append(text(e.getKey())).append(": ").append(argument(e.getValue()));
      first = false;
    }
    return out.append('}').toString();
  }
}

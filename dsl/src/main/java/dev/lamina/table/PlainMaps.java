package dev.lamina.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from the plain maps of {@link FittedPipeline#toMap()} after they went through JSON:
 * numbers may come back as any {@link Number}, lists as any {@link List}. A malformed map is a
 * damaged model file, reported as a {@link DataException} naming the key.
 */
final class PlainMaps {
  private static final String WHERE = "model pipeline";

  private PlainMaps() {}

  static DataException bad(String key, String detail) {
    return new DataException(null, WHERE + " '" + key + "': " + detail
        + "; the model file is damaged or from an incompatible version, retrain to rewrite it");
  }

  static Object required(Map<?, ?> map, String key) {
    Object v = map.get(key);
    if (v == null) {
      throw bad(key, "missing");
    }
    return v;
  }

  static String string(Map<?, ?> map, String key) {
    Object v = required(map, key);
    if (!(v instanceof String s)) {
      throw bad(key, "expected text, got " + v);
    }
    return s;
  }

  /** A string that may be absent (null). */
  static String optionalString(Map<?, ?> map, String key) {
    return map.get(key) == null ? null : string(map, key);
  }

  static boolean bool(Map<?, ?> map, String key) {
    Object v = required(map, key);
    if (!(v instanceof Boolean b)) {
      throw bad(key, "expected true or false, got " + v);
    }
    return b;
  }

  /** A number that may be absent (null). */
  static Double optionalNumber(Map<?, ?> map, String key) {
    Object v = map.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n)) {
      throw bad(key, "expected a number, got " + v);
    }
    return n.doubleValue();
  }

  static List<String> strings(Map<?, ?> map, String key) {
    List<String> out = new ArrayList<>();
    for (Object o : list(map, key)) {
      if (!(o instanceof String s)) {
        throw bad(key, "expected a list of text, got the element " + o);
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  static double[] numbers(Map<?, ?> map, String key) {
    List<?> list = list(map, key);
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Number n)) {
        throw bad(key, "expected a list of numbers, got the element " + list.get(i));
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  static List<?> list(Map<?, ?> map, String key) {
    Object v = required(map, key);
    if (!(v instanceof List<?> l)) {
      throw bad(key, "expected a list, got " + v);
    }
    return l;
  }

  static Map<?, ?> map(Object value, String key) {
    if (!(value instanceof Map<?, ?> m)) {
      throw bad(key, "expected a map, got " + value);
    }
    return m;
  }

  /** A list of doubles as a plain list (JSON numbers). */
  static List<Double> boxed(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }
}

package dev.lamina.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Writes plain values - maps with string keys, lists, {@code double[]}, {@code int[]},
 * {@code long[]}, strings, booleans, {@code Integer}, {@code Long}, {@code Double}, {@code Float}
 * and null - straight to a Jackson {@link JsonGenerator}, with the same generator calls (hence the
 * same bytes) that an {@code ObjectMapper} makes for them, whether it serializes the value
 * directly or through {@code valueToTree}.
 *
 * <p>Why not the {@code ObjectMapper}: the run writes a few small JSON files, and on a cold JVM the
 * first {@code ObjectMapper} costs about half a second (hundreds of databind classes and their
 * serializer lookups) while jackson-core alone costs a few milliseconds. A caller checks
 * {@link #isPlain} first and keeps the mapper for anything else, so no value is written
 * differently.
 */
public final class PlainJson {
  private PlainJson() {}

  /** Whether {@link #write} can write {@code value} (and everything inside it). */
  public static boolean isPlain(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Double || value instanceof Float || value instanceof double[]
        || value instanceof int[] || value instanceof long[]) {
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String) || !isPlain(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Collection<?> items) {
      for (Object item : items) {
        if (!isPlain(item)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Writes a value for which {@link #isPlain} holds.
   *
   * @throws IllegalArgumentException for any other value
   */
  public static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer i) {
      g.writeNumber(i.intValue());
    } else if (value instanceof Long l) {
      g.writeNumber(l.longValue());
    } else if (value instanceof Double d) {
      g.writeNumber(d.doubleValue());
    } else if (value instanceof Float f) {
      g.writeNumber(f.floatValue());
    } else if (value instanceof double[] a) {
      g.writeStartArray();
      for (double d : a) {
        g.writeNumber(d);
      }
      g.writeEndArray();
    } else if (value instanceof int[] a) {
      g.writeStartArray();
      for (int i : a) {
        g.writeNumber(i);
      }
      g.writeEndArray();
    } else if (value instanceof long[] a) {
      g.writeStartArray();
      for (long l : a) {
        g.writeNumber(l);
      }
      g.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Collection<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        write(g, item);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName());
    }
  }
}

package dev.lamina.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pretty JSON for the run files: two-space indent, {@code "key": value}, arrays on one line
 * ({@code [0.69, 0.52]}), empty ones as {@code []} and {@code {}}, keys in the order given, doubles in their shortest round-trip form, and
 * NaN / infinities as {@code null} (JSON has no such numbers, and Jackson's default would write
 * them as the strings {@code "NaN"}, which no JSON reader takes for a number).
 */
final class JsonText {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  private static final DefaultPrettyPrinter PRETTY = prettyPrinter();

  private JsonText() {}

  /** The mapper, for values that are not plain; a holder so that plain values never load it. */
  private static final class Fallback {
    static final ObjectWriter WRITER = new ObjectMapper(FACTORY).writer(PRETTY);
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withArrayValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
        .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter());
  }

  /** {@code value} as pretty JSON text ending in a newline. */
  static String pretty(Object value) {
    Object plain = finite(value);
    try {
      if (!PlainJson.isPlain(plain)) {
        return Fallback.WRITER.writeValueAsString(plain) + "\n";
      }
      StringWriter text = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(text)) {
        // The copy an ObjectWriter makes of its pretty printer for every value it writes.
        g.setPrettyPrinter(PRETTY.createInstance());
        PlainJson.write(g, plain);
      }
      return text + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + value + " as JSON", e);
    }
  }

  /** A copy of {@code value} with every non-finite number replaced by null. */
  static Object finite(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d) ? d : null;
    }
    if (value instanceof Float f) {
      return Float.isFinite(f) ? f : null;
    }
    if (value instanceof double[] array) {
      List<Object> copy = new ArrayList<>(array.length);
      for (double d : array) {
        copy.add(finite(d));
      }
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), finite(v)));
      return copy;
    }
    if (value instanceof Iterable<?> items) {
      List<Object> copy = new ArrayList<>();
      items.forEach(item -> copy.add(finite(item)));
      return copy;
    }
    return value;
  }
}

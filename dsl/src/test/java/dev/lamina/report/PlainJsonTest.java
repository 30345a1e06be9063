package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PlainJson} writes plain values with the very bytes an ObjectMapper writes for them. */
class PlainJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Object> plainValues() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("b", 1.5);
    nested.put("a", List.of(List.of(1L, 2L), List.of()));
    nested.put("empty", Map.of());
    nested.put("none", null);
    nested.put("flags", List.of(true, false));
    nested.put("text", "quote \" and \u00e9 and \n");
    nested.put("ints", new int[] {1, -2});
    nested.put("longs", new long[] {Long.MAX_VALUE});
    nested.put("doubles", new double[] {0.1, 1e-5, 1e300, Double.NaN, Double.NEGATIVE_INFINITY});
    nested.put("float", 0.1f);
    nested.put("int", 7);
    List<Object> withNull = new ArrayList<>(Arrays.asList(1.0, null, "x"));
    return Stream.of(nested, withNull, 0.6931471824645996, "text", List.of(), Map.of("k", Map.of("j", 2L)));
  }

  @ParameterizedTest
  @MethodSource("plainValues")
  void writesWhatTheMapperWritesDirectly(Object value) throws IOException {
    assertThat(PlainJson.isPlain(value)).isTrue();
    assertThat(plain(value)).isEqualTo(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
  }

  @ParameterizedTest
  @MethodSource("plainValues")
  void writesWhatTheMapperWritesThroughATree(Object value) throws IOException {
    assertThat(plain(value)).isEqualTo(MAPPER.writerWithDefaultPrettyPrinter()
        .writeValueAsString(MAPPER.valueToTree(value)));
  }

  @Test
  void valuesOfOtherTypesAreNotPlain() {
    assertThat(PlainJson.isPlain(List.of(new StringBuilder("x")))).isFalse();
    assertThat(PlainJson.isPlain(Map.of(1, "integer key"))).isFalse();
    assertThat(PlainJson.isPlain(new java.math.BigDecimal("1.5"))).isFalse();
  }

  private static String plain(Object value) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      PlainJson.write(g, value);
    }
    return text.toString();
  }
}

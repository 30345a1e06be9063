package dev.lamina.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request bodies in, response bodies out: strict JSON (no duplicate keys, no NaN, bounded nesting). */
final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build())
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Json() {}

  /** The body as a JSON tree, or a 400 that quotes the parser's complaint (line and column). */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw HttpError.badRequest("the request has no body; send a JSON object");
    }
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null || !n.isObject()) {
        throw HttpError.badRequest("the body must be a JSON object, got " + (n == null ? "nothing" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
      }
      return n;
    } catch (IOException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      int cut = m.indexOf("\n at [Source");
      String where = "";
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
        where = " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")";
      }
      throw HttpError.badRequest("malformed JSON" + where + ": " + (cut >= 0 ? m.substring(0, cut) : m).split("\n")[0]);
    }
  }

  /** Writes a body with {@code fill}. */
  static byte[] write(Body fill) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      fill.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code {"error": message}}, the protocol's error body. */
  static byte[] error(String message) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("error", message);
      g.writeEndObject();
    });
  }

  /** Writes one JSON document. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }
}

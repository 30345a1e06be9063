package dev.lamina.keras;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The JSON reader and writer for Keras configs: a tree reader only (no data binding, no default
 * typing, so no class is ever chosen from the text), with bounded nesting and string length, and
 * accepting the {@code NaN} / {@code Infinity} tokens Python's {@code json.dumps} writes.
 */
final class KerasJson {
  /** Deepest nesting a config may have; real configs stay below 12. */
  static final int MAX_DEPTH = 64;
  /** Longest config text accepted (characters). */
  static final int MAX_CONFIG_CHARS = 16 * 1024 * 1024;

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(SerializationFeature.INDENT_OUTPUT)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxStringLength(MAX_CONFIG_CHARS)
        .build());
  }

  private KerasJson() {}

  /** Parses {@code text} into a tree; {@code what} names it in the error. */
  static JsonNode parse(String text, String what) {
    if (text.length() > MAX_CONFIG_CHARS) {
      throw new KerasFormatException(what + " is " + text.length() + " characters long; a Keras config is at most "
          + MAX_CONFIG_CHARS);
    }
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n == null || !n.isObject()) {
        throw new KerasFormatException(what + " is not a JSON object, so it is not a Keras model config");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new KerasFormatException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new KerasFormatException(what + " could not be read: " + e.getMessage(), e);
    }
  }
}

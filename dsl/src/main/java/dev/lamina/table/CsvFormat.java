package dev.lamina.table;

import dev.lamina.spec.SpecException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a CSV file is written: the field delimiter, the decimal mark of its numbers and its text
 * encoding ({@code data: {delimiter: ';', decimal: ',', encoding: latin-1}}, as pandas's
 * {@code read_csv(sep=..., decimal=..., encoding=...)}). The default is RFC 4180's comma, a decimal
 * point and UTF-8; Excel in many European locales writes semicolons and decimal commas, in
 * Windows-1252.
 *
 * @param delimiter the field delimiter: {@code ,} {@code ;} tab or {@code |}
 * @param decimal the decimal mark of numbers: {@code .} or {@code ,} (then the delimiter is not a comma)
 * @param encoding the text encoding: {@code utf-8}, {@code latin-1} or {@code windows-1252}
 */
public record CsvFormat(char delimiter, char decimal, String encoding) {
  /** The delimiters a CSV may use. */
  public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
  /** The encodings a CSV may use, by the names a spec gives. */
  public static final Map<String, Charset> ENCODINGS = Map.of("utf-8", StandardCharsets.UTF_8,
      "latin-1", StandardCharsets.ISO_8859_1, "windows-1252", Charset.forName("windows-1252"));
  /** Comma, decimal point, UTF-8 (declared after the lists its constructor checks against). */
  public static final CsvFormat DEFAULT = new CsvFormat(',', '.', "utf-8");

  /** Validates. */
  public CsvFormat {
    if (!DELIMITERS.contains(delimiter)) {
      throw new SpecException("delimiter", "delimiter must be one of ',', ';', \"\\t\" (tab) or '|', got '"
          + delimiter + "'");
    }
    if (decimal != '.' && decimal != ',') {
      throw new SpecException("decimal", "decimal must be '.' or ',', got '" + decimal + "'");
    }
    if (decimal == ',' && delimiter == ',') {
      throw new SpecException("decimal", "with decimal: ',' the fields cannot also be separated by commas; files with "
          + "decimal commas use delimiter: ';'");
    }
    encoding = encoding == null ? "utf-8" : encoding.toLowerCase(Locale.ROOT);
    if (!ENCODINGS.containsKey(encoding)) {
      throw new SpecException("encoding", "encoding must be utf-8, latin-1 or windows-1252, got '" + encoding + "'");
    }
  }

  /** The format a spec's strings give (each null for its default). */
  public static CsvFormat of(String delimiter, String decimal, String encoding) {
    return new CsvFormat(single("delimiter", delimiter, ','), single("decimal", decimal, '.'), encoding);
  }

  private static char single(String key, String value, char otherwise) {
    if (value == null) {
      return otherwise;
    }
    if (value.length() != 1) {
      throw new SpecException(key, key + " must be a single character such as ';' (a tab is \"\\t\" in double quotes), "
          + "got '" + value + "'");
    }
    return value.charAt(0);
  }

  /** The charset of {@link #encoding}. */
  Charset charset() {
    return ENCODINGS.get(encoding);
  }

  /** The setting in a spec's words, e.g. {@code delimiter: ';', decimal: ','}, for messages. */
  static String setting(char delimiter, char decimal) {
    String d = delimiter == '\t' ? "\"\\t\"" : "'" + delimiter + "'";
    return "delimiter: " + d + (decimal == ',' ? ", decimal: ','" : "");
  }

  /** The non-default settings, as a model file stores them (empty for the default format). */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (delimiter != DEFAULT.delimiter) {
      m.put("delimiter", String.valueOf(delimiter));
    }
    if (decimal != DEFAULT.decimal) {
      m.put("decimal", String.valueOf(decimal));
    }
    if (!encoding.equals(DEFAULT.encoding)) {
      m.put("encoding", encoding);
    }
    return m;
  }

  static CsvFormat fromMap(Map<?, ?> m) {
    return m == null ? DEFAULT : of((String) m.get("delimiter"), (String) m.get("decimal"), (String) m.get("encoding"));
  }
}

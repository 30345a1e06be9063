package dev.lamina.persist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What a file given as a model is when it is not a Lamina model, told from its first bytes, so
 * that the message says what the user gave (a CSV, a Keras file, a spec) instead of "corrupt".
 * A Lamina model is a JSON document: its first non-blank byte is {@code '{'}.
 */
final class ModelFileKind {
  /** Bytes read to tell the kinds apart. */
  static final int HEAD_BYTES = 256;
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final int SHOWN_CHARS = 40;

  private ModelFileKind() {}

  /**
   * What {@code file} is, as the end of the sentence "model file X is not a Lamina model: ...", or
   * null when its first bytes may start a Lamina model.
   */
  static String otherKind(Path file, byte[] head) {
    if (head.length == 0) {
      return "the file is empty";
    }
    if (startsWith(head, ZIP) || startsWith(head, HDF5)) {
      return "it is " + (startsWith(head, ZIP) ? "a zip archive, such as a Keras .keras file" : "an HDF5 file, such as a "
          + "Keras .h5 file") + "; import it first (java -jar builder.jar import " + file + " --out DIR), then predict "
          + "with DIR";
    }
    int first = 0;
    while (first < head.length && Character.isWhitespace(head[first])) {
      first++;
    }
    if (first < head.length && head[first] == '{') {
      return null;
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return "it looks like a spec; train it first (java -jar builder.jar " + file + ") and predict with its run folder";
    }
    String text = new String(head, StandardCharsets.UTF_8);
    String line = text.lines().findFirst().orElse("");
    boolean table = line.indexOf(',') >= 0 || line.indexOf(';') >= 0 || line.indexOf('\t') >= 0;
    if (table && line.chars().noneMatch(c -> c == 0 || c == 0xFFFD)) {
      String shown = line.length() > SHOWN_CHARS ? line.substring(0, SHOWN_CHARS) + "..." : line;
      return "it looks like a CSV file (its first line is '" + shown + "'); predict takes the model first and the CSV "
          + "second: java -jar builder.jar predict MODEL CSV";
    }
    return "a Lamina model is a JSON document starting with '{', and this file does not start like one";
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}

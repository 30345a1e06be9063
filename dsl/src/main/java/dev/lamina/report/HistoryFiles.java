package dev.lamina.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training history ({@code History.history} in Keras: metric name to one value per epoch) as
 * {@code history.csv} and {@code history.json}.
 *
 * <p><b>CSV</b> follows Keras's {@code CSVLogger(filename, separator=",", append=False)}
 * (K3 {@code keras/src/callbacks/csv_logger.py}) byte for byte:
 * <ul>
 *   <li>header {@code epoch} then the keys <em>sorted alphabetically</em>
 *       ({@code epoch,accuracy,loss,val_accuracy,val_loss});</li>
 *   <li>when no key starts with {@code val_}, Keras appends a {@code val_<key>} column for every
 *       key, filled with {@code NA} (meant for {@code validation_freq > 1}); so does this;</li>
 *   <li>one row per epoch, epoch numbered from 0; a value missing for an epoch (a shorter list or
 *       a null entry) is {@code NA};</li>
 *   <li>values as Python's {@code repr}: shortest round-trip digits ({@code 0.6931471824645996},
 *       {@code 1e-05}), {@code nan} and {@code inf} for non-finite values;</li>
 *   <li>lines end in {@code \r\n} (Python's {@code csv.excel} dialect); a field holding the
 *       separator, a quote or a line break is quoted, quotes doubled.</li>
 * </ul>
 *
 * <p><b>JSON</b> is {@code {"loss": [0.69, 0.52], ...}} with keys in the map's order and NaN or
 * infinities written as {@code null} (JSON has no NaN).
 */
public final class HistoryFiles {
  /** Name of the first CSV column, the 0-based epoch index. */
  public static final String EPOCH = "epoch";
  /** Prefix Keras gives to metrics computed on the validation data. */
  public static final String VALIDATION_PREFIX = "val_";
  /** What Keras's CSVLogger writes for a value it does not have. */
  public static final String MISSING = "NA";

  private static final char SEPARATOR = ',';
  private static final String LINE_END = "\r\n";

  private HistoryFiles() {}

  /** The columns after {@code epoch}, in CSVLogger's order. */
  public static List<String> csvColumns(Map<String, ? extends List<Double>> history) {
    List<String> keys = new ArrayList<>(history.keySet());
    keys.sort(null);
    if (keys.stream().noneMatch(k -> k.startsWith(VALIDATION_PREFIX))) {
      keys.addAll(keys.stream().map(k -> VALIDATION_PREFIX + k).toList());
    }
    return keys;
  }

  /** The text {@link #writeCsv} writes. */
  public static String toCsv(Map<String, ? extends List<Double>> history) {
    List<String> columns = csvColumns(history);
    StringBuilder out = new StringBuilder();
    out.append(EPOCH);
    for (String column : columns) {
      out.append(SEPARATOR).append(quote(column));
    }
    out.append(LINE_END);
    int epochs = epochs(history);
    for (int epoch = 0; epoch < epochs; epoch++) {
      out.append(epoch);
      for (String column : columns) {
        out.append(SEPARATOR).append(value(history.get(column), epoch));
      }
      out.append(LINE_END);
    }
    return out.toString();
  }

  /** The number of epochs: the length of the longest list (0 for an empty history). */
  public static int epochs(Map<String, ? extends List<Double>> history) {
    return history.values().stream().mapToInt(List::size).max().orElse(0);
  }

  private static String value(List<Double> values, int epoch) {
    if (values == null || epoch >= values.size() || values.get(epoch) == null) {
      return MISSING;
    }
    return PythonFloat.repr(values.get(epoch));
  }

  /** Minimal quoting, as Python's csv module: only when the field needs it. */
  static String quote(String field) {
    boolean needs = field.indexOf(SEPARATOR) >= 0 || field.indexOf('"') >= 0
        || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }

  /**
   * Writes {@code history} as CSVLogger's {@code history.csv}, atomically.
   *
   * @throws java.io.UncheckedIOException if the file cannot be written; the previous one survives
   */
  public static void writeCsv(Path file, Map<String, ? extends List<Double>> history) {
    AtomicFile.writeString(file, toCsv(history));
  }

  /** The text {@link #writeJson} writes. */
  public static String toJson(Map<String, ? extends List<Double>> history) {
    return JsonText.pretty(history);
  }

  /**
   * Writes {@code history} as {@code history.json}, atomically.
   *
   * @throws java.io.UncheckedIOException if the file cannot be written; the previous one survives
   */
  public static void writeJson(Path file, Map<String, ? extends List<Double>> history) {
    AtomicFile.writeString(file, toJson(history));
  }
}

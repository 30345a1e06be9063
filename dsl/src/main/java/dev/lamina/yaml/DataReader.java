package dev.lamina.yaml;

import dev.lamina.spec.SpecException;
import dev.lamina.table.CsvFormat;
import dev.lamina.table.DataSpec;
import dev.lamina.table.UnknownCategories;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the {@code data:} section into a {@link DataSpec}: {@code csv}, {@code test_csv},
 * {@code target} (one column, or a list of several), {@code drop}, {@code features}, {@code one_hot}, {@code drop_first},
 * {@code label_encode}, {@code scale}, {@code test_split}, {@code stratify},
 * {@code fill_missing}, {@code sample_weight}, {@code delimiter}, {@code decimal}, {@code encoding},
 * {@code positive_class}, {@code handle_unknown}. Column names are taken exactly as written (never put in snake_case).
 */
final class DataReader {

  private final NodeReader reader;

  DataReader(NodeReader reader) {
    this.reader = reader;
  }

  /** The data section at {@code path}, or null when absent. */
  DataSpec read(Node node, String path) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    MapReader m = new MapReader(reader, node, path, "in data", "key", true);
    Node csv = m.take("csv");
    Node testCsv = m.take("test_csv");
    Node target = m.take("target");
    Node drop = m.take("drop");
    Node features = m.take("features");
    Node oneHot = m.take("one_hot");
    Node dropFirst = m.take("drop_first");
    Node labelEncode = m.take("label_encode");
    Node scale = m.take("scale");
    Node testSplit = m.take("test_split");
    Node stratify = m.take("stratify");
    Node fillMissing = m.take("fill_missing");
    Node sampleWeight = m.take("sample_weight");
    Node delimiter = m.take("delimiter");
    Node decimal = m.take("decimal");
    Node encoding = m.take("encoding");
    Node positiveClass = m.take("positive_class");
    Node handleUnknown = m.take("handle_unknown");
    m.finish();
    Boolean first = reader.bool(dropFirst, NodeReader.join(path, "drop_first"));
    Double split = reader.decimal(testSplit, NodeReader.join(path, "test_split"));
    Boolean strat = reader.bool(stratify, NodeReader.join(path, "stratify"));
    try {
      return new DataSpec(
          reader.text(csv, NodeReader.join(path, "csv")),
          reader.text(testCsv, NodeReader.join(path, "test_csv")),
          reader.texts(target, NodeReader.join(path, "target")),
          reader.texts(drop, NodeReader.join(path, "drop")),
          reader.texts(features, NodeReader.join(path, "features")),
          reader.texts(oneHot, NodeReader.join(path, "one_hot")),
          first == null ? DataSpec.DEFAULT_DROP_FIRST : first,
          reader.texts(labelEncode, NodeReader.join(path, "label_encode")),
          reader.text(scale, NodeReader.join(path, "scale")),
          // With test_csv the test rows come from that file: no rows are held out unless asked.
          split == null ? (NodeReader.isNull(testCsv) ? DataSpec.DEFAULT_TEST_SPLIT : 0) : split,
          strat == null ? DataSpec.DEFAULT_STRATIFY : strat,
          fills(fillMissing, NodeReader.join(path, "fill_missing")),
          reader.text(sampleWeight, NodeReader.join(path, "sample_weight")),
          CsvFormat.of(reader.text(delimiter, NodeReader.join(path, "delimiter")),
              reader.text(decimal, NodeReader.join(path, "decimal")),
              reader.text(encoding, NodeReader.join(path, "encoding"))),
          reader.text(positiveClass, NodeReader.join(path, "positive_class")),
          unknown(handleUnknown, NodeReader.join(path, "handle_unknown")));
    } catch (SpecException e) {
      throw reader.wrap(e, path);
    }
  }

  /** {@code handle_unknown: ignore} (every one-hot column) or {@code {Geography: ignore}} (per column). */
  private UnknownCategories unknown(Node node, String path) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    try {
      if (node instanceof ScalarNode s) {
        return new UnknownCategories(UnknownCategories.policy(s.getValue(), path), Map.of());
      }
      MapReader m = new MapReader(reader, node, path, "in handle_unknown", "column", false);
      Map<String, UnknownCategories.Policy> columns = new LinkedHashMap<>();
      for (String column : m.keys()) {
        String p = NodeReader.join(path, column);
        columns.put(column, UnknownCategories.policy(reader.text(m.take(column), p), p));
      }
      return UnknownCategories.perColumn(columns);
    } catch (SpecException e) {
      throw reader.wrap(e, "");
    }
  }

  /** {@code fill_missing: {Age: median, Balance: 0}}: per column a number or a statistic's name. */
  private Map<String, Object> fills(Node node, String path) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    MapReader m = new MapReader(reader, node, path, "in fill_missing", "column", false);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String column : m.keys()) {
      Node value = m.take(column);
      String p = NodeReader.join(path, column);
      Object v = value instanceof ScalarNode s ? reader.scalar(s, p) : null;
      if (!(v instanceof Number || v instanceof String)) {
        throw reader.error(value, p, "expected a number or mean, median or mode, got " + NodeReader.describe(value));
      }
      out.put(column, v);
    }
    return out;
  }
}

package dev.lamina.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.lamina.table.FittedPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fitted data pipeline as ONNX nodes, one converter per step, from raw columns to the scaled
 * features the network reads:
 * <ul>
 *   <li>a numeric column is a {@code double [N, 1]} input; with a fill rule, a missing value (NaN)
 *       becomes the fitted fill ({@code IsNaN} + {@code Where});</li>
 *   <li>a categorical column is a {@code string [N, 1]} input; {@code ai.onnx.ml.LabelEncoder}
 *       maps each level to its index (and the missing spellings {@code "", NA, NaN, null} to the
 *       fill level's, when there is a fill rule); one-hot columns then compare the index with each
 *       kept level ({@code Equal} + {@code Cast}), label-encoded ones cast it to double. A level
 *       never seen in training maps to -1: all zeros after one-hot, exactly what Lamina does for a
 *       column with {@code handle_unknown: ignore}. Under {@code handle_unknown: error} (the
 *       default) Lamina refuses such a row, but an ONNX graph cannot raise, so the export scores it
 *       as all zeros too: check the categories before scoring, or train with {@code ignore} so that
 *       both agree. (A label-encoded column passes the -1 on.)</li>
 *   <li>the features are concatenated in pipeline order and scaled: {@code (x - offset) / factor}
 *       ({@code Sub}, {@code Div}), the same double operations as Lamina's scaler.</li>
 * </ul>
 */
final class PipelineGraph {
  /** The missing-value spellings a categorical input maps to its fill level (Lamina ignores letter case). */
  static final List<String> MISSING = List.of("", "NA", "na", "Na", "NaN", "nan", "NAN", "null", "NULL", "Null");

  private PipelineGraph() {}

  /** Adds one input per raw column and the nodes that make the scaled features; returns their value. */
  @SuppressWarnings("unchecked")
  static String add(Graph g, FittedPipeline pipeline) {
    Map<String, Object> map = pipeline.toMap();
    List<String> pieces = new ArrayList<>();
    for (Object o : (List<Object>) map.get("columns")) {
      Map<String, Object> c = (Map<String, Object>) o;
      String name = (String) c.get("name");
      String kind = (String) c.get("kind");
      if (kind.equals("numeric")) {
        g.input(name, TensorProto.DataType.DOUBLE, 1);
        Object fill = c.get("fill");
        pieces.add(fill == null ? name : g.op("Where", g.op("IsNaN", name),
            g.constant("fill_" + name, new double[] {((Number) fill).doubleValue()}, 1), name));
      } else {
        g.input(name, TensorProto.DataType.STRING, 1);
        List<String> levels = (List<String>) c.get("levels");
        String index = levelIndex(g, name, levels, (String) c.get("fill"));
        if (kind.equals("one_hot")) {
          int first = Boolean.TRUE.equals(c.get("drop_first")) ? 1 : 0;
          long[] kept = new long[levels.size() - first];
          for (int j = 0; j < kept.length; j++) {
            kept[j] = j + first;
          }
          String hot = g.op("Equal", index, g.constantLongs("levels_" + name, kept, 1, kept.length));
          pieces.add(g.op("Cast", List.of(Graph.intAttr("to", TensorProto.DataType.DOUBLE.getNumber())), hot));
        } else {
          pieces.add(g.op("Cast", List.of(Graph.intAttr("to", TensorProto.DataType.DOUBLE.getNumber())), index));
        }
      }
    }
    String x = pieces.size() == 1 ? pieces.get(0)
        : g.op("Concat", List.of(Graph.intAttr("axis", 1)), pieces.toArray(String[]::new));
    if (pipeline.scale().equals("none")) {
      return x;
    }
    int f = pipeline.featureCount();
    String shifted = g.op("Sub", x, g.constant("scale_offset", pipeline.scaleOffsets(), f));
    return g.op("Div", shifted, g.constant("scale_factor", pipeline.scaleFactors(), f));
  }

  /** The level index of a string input: {@code int64 [N, 1]}, -1 for a level never seen. */
  private static String levelIndex(Graph g, String input, List<String> levels, String fill) {
    List<String> keys = new ArrayList<>(levels);
    List<Long> values = new ArrayList<>();
    for (int j = 0; j < levels.size(); j++) {
      values.add((long) j);
    }
    if (fill != null) {
      for (String m : MISSING) {
        if (!levels.contains(m)) {
          keys.add(m);
          values.add((long) levels.indexOf(fill));
        }
      }
    }
    long[] v = values.stream().mapToLong(Long::longValue).toArray();
    List<AttributeProto> attributes = List.of(Graph.stringsAttr("keys_strings", keys), Graph.intsAttr("values_int64s", v),
        Graph.intAttr("default_int64", -1));
    return g.node(Graph.ML, "LabelEncoder", attributes, input);
  }
}

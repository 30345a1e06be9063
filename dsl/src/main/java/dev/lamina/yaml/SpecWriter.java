package dev.lamina.yaml;

import dev.lamina.layertype.LayerTypes;
import dev.lamina.runspec.PredictSpec;
import dev.lamina.runspec.RunSpec;
import dev.lamina.runspec.ThresholdStrategy;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.table.CsvFormat;
import dev.lamina.table.DataSpec;
import dev.lamina.table.UnknownCategories;
import dev.lamina.task.Thresholds;
import dev.lamina.train.ClassWeight;
import dev.lamina.train.CrossValidation;
import dev.lamina.train.Fit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link RunSpec} or a {@link ModelSpec} as the canonical {@code model.yaml}: the
 * sections in the order {@code name, seed, data, layers, compile, fit, predict}, one flow-style
 * line per layer, Keras's snake_case names, and only values that differ from their defaults
 * (except {@code scale}, {@code test_split}, {@code optimizer} and {@code epochs}, which are always
 * written because a reader of the file wants to see them).
 *
 * <p>Round trip: {@code SpecReader.read(SpecWriter.write(spec), ...).spec().equals(spec)} for
 * every layer, component and option, provided component arguments are Integer, Long, Double,
 * Boolean, String, null, lists of those or nested components, with snake_case keys (a Long small
 * enough for an int reads back as an Integer, a Float as a Double).
 */
public final class SpecWriter {
  private static final String INDENT = "  ";

  private SpecWriter() {}

  /** The whole run as YAML. */
  public static String write(RunSpec spec) {
    StringBuilder out = new StringBuilder();
    header(out, spec.model());
    if (spec.data() != null) {
      data(out, spec.data());
    }
    body(out, spec.model());
    fit(out, spec.fit());
    if (!spec.predict().equals(PredictSpec.DEFAULT)) {
      out.append("predict:\n");
      ThresholdStrategy s = spec.predict().strategy();
      line(out, "threshold", switch (s.kind()) {
        case FIXED -> thresholds(spec.predict().thresholds());
        case BEST_F1 -> ThresholdStrategy.BEST_F1_NAME;
        case RECALL -> "{" + ThresholdStrategy.RECALL_NAME + ": " + YamlText.number(s.targetRecall()) + "}";
      });
    }
    return out.toString();
  }

  /** {@code 0.4}, or {@code {Weight: 0.4, Waist: 0.6}}: fixed thresholds as the reader reads them. */
  private static String thresholds(Thresholds t) {
    if (t.single()) {
      return YamlText.number(t.fallback());
    }
    List<String> parts = new ArrayList<>();
    t.named().forEach((label, v) -> parts.add(YamlText.text(label) + ": " + YamlText.number(v)));
    return "{" + String.join(", ", parts) + "}";
  }

  /** A model alone (no data, fit or predict sections) as YAML. */
  public static String write(ModelSpec model) {
    StringBuilder out = new StringBuilder();
    header(out, model);
    body(out, model);
    return out.toString();
  }

  /**
   * One layer as the flow text that follows {@code - }: {@code dense: {units: 6}} or {@code elu}.
   * The arguments come from the layer's descriptor, and only those that differ from the defaults
   * its reader declares are written.
   */
  public static String layer(LayerSpec layer) {
    List<String> args = new ArrayList<>();
    LayerTypes.nonDefaultArguments(layer).forEach((k, v) ->
        arg(args, k, v instanceof ComponentSpec c ? YamlText.component(c) : YamlText.argument(v)));
    if (layer.name() != null) {
      arg(args, "name", YamlText.text(layer.name()));
    }
    return args.isEmpty() ? layer.type() : layer.type() + ": {" + String.join(", ", args) + "}";
  }

  private static void header(StringBuilder out, ModelSpec model) {
    line(out, "name", YamlText.text(model.name()), "");
    if (model.seed() != null) {
      line(out, "seed", String.valueOf(model.seed()), "");
    }
    if (model.dtype() != DType.DEFAULT) {
      line(out, "dtype", model.dtype().kerasName(), "");
    }
  }

  private static void body(StringBuilder out, ModelSpec model) {
    out.append("layers:\n");
    for (LayerSpec l : model.layers()) {
      out.append(INDENT).append("- ").append(layer(l)).append('\n');
    }
    CompileSpec c = model.compile();
    if (c != null) {
      out.append("compile:\n");
      line(out, "optimizer", YamlText.component(c.optimizer()));
      line(out, "loss", YamlText.component(c.loss()));
      components(out, "metrics", c.metrics());
      components(out, "weighted_metrics", c.weightedMetrics());
    }
  }

  private static void data(StringBuilder out, DataSpec d) {
    out.append("data:\n");
    optional(out, "csv", d.csv());
    optional(out, "test_csv", d.testCsv());
    if (d.targets().size() == 1) {
      line(out, "target", YamlText.text(d.firstTarget()));
    } else {
      texts(out, "target", d.targets());
    }
    texts(out, "drop", d.drop());
    texts(out, "features", d.features());
    texts(out, "one_hot", d.oneHot());
    if (d.dropFirst() != DataSpec.DEFAULT_DROP_FIRST) {
      line(out, "drop_first", String.valueOf(d.dropFirst()));
    }
    texts(out, "label_encode", d.labelEncode());
    line(out, "scale", YamlText.text(d.scale()));
    line(out, "test_split", YamlText.number(d.testSplit()));
    if (d.stratify() != DataSpec.DEFAULT_STRATIFY) {
      line(out, "stratify", String.valueOf(d.stratify()));
    }
    if (!d.fillMissing().isEmpty()) {
      // DataSpec keeps fill_missing in an unordered map: sort so the output is stable.
      line(out, "fill_missing", YamlText.arguments(new TreeMap<>(d.fillMissing())));
    }
    optional(out, "sample_weight", d.sampleWeight());
    CsvFormat format = d.format();
    if (format.delimiter() != CsvFormat.DEFAULT.delimiter()) {
      line(out, "delimiter", YamlText.text(String.valueOf(format.delimiter())));
    }
    if (format.decimal() != CsvFormat.DEFAULT.decimal()) {
      line(out, "decimal", YamlText.text(String.valueOf(format.decimal())));
    }
    if (!format.encoding().equals(CsvFormat.DEFAULT.encoding())) {
      line(out, "encoding", YamlText.text(format.encoding()));
    }
    optional(out, "positive_class", d.positiveClass());
    UnknownCategories unknown = d.handleUnknown();
    if (unknown.columns().isEmpty() && unknown.all() != UnknownCategories.Policy.ERROR) {
      line(out, "handle_unknown", unknown.all().yamlName());
    } else if (!unknown.isDefault()) {
      Map<String, Object> columns = new java.util.LinkedHashMap<>();
      unknown.columns().forEach((c, p) -> columns.put(c, p.yamlName()));
      line(out, "handle_unknown", YamlText.arguments(columns));
    }
  }

  private static void fit(StringBuilder out, Fit f) {
    Fit def = RunSpec.DEFAULT_FIT;
    out.append("fit:\n");
    line(out, "epochs", String.valueOf(f.epochs()));
    if (f.batchSize() != def.batchSize()) {
      line(out, "batch_size", String.valueOf(f.batchSize()));
    }
    if (Double.compare(f.validationSplit(), def.validationSplit()) != 0) {
      line(out, "validation_split", YamlText.number(f.validationSplit()));
    }
    if (f.shuffle() != def.shuffle()) {
      line(out, "shuffle", String.valueOf(f.shuffle()));
    }
    components(out, "callbacks", f.callbacks());
    if (f.classWeight() != null) {
      ClassWeight cw = f.classWeight();
      if (cw.balanced()) {
        line(out, "class_weight", ClassWeight.BALANCED_NAME);
      } else {
        List<String> entries = new ArrayList<>();
        cw.weights().forEach((k, v) -> entries.add((k.matches("-?\\d+(\\.\\d+)?") ? k : YamlText.text(k)) + ": " + YamlText.number(v)));
        line(out, "class_weight", "{" + String.join(", ", entries) + "}");
      }
    }
    CrossValidation cv = f.crossValidation();
    if (cv != null) {
      line(out, "cross_validation", "{folds: " + cv.folds() + ", stratified: " + cv.stratified() + ", repeats: "
          + cv.repeats() + ", refit: " + cv.refit() + "}");
    }
  }

  /** {@code [a, b]} when every component is a bare name, else one {@code - } line each. */
  private static void components(StringBuilder out, String key, List<ComponentSpec> list) {
    if (list.isEmpty()) {
      return;
    }
    if (list.stream().allMatch(c -> c.args().isEmpty())) {
      List<String> names = new ArrayList<>();
      list.forEach(c -> names.add(YamlText.text(c.name())));
      line(out, key, "[" + String.join(", ", names) + "]");
      return;
    }
    out.append(INDENT).append(key).append(":\n");
    for (ComponentSpec c : list) {
      String flow = YamlText.component(c);
      // "- {adam: {...}}" and "- adam: {...}" read the same; the second is easier on the eye.
      String item = c.args().isEmpty() ? flow : YamlText.text(c.name()) + ": " + YamlText.arguments(c.args());
      out.append(INDENT).append(INDENT).append("- ").append(item).append('\n');
    }
  }

  private static void texts(StringBuilder out, String key, List<String> values) {
    if (!values.isEmpty()) {
      List<String> quoted = new ArrayList<>();
      values.forEach(v -> quoted.add(YamlText.text(v)));
      line(out, key, "[" + String.join(", ", quoted) + "]");
    }
  }

  private static void optional(StringBuilder out, String key, String value) {
    if (value != null) {
      line(out, key, YamlText.text(value));
    }
  }

  private static void arg(List<String> args, String key, String value) {
    args.add(key + ": " + value);
  }

  private static void line(StringBuilder out, String key, String value) {
    line(out, key, value, INDENT);
  }

  private static void line(StringBuilder out, String key, String value, String indent) {
    out.append(indent).append(key).append(": ").append(value).append('\n');
  }
}

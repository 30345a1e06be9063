package dev.lamina.yaml;

import dev.lamina.runspec.PredictSpec;
import dev.lamina.runspec.RunSpec;
import dev.lamina.runspec.ThresholdStrategy;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataSpec;
import dev.lamina.train.ClassWeight;
import dev.lamina.train.CrossValidation;
import dev.lamina.train.Fit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a whole document: the top-level sections {@code name}, {@code seed}, {@code data},
 * {@code layers}, {@code compile}, {@code fit}, {@code predict}, and {@code sweep} and {@code tune} (kept raw).
 *
 * <p>Every key of a map is checked before any value is, so a misspelt {@code layrs} is reported
 * as "did you mean layers" rather than as "layers is missing".
 */
final class RunReader {

  private final NodeReader reader;
  private final ComponentReader components;

  RunReader(NodeReader reader) {
    this.reader = reader;
    this.components = new ComponentReader(reader);
  }

  /**
   * Whether the text of a document that is not a map is a table: at least two lines, all
   * with the same number (at least one) of commas, semicolons or tabs.
   */
  static boolean looksLikeCsv(String text) {
    java.util.List<String> lines = text.lines().filter(l -> !l.isBlank()).limit(20).toList();
    if (lines.size() < 2) {
      return false;
    }
    for (char sep : new char[] {',', ';', '\t'}) {
      long n = lines.get(0).chars().filter(c -> c == sep).count();
      if (n > 0 && lines.stream().allMatch(l -> l.chars().filter(c -> c == sep).count() == n)) {
        return true;
      }
    }
    return false;
  }

  /** The spec under {@code root}, read from {@code file} (may be null). */
  ParsedSpec read(Node root, Path file) {
    if (!(root instanceof MappingNode)) {
      throw reader.error(root, "", "a spec is a map of sections (name, seed, dtype, data, layers, compile, fit, predict, sweep, tune),"
          + " got " + NodeReader.describe(root));
    }
    reader.register("", root);
    MapReader top = new MapReader(reader, root, "", "at the top level", "key", true);
    Node name = top.take("name");
    Node seed = top.take("seed");
    Node dtype = top.take("dtype");
    Node data = top.take("data");
    Node layers = top.take("layers");
    Node compile = top.take("compile");
    Node fit = top.take("fit");
    Node predict = top.take("predict");
    Node sweep = top.take("sweep");
    Node tune = top.take("tune");
    top.finish();
    if (NodeReader.isNull(layers)) {
      throw reader.error(layers == null ? SourceMark.of(root.getStartMark()) : top.keyMark("layers"), "",
          "missing required section 'layers': list the model's layers, e.g. layers: [{dense: {units: 1, activation: sigmoid}}]");
    }
    if (NodeReader.isNull(compile) && (!NodeReader.isNull(data) || !NodeReader.isNull(fit))) {
      throw reader.error(SourceMark.of(root.getStartMark()), "", "missing required section 'compile': training needs a"
          + " loss, e.g. compile: {optimizer: adam, loss: binary_crossentropy, metrics: [accuracy]}");
    }
    String modelName = reader.text(name, "name");
    Long modelSeed = reader.longNumber(seed, "seed");
    DataSpec dataSpec = new DataReader(reader).read(data, "data");
    List<LayerSpec> layerSpecs = new LayerReader(reader, components).readAll(layers, "layers");
    CompileSpec compileSpec = compile(compile, "compile");
    Fit fitSpec = fit(fit, "fit");
    PredictSpec predictSpec = predict(predict, "predict", dataSpec);
    Map<String, Object> sweepMap = NodeReader.isNull(sweep) ? Map.of() : raw(sweep, "sweep");
    Map<String, Object> tuneMap = NodeReader.isNull(tune) ? Map.of() : raw(tune, "tune");
    ModelSpec model;
    try {
      model = new ModelSpec(modelName, modelSeed, layerSpecs, compileSpec, dtype(dtype));
    } catch (SpecException e) {
      throw reader.wrap(e, "");
    }
    return new ParsedSpec(new RunSpec(model, dataSpec, fitSpec, predictSpec), reader.marks(), file, sweepMap, tuneMap);
  }

  private DType dtype(Node node) {
    String name = reader.text(node, "dtype");
    if (name == null) {
      return DType.DEFAULT;
    }
    try {
      return DType.of(name, "dtype");
    } catch (SpecException e) {
      throw reader.wrap(e, "");
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> raw(Node node, String section) {
    if (!(node instanceof MappingNode)) {
      throw reader.error(node, section, "expected a map, got " + NodeReader.describe(node));
    }
    return (Map<String, Object>) reader.plain(node, section);
  }

  private CompileSpec compile(Node node, String path) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    MapReader m = new MapReader(reader, node, path, "in compile", "key", true);
    Node optimizer = m.take("optimizer");
    Node loss = m.take("loss");
    Node metrics = m.take("metrics");
    Node weightedMetrics = m.take("weighted_metrics");
    m.finish();
    try {
      return new CompileSpec(components.read(optimizer, NodeReader.join(path, "optimizer")),
          components.read(loss, NodeReader.join(path, "loss")),
          components.readList(metrics, NodeReader.join(path, "metrics")),
          components.readList(weightedMetrics, NodeReader.join(path, "weighted_metrics")));
    } catch (SpecException e) {
      throw reader.wrap(e, path);
    }
  }

  private Fit fit(Node node, String path) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    MapReader m = new MapReader(reader, node, path, "in fit", "key", true);
    Node epochs = m.take("epochs");
    Node batchSize = m.take("batch_size");
    Node validationSplit = m.take("validation_split");
    Node shuffle = m.take("shuffle");
    Node callbacks = m.take("callbacks");
    Node classWeight = m.take("class_weight");
    Node crossValidation = m.take("cross_validation");
    m.finish();
    Integer e = reader.wholeNumber(epochs, NodeReader.join(path, "epochs"));
    Integer b = reader.wholeNumber(batchSize, NodeReader.join(path, "batch_size"));
    Double v = reader.decimal(validationSplit, NodeReader.join(path, "validation_split"));
    Boolean s = reader.bool(shuffle, NodeReader.join(path, "shuffle"));
    try {
      return new Fit(e == null ? RunSpec.DEFAULT_FIT.epochs() : e,
          b == null ? RunSpec.DEFAULT_FIT.batchSize() : b,
          v == null ? RunSpec.DEFAULT_FIT.validationSplit() : v,
          s == null ? RunSpec.DEFAULT_FIT.shuffle() : s,
          components.readList(callbacks, NodeReader.join(path, "callbacks")),
          classWeight(classWeight, NodeReader.join(path, "class_weight")),
          crossValidation(crossValidation, NodeReader.join(path, "cross_validation")));
    } catch (SpecException ex) {
      throw reader.wrap(ex, path);
    }
  }

  /** {@code cross_validation: {folds: 5, stratified: true, repeats: 1, refit: true}}, each key optional. */
  private CrossValidation crossValidation(Node node, String path) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    MapReader m = new MapReader(reader, node, path, "in cross_validation", "key", true);
    Node folds = m.take("folds");
    Node stratified = m.take("stratified");
    Node repeats = m.take("repeats");
    Node refit = m.take("refit");
    m.finish();
    Integer k = reader.wholeNumber(folds, NodeReader.join(path, "folds"));
    Boolean s = reader.bool(stratified, NodeReader.join(path, "stratified"));
    Integer r = reader.wholeNumber(repeats, NodeReader.join(path, "repeats"));
    Boolean f = reader.bool(refit, NodeReader.join(path, "refit"));
    CrossValidation def = CrossValidation.of(CrossValidation.DEFAULT_FOLDS);
    try {
      return new CrossValidation(k == null ? def.folds() : k, s == null ? def.stratified() : s,
          r == null ? def.repeats() : r, f == null ? def.refit() : f);
    } catch (SpecException e) {
      throw reader.wrap(e, "fit");
    }
  }

  /**
   * {@code class_weight: balanced}, or a weight per class named as the target column holds it:
   * {@code {0: 1.0, 1: 3.9}}, {@code {setosa: 1.0, virginica: 2.0}} (checked against the target's
   * classes once the data is read).
   */
  private ClassWeight classWeight(Node node, String path) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      if (!ClassWeight.BALANCED_NAME.equals(Names.canonical(s.getValue()))) {
        throw reader.error(s, path, "expected balanced or a map of class to weight such as {0: 1.0, 1: 3.9} or "
            + "{setosa: 1.0, virginica: 2.0}, got " + NodeReader.describe(s) + "."
            + Names.didYouMean(s.getValue(), List.of(ClassWeight.BALANCED_NAME)));
      }
      return ClassWeight.BALANCED;
    }
    MapReader m = new MapReader(reader, node, path, "in class_weight", "class", false);
    Map<String, Double> weights = new java.util.LinkedHashMap<>();
    for (String key : m.keys()) {
      weights.put(key.strip(), number(m, key, path, "give class " + key + " a weight, e.g. " + key + ": 2.0"));
    }
    try {
      return ClassWeight.named(weights);
    } catch (SpecException e) {
      throw reader.wrap(e, "fit");
    }
  }

  private PredictSpec predict(Node node, String path, DataSpec data) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    MapReader m = new MapReader(reader, node, path, "in predict", "key", true);
    Node threshold = m.take("threshold");
    m.finish();
    String tp = NodeReader.join(path, "threshold");
    try {
      if (threshold instanceof ScalarNode s && !NodeReader.isNull(s) && Tag.STR.equals(s.getTag())) {
        if (!ThresholdStrategy.BEST_F1_NAME.equals(Names.canonical(s.getValue()))) {
          throw reader.error(s, tp, "expected a number in (0, 1), best_f1 or {recall: 0.7}, got " + NodeReader.describe(s)
              + "." + Names.didYouMean(s.getValue(), List.of(ThresholdStrategy.BEST_F1_NAME)));
        }
        return PredictSpec.chosen(ThresholdStrategy.BEST_F1);
      }
      if (threshold instanceof MappingNode) {
        MapReader r = new MapReader(reader, threshold, tp, "in threshold", "label", false);
        // {recall: 0.7} is the chosen threshold, unless recall is one of several labels.
        boolean recallLabel = data != null && data.targets().size() > 1
            && data.targets().contains(ThresholdStrategy.RECALL_NAME);
        if (r.keys().equals(List.of(ThresholdStrategy.RECALL_NAME)) && !recallLabel) {
          Node recall = r.take(ThresholdStrategy.RECALL_NAME);
          Double target = reader.decimal(recall, NodeReader.join(tp, ThresholdStrategy.RECALL_NAME));
          if (target == null) {
            throw reader.error(threshold, tp, "a chosen threshold is {recall: 0.7}: give the recall to reach");
          }
          return PredictSpec.chosen(ThresholdStrategy.recall(target));
        }
        return PredictSpec.perLabel(perLabel(r, tp, data == null ? null : data.targets()));
      }
      Double t = reader.decimal(threshold, tp);
      return new PredictSpec(t == null ? PredictSpec.DEFAULT_THRESHOLD : t);
    } catch (SpecException e) {
      throw reader.wrap(e, path);
    }
  }

  /**
   * {@code threshold: {Weight: 0.4, Waist: 0.6}}: a multi-label model's threshold per label, by
   * target name (checked against the targets once the task is known).
   */
  private Map<String, Double> perLabel(MapReader m, String path, List<String> targets) {
    Map<String, Double> byLabel = new java.util.LinkedHashMap<>();
    for (String key : m.keys()) {
      if (targets != null && targets.size() == 1) {
        throw reader.error(m.keyMark(key), path, "a threshold per label is for a multi-label model (several 0/1 targets"
            + " under binary_crossentropy), but data.target names one column, " + targets.get(0) + ". Give one number,"
            + " e.g. threshold: 0.5, or choose it on the validation rows: threshold: best_f1 or {recall: 0.7}."
            + Names.didYouMean(key, List.of(ThresholdStrategy.RECALL_NAME)));
      }
      if (targets != null && !targets.contains(key.strip())) {
        throw reader.error(m.keyMark(key), NodeReader.join(path, key), "'" + key + "' is not a label of this model;"
            + " the labels are " + String.join(", ", targets) + " (the target columns, as data.target names them)."
            + Names.didYouMean(key, targets));
      }
      byLabel.put(key.strip(), number(m, key, path, "give label " + key + " a threshold in (0, 1), e.g. " + key + ": 0.4"));
    }
    return byLabel;
  }

  /** The number at {@code key} of a map of names to numbers; {@code missing} says what to write when it has none. */
  private double number(MapReader m, String key, String path, String missing) {
    Node value = m.take(key);
    Double v = reader.decimal(value, NodeReader.join(path, key));
    if (v == null) {
      throw reader.error(value == null ? m.keyMark(key) : SourceMark.of(value.getStartMark()), NodeReader.join(path, key),
          missing);
    }
    return v;
  }
}

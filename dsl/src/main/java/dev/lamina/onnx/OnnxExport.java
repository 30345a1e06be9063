package dev.lamina.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.lamina.model.Model;
import dev.lamina.persist.SavedModel;
import dev.lamina.run.RunTask;
import dev.lamina.task.Binary;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Task;
import dev.lamina.report.AtomicFile;
import dev.lamina.run.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a saved model as an ONNX file that ONNX Runtime scores as Lamina does (within rounding:
 * the products add in another order).
 *
 * <p>With the pipeline (the default for a model that has one), the inputs are the raw columns,
 * one per column and named as the column, shape {@code [N, 1]}: {@code double} for numbers
 * (NaN for a missing value), {@code string} for categories. Without it ({@code --no-pipeline}, or
 * a model without a pipeline) the one input {@value #FEATURES} is the network's {@code double
 * [N, features]}. The one output is {@value #PROBABILITY} for a classifier ({@code [N, 1]} for a
 * binary model, the probability of its positive class; {@code [N, classes]} otherwise, in the order
 * of {@code classes}) and {@value #VALUE} for a regression ({@code [N, targets]}). A binary or
 * multi-label model also has the output {@value #DECISION}, {@code int64 [N, outputs]}: 1 where the
 * probability is strictly greater than that output's threshold (binary: the positive class;
 * multi-label: each label at its own threshold), else 0 (a NaN probability too), as {@code predict}
 * decides. Metadata properties carry the kind, the class or target names, {@code threshold}, for a
 * binary model {@code positive_class} (the class its probability is of), and for a multi-label model
 * {@code thresholds} ({@code Weight=0.4,Waist=0.6}: every label's).
 *
 * <p>ONNX IR version {@value #IR_VERSION}, opset {@value #OPSET} and {@code ai.onnx.ml}
 * {@value #ML_OPSET}: within what ONNX 1.12's checker and every current ONNX Runtime accept.
 */
public final class OnnxExport {
  /** The network-only input's name. */
  public static final String FEATURES = "input";
  /** A classifier's output name. */
  public static final String PROBABILITY = "probability";
  /** The decisions' output name (binary and multi-label models). */
  public static final String DECISION = "decision";
  /** A regression's output name. */
  public static final String VALUE = "value";
  static final int IR_VERSION = 8;
  static final int OPSET = 15;
  static final int ML_OPSET = 2;

  private OnnxExport() {}

  /**
   * The model as ONNX bytes.
   *
   * @param withPipeline whether to put the fitted data pipeline in front (ignored without one)
   * @throws UnsupportedOperationException naming the layer or activation the exporter cannot write
   */
  public static byte[] toBytes(SavedModel saved, boolean withPipeline) {
    Model model = saved.model();
    boolean pipeline = withPipeline && saved.pipeline() != null;
    Graph g = new Graph(model.spec().name());
    String x;
    if (pipeline) {
      x = PipelineGraph.add(g, saved.pipeline());
    } else {
      g.input(FEATURES, TensorProto.DataType.DOUBLE, model.inputWidth());
      x = FEATURES;
    }
    String y = NetworkGraph.add(g, model.layers(), x);
    Task task = RunTask.of(saved);
    String output = task.classification() ? PROBABILITY : VALUE;
    g.rename(y, output);
    g.output(output, TensorProto.DataType.DOUBLE, model.outputWidth());
    double[] thresholds = saved.thresholds().forOutputs(task);
    if (thresholds.length > 0) {
      // Greater, as Lamina decides: strictly above the output's threshold is 1, and NaN is 0.
      String above = g.op("Greater", output, g.constant("threshold", thresholds, thresholds.length));
      g.rename(g.op("Cast", List.of(Graph.intAttr("to", TensorProto.DataType.INT64_VALUE)), above), DECISION);
      g.output(DECISION, TensorProto.DataType.INT64, thresholds.length);
    }
    ModelProto.Builder m = ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName("lamina")
        .setProducerVersion(Version.current())
        .setModelVersion(1)
        .setDocString("Lamina model '" + model.spec().name() + "'" + (pipeline ? " with its data pipeline" : ""))
        .setGraph(g.build());
    if (pipeline) {
      m.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(Graph.ML).setVersion(ML_OPSET));
    }
    property(m, "kind", task.kind());
    property(m, "threshold", Double.toString(saved.thresholds().fallback()));
    if (task instanceof MultiLabel) {
      List<String> each = new ArrayList<>();
      saved.thresholds().byLabel(task).forEach((label, t) -> each.add(label + "=" + t));
      property(m, "thresholds", String.join(",", each));
    }
    property(m, "targets", String.join(",", task.targets()));
    property(m, "classes", String.join(",", task.classes()));
    if (task instanceof Binary) {
      property(m, "positive_class", task.classes().get(1));
    }
    return m.build().toByteArray();
  }

  /** Writes {@link #toBytes} to {@code file} atomically. */
  public static void write(SavedModel saved, boolean withPipeline, Path file) {
    AtomicFile.write(file, toBytes(saved, withPipeline));
  }

  private static void property(ModelProto.Builder m, String key, String value) {
    m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
  }
}

package dev.lamina.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.predict.InputColumn;
import dev.lamina.predict.Prediction;
import dev.lamina.predict.Predictor;
import dev.lamina.spec.Names;
import dev.lamina.task.Binary;
import dev.lamina.task.MultiClass;
import dev.lamina.task.MultiLabel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Open Inference Protocol's REST API (KServe V2; Triton, Seldon and MLServer speak it) for one
 * {@link Predictor}.
 *
 * <p><b>Inputs.</b> A model with a data pipeline takes one tensor per raw column, named as the
 * column: {@code BYTES} for text columns, {@code FP64} for numbers (other numeric datatypes and
 * {@code BOOL} are read as numbers, {@code BYTES} as text, in any column), shape {@code [N, 1]} or
 * {@code [N]}, the same N for all. A model without a pipeline takes one tensor {@value #FEATURES},
 * {@code FP64} {@code [N, features]}. Data may be flat (row-major) or nested.
 *
 * <p><b>Outputs.</b> Classifiers: {@value #PROBABILITY} ({@code FP64 [N, 1]} for a binary model,
 * the probability of its positive class, which the metadata's {@code positive_class} parameter
 * names; {@code [N, classes]} otherwise, in the order of {@code output_names}) then {@value #LABEL} ({@code BYTES
 * [N]}, the predicted class's name; {@code INT64 [N, labels]} of 0/1 for a multi-label model, each
 * label 1 when its probability is above that label's threshold). Regression: {@value #VALUE}
 * ({@code FP64 [N, targets]}). A request may name the outputs it wants. The model's metadata
 * carries a binary model's {@code threshold} and a multi-label model's {@code thresholds} by label.
 */
final class OpenInference {
  static final String FEATURES = "input";
  static final String PROBABILITY = "probability";
  static final String LABEL = "label";
  static final String VALUE = "value";
  /** The metadata parameter naming the class a binary model's probability is of. */
  static final String POSITIVE_CLASS = "positive_class";
  private static final Set<String> NUMERIC = Set.of("FP64", "FP32", "FP16", "INT8", "INT16", "INT32", "INT64",
      "UINT8", "UINT16", "UINT32", "UINT64", "BOOL");
  private static final String BYTES = "BYTES";

  private OpenInference() {}

  /** {@code GET /v2}: the server's metadata. */
  static byte[] serverMetadata(String version) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("name", "lamina");
      g.writeStringField("version", version);
      g.writeArrayFieldStart("extensions");
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** {@code GET /v2/models/{name}}: inputs and outputs with names, datatypes and shapes. */
  static byte[] metadata(String name, Predictor p) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("name", name);
      g.writeArrayFieldStart("versions");
      g.writeEndArray();
      g.writeStringField("platform", "lamina");
      g.writeArrayFieldStart("inputs");
      if (p.hasPipeline()) {
        for (InputColumn c : p.inputs()) {
          tensor(g, c.name(), c.numeric() ? "FP64" : BYTES, -1, 1);
        }
      } else {
        tensor(g, FEATURES, "FP64", -1, p.featureCount());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("outputs");
      for (Output o : outputs(p)) {
        tensor(g, o.name, o.datatype, o.width < 0 ? new int[] {-1} : new int[] {-1, o.width});
      }
      g.writeEndArray();
      g.writeObjectFieldStart("parameters");
      g.writeStringField("kind", p.task().kind());
      g.writeArrayFieldStart("output_names");
      for (String n : p.outputNames()) {
        g.writeString(n);
      }
      g.writeEndArray();
      if (p.task() instanceof Binary) {
        g.writeStringField(POSITIVE_CLASS, p.task().classes().get(1));
        g.writeNumberField("threshold", p.thresholds().fallback());
      } else if (p.task() instanceof MultiLabel) {
        g.writeObjectFieldStart("thresholds");
        for (Map.Entry<String, Double> e : p.thresholds().byLabel(p.task()).entrySet()) {
          g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /** {@code GET /v2/models/{name}/ready}. */
  static byte[] ready(String name) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("name", name);
      g.writeBooleanField("ready", true);
      g.writeEndObject();
    });
  }

  /** {@code POST /v2/models/{name}/infer}: reads the input tensors, scores them, writes the outputs. */
  static Result infer(String name, Predictor p, JsonNode body, int maxRows) {
    JsonNode inputs = body.get("inputs");
    if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
      throw HttpError.badRequest("'inputs' must be a non-empty array of tensors {name, shape, datatype, data}");
    }
    List<Output> wanted = requestedOutputs(p, body.get("outputs"));
    List<Prediction> predictions;
    int rows;
    if (p.hasPipeline()) {
      Object[][] columns = readColumns(p, inputs, maxRows);
      rows = columns[0].length;
      List<Object[]> values = new ArrayList<>(rows);
      for (int i = 0; i < rows; i++) {
        Object[] row = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
          row[c] = columns[c][i];
        }
        values.add(row);
      }
      predictions = p.predictValues(values);
    } else {
      double[] x = readFeatures(p, inputs, maxRows);
      rows = x.length / p.featureCount();
      predictions = p.predictFeatures(x, rows);
    }
    JsonNode id = body.get("id");
    byte[] out = Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("model_name", name);
      if (id != null && id.isTextual()) {
        g.writeStringField("id", id.asText());
      }
      g.writeArrayFieldStart("outputs");
      for (Output o : wanted) {
        o.write(g, predictions);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
    return new Result(out, rows);
  }

  /** A response body and the number of rows it scored. */
  record Result(byte[] body, int rows) {}

  private static List<Output> requestedOutputs(Predictor p, JsonNode requested) {
    List<Output> all = outputs(p);
    if (requested == null || requested.isNull()) {
      return all;
    }
    if (!requested.isArray()) {
      throw HttpError.badRequest("'outputs' must be an array of {\"name\": ...}");
    }
    List<Output> wanted = new ArrayList<>();
    List<String> names = all.stream().map(o -> o.name).toList();
    for (int k = 0; k < requested.size(); k++) {
      String n = requested.get(k).path("name").asText("");
      Output found = null;
      for (Output o : all) {
        found = o.name.equals(n) ? o : found;
      }
      if (found == null) {
        throw HttpError.badRequest("outputs[" + k + "]: no output named '" + n + "'; this model has " + names + "."
            + Names.didYouMean(n, names));
      }
      wanted.add(found);
    }
    return wanted;
  }

  /** The columns' values, one array per input column (pipeline order), all of the same length. */
  private static Object[][] readColumns(Predictor p, JsonNode inputs, int maxRows) {
    List<InputColumn> cols = p.inputs();
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < cols.size(); c++) {
      index.put(cols.get(c).name(), c);
    }
    List<String> names = cols.stream().map(InputColumn::name).toList();
    Object[][] columns = new Object[cols.size()][];
    int rows = -1;
    for (int k = 0; k < inputs.size(); k++) {
      JsonNode t = inputs.get(k);
      String where = "inputs[" + k + "]";
      String n = t.path("name").asText(null);
      if (n == null || !t.path("name").isTextual()) {
        throw HttpError.badRequest(where + ": each input tensor needs a 'name' (one of " + names + ")");
      }
      Integer c = index.get(n);
      if (c == null) {
        throw HttpError.badRequest(where + ": model has no input '" + n + "'; its inputs are " + names + "."
            + Names.didYouMean(n, names));
      }
      if (columns[c] != null) {
        throw HttpError.badRequest(where + ": input '" + n + "' is given twice");
      }
      where = where + " ('" + n + "')";
      int r = rowsOf(where, t, 1, maxRows);
      if (rows >= 0 && r != rows) {
        throw HttpError.badRequest(where + ": has " + r + " rows but the inputs before it have " + rows
            + "; every input needs one value per row");
      }
      rows = r;
      columns[c] = values(where, t, r, cols.get(c).numeric());
    }
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < columns.length; c++) {
      if (columns[c] == null) {
        missing.add(names.get(c));
      }
    }
    if (!missing.isEmpty()) {
      throw HttpError.badRequest("inputs: the model needs the input" + (missing.size() == 1 ? " " : "s ") + missing
          + ", which the request does not have (one tensor per column, shape [N, 1]; see GET /v2/models/NAME)");
    }
    return columns;
  }

  private static double[] readFeatures(Predictor p, JsonNode inputs, int maxRows) {
    if (inputs.size() != 1 || !FEATURES.equals(inputs.get(0).path("name").asText())) {
      throw HttpError.badRequest("inputs: this model has no data pipeline and takes one input '" + FEATURES
          + "', FP64, shape [N, " + p.featureCount() + "]");
    }
    JsonNode t = inputs.get(0);
    String where = "inputs[0] ('" + FEATURES + "')";
    int rows = rowsOf(where, t, p.featureCount(), maxRows);
    Object[] v = values(where, t, rows * p.featureCount(), true);
    double[] x = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] instanceof Number num)) {
        throw HttpError.badRequest(where + ": data[" + i + "] is " + v[i] + "; give numbers");
      }
      x[i] = num.doubleValue();
      if (!Double.isFinite(x[i])) {
        throw HttpError.badRequest(where + ": data[" + i + "] is not a finite number");
      }
    }
    return x;
  }

  /** The row count of a tensor whose shape must be [N, width] (or [N] when width is 1). */
  private static int rowsOf(String where, JsonNode t, int width, int maxRows) {
    JsonNode shape = t.get("shape");
    String expected = width == 1 ? "[N, 1] or [N]" : "[N, " + width + "]";
    if (shape == null || !shape.isArray() || shape.isEmpty() || shape.size() > 2) {
      throw HttpError.badRequest(where + ": 'shape' must be " + expected + ", got " + shape);
    }
    for (JsonNode d : shape) {
      if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0) {
        throw HttpError.badRequest(where + ": 'shape' must hold non-negative integers, got " + shape);
      }
    }
    long n = shape.get(0).asLong();
    int w = shape.size() == 2 ? shape.get(1).asInt() : 1;
    if (w != width) {
      throw HttpError.badRequest(where + ": 'shape' must be " + expected + ", got " + shape);
    }
    if (n == 0) {
      throw HttpError.badRequest(where + ": the tensor has no rows");
    }
    if (n > maxRows) {
      throw new HttpError(413, where + ": " + n + " rows is more than this server's limit of " + maxRows
          + " per request (--max-rows); split the request");
    }
    return (int) n;
  }

  /** The tensor's {@code count} data values, flattened, checked against its datatype. */
  private static Object[] values(String where, JsonNode t, int count, boolean numericColumn) {
    String datatype = t.path("datatype").asText(null);
    if (datatype == null || !(datatype.equals(BYTES) || NUMERIC.contains(datatype))) {
      throw HttpError.badRequest(where + ": 'datatype' must be " + (numericColumn ? "FP64" : BYTES)
          + " (or another of the protocol's types), got " + t.get("datatype"));
    }
    JsonNode data = t.get("data");
    if (data == null || !data.isArray()) {
      throw HttpError.badRequest(where + ": 'data' must be an array of " + count + " values");
    }
    Object[] out = new Object[count];
    int[] filled = {0};
    flatten(where, data, datatype, out, filled);
    if (filled[0] != count) {
      throw HttpError.badRequest(where + ": 'data' holds " + filled[0] + " values, its shape needs " + count);
    }
    return out;
  }

  private static void flatten(String where, JsonNode data, String datatype, Object[] out, int[] filled) {
    for (JsonNode v : data) {
      if (v.isArray()) {
        flatten(where, v, datatype, out, filled);
        continue;
      }
      int i = filled[0]++;
      if (i >= out.length) {
        continue; // counted, reported as a size mismatch
      }
      if (v.isNull()) {
        out[i] = null;
      } else if (datatype.equals(BYTES)) {
        if (!v.isTextual()) {
          throw HttpError.badRequest(where + ": data[" + i + "] is " + v + "; BYTES data are strings");
        }
        out[i] = v.textValue();
      } else if (datatype.equals("BOOL")) {
        if (!v.isBoolean()) {
          throw HttpError.badRequest(where + ": data[" + i + "] is " + v + "; BOOL data are true or false");
        }
        out[i] = v.booleanValue();
      } else {
        if (!v.isNumber()) {
          throw HttpError.badRequest(where + ": data[" + i + "] is " + v + "; " + datatype
              + " data are numbers (send text columns as BYTES)");
        }
        out[i] = v.doubleValue();
      }
    }
  }

  /** The outputs of a model, in protocol order. */
  static List<Output> outputs(Predictor p) {
    int width = p.outputCount();
    if (p.task() instanceof Binary || p.task() instanceof MultiClass) {
      return List.of(new Output(PROBABILITY, "FP64", width), new Output(LABEL, BYTES, -1));
    }
    if (p.task() instanceof MultiLabel) {
      return List.of(new Output(PROBABILITY, "FP64", width), new Output(LABEL, "INT64", width));
    }
    return List.of(new Output(VALUE, "FP64", width));
  }

  /** One output tensor: its name, datatype and width (-1: a vector [N]). */
  record Output(String name, String datatype, int width) {
    void write(JsonGenerator g, List<Prediction> ps) throws IOException {
      int n = ps.size();
      g.writeStartObject();
      g.writeStringField("name", name);
      g.writeStringField("datatype", datatype);
      g.writeArrayFieldStart("shape");
      g.writeNumber(n);
      if (width >= 0) {
        g.writeNumber(width);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("data");
      for (Prediction p : ps) {
        if (datatype.equals(BYTES)) {
          g.writeString(p.label());
        } else if (datatype.equals("INT64")) {
          for (int j = 0; j < width; j++) {
            g.writeNumber(p.decision(j) ? 1 : 0);
          }
        } else {
          for (int j = 0; j < width; j++) {
            g.writeNumber(p.output(j));
          }
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void tensor(JsonGenerator g, String name, String datatype, int... shape) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("datatype", datatype);
    g.writeArrayFieldStart("shape");
    for (int d : shape) {
      g.writeNumber(d);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}

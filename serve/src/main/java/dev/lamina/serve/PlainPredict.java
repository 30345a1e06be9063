package dev.lamina.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.predict.Prediction;
import dev.lamina.predict.Predictor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/models/{name}/predict}, for people and scripts: {@code {"rows": [{"CreditScore":
 * 600, "Geography": "France", ...}, ...]}} answers {@code {"predictions": [{"p_1": 0.07,
 * "predicted_class": "0", "label": "0"}, ...]}}, each prediction holding the columns of the
 * {@code predict} command's CSV for the row (classes by name: {@code p_<positive class>} of a
 * binary model, {@code p_<class>} of each class of a multi-class one), and for a binary or
 * multi-class model the predicted class again as {@code label}. Values may be numbers, text, booleans or null; extra keys are ignored.
 * A model without a data pipeline takes rows of features: {@code {"rows": [[0.1, -1.2, ...]]}}.
 */
final class PlainPredict {
  private PlainPredict() {}

  /** The response body for a request body, and the number of rows scored. */
  static OpenInference.Result predict(Predictor p, JsonNode body, int maxRows) {
    JsonNode rows = body.get("rows");
    if (rows == null || !rows.isArray()) {
      throw HttpError.badRequest("the body needs 'rows': an array of rows, each an object of column: value"
          + (p.hasPipeline() ? "" : " (this model has no data pipeline: each row an array of "
              + p.featureCount() + " numbers)"));
    }
    if (rows.isEmpty()) {
      throw HttpError.badRequest("'rows' is empty; give at least one row");
    }
    if (rows.size() > maxRows) {
      throw new HttpError(413, "'rows' holds " + rows.size() + " rows, more than this server's limit of " + maxRows
          + " per request (--max-rows); split the request");
    }
    List<Prediction> ps = p.hasPipeline() ? p.predictAll(maps(rows)) : p.predictFeatures(features(p, rows), rows.size());
    byte[] out = Json.write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("predictions");
      for (Prediction pr : ps) {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : pr.fields().entrySet()) {
          g.writeFieldName(e.getKey());
          if (e.getValue() instanceof Integer i) {
            g.writeNumber(i);
          } else if (e.getValue() instanceof Double d) {
            g.writeNumber(d);
          } else {
            g.writeString(String.valueOf(e.getValue()));
          }
        }
        if (pr.classIndex() >= 0) {
          g.writeStringField("label", pr.label());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
    return new OpenInference.Result(out, ps.size());
  }

  private static List<Map<String, Object>> maps(JsonNode rows) {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode r = rows.get(i);
      if (!r.isObject()) {
        throw HttpError.badRequest("rows[" + i + "] is " + kind(r) + "; each row is an object of column: value");
      }
      Map<String, Object> m = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), value(e.getValue()));
      }
      out.add(m);
    }
    return out;
  }

  /** A JSON value as the Predictor reads it; arrays and objects as their JSON text, which it refuses by name. */
  private static Object value(JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return new JsonText(v.toString());
  }

  /** A nested JSON value, shown as its text in the error that refuses it. */
  private record JsonText(String json) {
    @Override
    public String toString() {
      return json;
    }
  }

  private static double[] features(Predictor p, JsonNode rows) {
    int w = p.featureCount();
    double[] x = new double[rows.size() * w];
    for (int i = 0; i < rows.size(); i++) {
      JsonNode r = rows.get(i);
      if (!r.isArray() || r.size() != w) {
        throw HttpError.badRequest("rows[" + i + "] is " + kind(r) + "; this model has no data pipeline: each row is an"
            + " array of its " + w + " features");
      }
      for (int j = 0; j < w; j++) {
        if (!r.get(j).isNumber()) {
          throw HttpError.badRequest("rows[" + i + "][" + j + "] is " + r.get(j) + "; features are numbers");
        }
        x[i * w + j] = r.get(j).doubleValue();
      }
    }
    return x;
  }

  private static String kind(JsonNode n) {
    return n.isArray() ? "an array of " + n.size() : n.isObject() ? "an object" : n.toString();
  }
}

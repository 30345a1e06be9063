package dev.lamina.predict;

import dev.lamina.report.PredictionsWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model's outputs are, shared by all of its {@link Prediction}s: the kind, one name per
 * class (binary: the two classes), label or target, and the decision threshold. The one place a
 * prediction is shaped by the kind.
 *
 * @param kind what the outputs mean
 * @param names class names (binary: two), label names or target names
 * @param threshold the decision threshold of binary and multi-label models
 */
record Outputs(OutputKind kind, List<String> names, double threshold) {
  Outputs {
    names = List.copyOf(names);
  }

  /**
   * The outputs of a model of {@code kind} with {@code width} outputs, named after the target's
   * {@code classes} (empty for a numeric target) or {@code target} itself.
   */
  static Outputs of(OutputKind kind, int width, List<String> classes, String target, double threshold) {
    List<String> names = new ArrayList<>();
    int count = kind == OutputKind.BINARY ? 2 : width;
    for (int j = 0; j < count; j++) {
      if (kind.classifies() && classes.size() == count) {
        names.add(classes.get(j));
      } else if (kind == OutputKind.REGRESSION && width == 1 && target != null) {
        names.add(target);
      } else {
        names.add(kind == OutputKind.REGRESSION ? (target == null ? "y" : target) + "_" + j : Integer.toString(j));
      }
    }
    return new Outputs(kind, names, threshold);
  }

  /** The index of the predicted class, or -1 when the kind has no single class. */
  int predictedClass(double[] p) {
    switch (kind) {
      case BINARY:
        return p[0] > threshold ? 1 : 0;
      case MULTI_CLASS:
        int best = 0;
        for (int c = 1; c < p.length; c++) {
          if (p[c] > p[best] || Double.isNaN(p[best]) && !Double.isNaN(p[c])) {
            best = c;
          }
        }
        return best;
      default:
        return -1;
    }
  }

  /** The columns {@code predict} writes for a row, by name. */
  Map<String, Object> fields(double[] p, int predicted) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (kind) {
      case BINARY:
        m.put(PredictionsWriter.PROBABILITY, p[0]);
        m.put(PredictionsWriter.PREDICTED_CLASS, predicted);
        break;
      case MULTI_CLASS:
        for (int c = 0; c < p.length; c++) {
          m.put(PredictionsWriter.CLASS_PROBABILITY_PREFIX + c, p[c]);
        }
        m.put(PredictionsWriter.PREDICTED_CLASS, predicted);
        break;
      case MULTI_LABEL:
        for (int c = 0; c < p.length; c++) {
          m.put(PredictionsWriter.CLASS_PROBABILITY_PREFIX + names.get(c), p[c]);
        }
        for (int c = 0; c < p.length; c++) {
          m.put(names.get(c) + "_predicted", p[c] > threshold ? 1 : 0);
        }
        break;
      default:
        for (int c = 0; c < p.length; c++) {
          m.put(names.get(c) + "_predicted", p[c]);
        }
    }
    return Collections.unmodifiableMap(m);
  }
}

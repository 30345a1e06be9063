package dev.lamina.predict;

import dev.lamina.report.PredictionsWriter;
import dev.lamina.task.Binary;
import dev.lamina.task.MultiClass;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model's outputs are, shared by all of its {@link Prediction}s: the {@link Task}, one name
 * per class (binary: the two classes) or per target, and the decision thresholds. The one place a
 * prediction is shaped by the task; the columns are {@link PredictionsWriter}'s.
 *
 * @param task what the model predicts
 * @param names the class names (binary and multi-class) or target names (multi-label, regression)
 * @param thresholds the decision thresholds of binary and multi-label models
 * @param perOutput {@code thresholds} per output ({@link Thresholds#forOutputs}); empty for other tasks
 */
record Outputs(Task task, List<String> names, Thresholds thresholds, double[] perOutput) {
  Outputs {
    names = List.copyOf(names);
  }

  /**
   * The outputs of a model that predicts {@code task}, decided at {@code thresholds}.
   *
   * @throws dev.lamina.spec.SpecException at {@code threshold} when the thresholds do not fit the
   *     task (a name that is not a label, thresholds per label for another task)
   */
  static Outputs of(Task task, Thresholds thresholds) {
    thresholds.check(task);
    boolean oneClass = task instanceof Binary || task instanceof MultiClass;
    return new Outputs(task, oneClass ? task.classes() : task.targets(), thresholds, thresholds.forOutputs(task));
  }

  /** Whether output {@code j} (binary: the one output; multi-label: label j) is decided 1. */
  boolean decide(double[] p, int j) {
    return Thresholds.decide(p[j], perOutput, j);
  }

  /** The index of the predicted class, or -1 when the task has no single class. */
  int predictedClass(double[] p) {
    if (task instanceof Binary) {
      return decide(p, 0) ? 1 : 0;
    }
    if (task instanceof MultiClass) {
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        if (p[c] > p[best] || Double.isNaN(p[best]) && !Double.isNaN(p[c])) {
          best = c;
        }
      }
      return best;
    }
    return -1;
  }

  /** The columns {@code predict} writes for a row (without {@code row} and the truth), by name. */
  Map<String, Object> fields(double[] p, int predicted) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (task instanceof Binary) {
      m.put(PredictionsWriter.positiveColumn(task), p[0]);
      m.put(PredictionsWriter.PREDICTED_CLASS, names.get(predicted));
    } else if (task instanceof MultiClass) {
      for (int c = 0; c < p.length; c++) {
        m.put(PredictionsWriter.CLASS_PROBABILITY_PREFIX + names.get(c), p[c]);
      }
      m.put(PredictionsWriter.PREDICTED_CLASS, names.get(predicted));
    } else {
      boolean labels = task instanceof MultiLabel;
      for (int c = 0; c < p.length; c++) {
        if (labels) {
          m.put(PredictionsWriter.CLASS_PROBABILITY_PREFIX + names.get(c), p[c]);
          m.put(names.get(c) + PredictionsWriter.PREDICTED_SUFFIX, decide(p, c) ? 1 : 0);
        } else {
          m.put(names.get(c) + PredictionsWriter.PREDICTED_SUFFIX, p[c]);
        }
      }
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Outputs other && other.task.equals(task) && other.names.equals(names)
        && other.thresholds.equals(thresholds);
  }

  @Override
  public int hashCode() {
    return task.hashCode() * 31 + thresholds.hashCode();
  }
}

package dev.lamina.predict;

import dev.lamina.task.Binary;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Regression;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prediction for one row, shaped by the model's {@link Task}:
 * <ul>
 *   <li>binary: {@link #probability()} of class 1 and the {@link #label()} of the class chosen
 *       with the model's threshold (class 1 when the probability is strictly greater, as Keras's
 *       {@code predict(x) > 0.5}; a NaN probability is class 0);</li>
 *   <li>multi-class: {@link #probabilities()} per class name and the arg-max's {@link #label()}
 *       (the first class on a tie, as {@code numpy.argmax}; NaN never wins);</li>
 *   <li>multi-label: {@link #probabilities()} per label and the {@link #labels()} above their
 *       thresholds (one per label, see {@link Thresholds});</li>
 *   <li>regression: {@link #values()} per target.</li>
 * </ul>
 * {@link #outputs()} always holds the network's raw outputs. {@link #fields()} holds the same
 * columns and values as the {@code predict} command's CSV for the row. Immutable.
 */
public final class Prediction {
  private final Outputs meta;
  private final double[] values;
  private final int predicted;

  Prediction(Outputs meta, double[] values) {
    this.meta = meta;
    this.values = values;
    this.predicted = meta.predictedClass(values);
  }

  /** What the model predicts. */
  public Task task() {
    return meta.task();
  }

  /** The decision thresholds applied to binary and multi-label outputs (the model's, or those given to the predictor). */
  public Thresholds thresholds() {
    return meta.thresholds();
  }

  /**
   * Whether output {@code j} is decided 1: its probability strictly greater than its threshold (a
   * binary model's one output, {@code j = 0}; a multi-label model's label {@code j}).
   *
   * @throws IllegalStateException for a multi-class or regression model
   */
  public boolean decision(int j) {
    require(meta.task() instanceof Binary || meta.task() instanceof MultiLabel,
        "decision(j) is for binary and multi-label models");
    return meta.decide(values, j);
  }

  /** A copy of the network's outputs for the row (probabilities, or values per target). */
  public double[] outputs() {
    return values.clone();
  }

  /** Output {@code j} of the network for the row. */
  public double output(int j) {
    return values[j];
  }

  /** The index of the predicted class (binary and multi-class), else -1. */
  public int classIndex() {
    return predicted;
  }

  /**
   * The name of the predicted class (the target's text in the training CSV, or the class index as
   * text for a numeric target), for binary and multi-class models.
   *
   * @throws IllegalStateException for a multi-label or regression model
   */
  public String label() {
    require(predicted >= 0, "label() is for binary and multi-class models; use labels() or values()");
    return meta.names().get(predicted);
  }

  /**
   * The probability of class 1 for a binary model, of the predicted class for a multi-class one.
   *
   * @throws IllegalStateException for a multi-label or regression model
   */
  public double probability() {
    require(predicted >= 0, "probability() is for binary and multi-class models; use probabilities() or values()");
    return meta.task() instanceof Binary ? values[0] : values[predicted];
  }

  /**
   * The probability of each class (binary: both classes, {@code 1 - p} and {@code p}) or label
   * (multi-label), by name, in class order.
   *
   * @throws IllegalStateException for a regression model
   */
  public Map<String, Double> probabilities() {
    require(meta.task().classification(), "a regression model has no probabilities; use values()");
    Map<String, Double> m = new LinkedHashMap<>();
    if (meta.task() instanceof Binary) {
      m.put(meta.names().get(0), 1 - values[0]);
      m.put(meta.names().get(1), values[0]);
    } else {
      for (int j = 0; j < values.length; j++) {
        m.put(meta.names().get(j), values[j]);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The labels whose probability is strictly greater than their threshold (multi-label), in order.
   *
   * @throws IllegalStateException for other kinds
   */
  public List<String> labels() {
    require(meta.task() instanceof MultiLabel, "labels() is for multi-label models");
    List<String> on = new ArrayList<>();
    for (int j = 0; j < values.length; j++) {
      if (meta.decide(values, j)) {
        on.add(meta.names().get(j));
      }
    }
    return List.copyOf(on);
  }

  /**
   * The predicted value of each target, by target name (regression).
   *
   * @throws IllegalStateException for a classifier
   */
  public Map<String, Double> values() {
    require(meta.task() instanceof Regression, "values() is for regression models; use probabilities()");
    Map<String, Double> m = new LinkedHashMap<>();
    for (int j = 0; j < values.length; j++) {
      m.put(meta.names().get(j), values[j]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The row as the {@code predict} command writes it, without the row number: column name to
   * value (a probability or value as a double, the predicted class's name as text, a multi-label
   * decision as 0 or 1), in column order.
   */
  public Map<String, Object> fields() {
    return meta.fields(values, predicted);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Prediction p && p.meta.equals(meta) && Arrays.equals(p.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return meta.task().kind() + " " + fields();
  }
}

package dev.lamina.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code History}: for each key ({@code loss}, each metric, {@code val_loss},
 * {@code val_<metric>}, {@code learning_rate} when a callback changes it) the list of per-epoch
 * values. Keys keep the order in which they first appeared (Keras 2's compile order).
 */
public final class History {
  private final Map<String, List<Double>> values = new LinkedHashMap<>();
  private final Map<String, Object> reports = new LinkedHashMap<>();
  private int epochs;

  /** Adds what a callback did ({@link Callback#report()}), by its key. */
  public void addReport(Map<String, Object> report) {
    reports.putAll(report);
  }

  /**
   * What the callbacks did, by key (for example {@code early_stopping}), for the run's report;
   * not part of the per-epoch values.
   */
  public Map<String, Object> reports() {
    return Collections.unmodifiableMap(reports);
  }

  /** Appends one epoch's logs. */
  public void append(Map<String, Double> logs) {
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      List<Double> list = values.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
      while (list.size() < epochs) {
        list.add(Double.NaN); // a key that appeared late: earlier epochs had no value
      }
      list.add(e.getValue());
    }
    epochs++;
  }

  /** The per-epoch values of {@code key} (empty when absent). */
  public List<Double> get(String key) {
    return Collections.unmodifiableList(values.getOrDefault(key, List.of()));
  }

  /** All keys in order. */
  public List<String> keys() {
    return List.copyOf(values.keySet());
  }

  /** The whole history as an unmodifiable map. */
  public Map<String, List<Double>> asMap() {
    Map<String, List<Double>> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(m);
  }

  /** Number of epochs recorded. */
  public int epochs() {
    return epochs;
  }

  /** The last value of {@code key}, or NaN. */
  public double last(String key) {
    List<Double> l = values.get(key);
    return l == null || l.isEmpty() ? Double.NaN : l.get(l.size() - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof History h && h.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}

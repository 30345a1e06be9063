package dev.lamina.table;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The label column: numbers are used as they are; text labels become the index of their class
 * among the sorted class names (scikit-learn's {@code LabelEncoder}), so {@code No, Yes} become
 * 0 and 1 and {@link #classes()} records the names for reports and predictions.
 */
final class TargetColumn {
  private final String name;
  private final List<String> classes;
  private final Map<String, Integer> index = new HashMap<>();

  /**
   * @param name the column name
   * @param classes sorted class names, or empty for a numeric target
   */
  TargetColumn(String name, List<String> classes) {
    this.name = name;
    this.classes = List.copyOf(classes);
    for (int i = 0; i < this.classes.size(); i++) {
      index.put(this.classes.get(i), i);
    }
  }

  String name() {
    return name;
  }

  /** The class names in index order; empty when the target is numeric. */
  List<String> classes() {
    return classes;
  }

  /**
   * The target value of a non-missing cell.
   *
   * @throws DataException for text in a numeric target or a class never seen in training
   */
  double encode(String cell, String file, long row, long line) {
    if (classes.isEmpty()) {
      return Cells.parse(cell, file, row, line, name);
    }
    String value = cell.strip();
    Integer i = index.get(value);
    if (i == null) {
      throw new DataException(file, row, line, name, "'" + value + "' is a target class the model"
          + " never saw in training; the known classes are " + classes + ". Fix the label, or"
          + " retrain on data that contains it");
    }
    return i;
  }

  /** The error for a row whose target is missing where a label is required. */
  DataException missing(String cell, String file, long row, long line) {
    String shown = cell == null || cell.isBlank() ? "empty" : "'" + cell.strip() + "'";
    return new DataException(file, row, line, name, "the target value is missing (" + shown
        + "); a label cannot be filled in, so fix the row or remove it");
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("classes", classes);
    return m;
  }

  static TargetColumn fromMap(Map<?, ?> map) {
    return new TargetColumn(PlainMaps.string(map, "name"), PlainMaps.strings(map, "classes"));
  }
}

package dev.lamina.table;

import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The label column: numbers are used as they are; text labels become the index of their class
 * among the sorted class names (scikit-learn's {@code LabelEncoder}), so {@code No, Yes} become
 * 0 and 1 and {@link #classes()} records the names for reports and predictions.
 *
 * <p>A binary target's class 1 is its positive class: the one the model's probability, precision,
 * recall and threshold describe. By default it is the second sorted name ({@code Yes}) or the
 * number 1; {@code positive_class} may name the other one ({@link #withPositiveClass}), and then
 * the two classes swap indices. A 0/1 target whose positive class is 0 keeps its numbers in the
 * file and maps them through {@code classes ["1", "0"]} ({@code numeric_labels} in the model
 * file).
 */
final class TargetColumn {
  /** The path of the setting in a spec. */
  static final String POSITIVE_CLASS = "data.positive_class";

  private final String name;
  private final List<String> classes;
  private final boolean numericLabels;
  private final Map<String, Integer> index = new HashMap<>();

  /**
   * @param name the column name
   * @param classes class names in index order (sorted unless a positive class swapped them), or
   *     empty for a numeric target
   */
  TargetColumn(String name, List<String> classes) {
    this(name, classes, false);
  }

  /**
   * @param numericLabels whether the classes are numbers written as text ({@code "1", "0"}): cells
   *     are then read as numbers and matched by value
   */
  private TargetColumn(String name, List<String> classes, boolean numericLabels) {
    this.name = name;
    this.classes = List.copyOf(classes);
    this.numericLabels = numericLabels;
    for (int i = 0; i < this.classes.size(); i++) {
      index.put(this.classes.get(i), i);
    }
  }

  /**
   * This column with {@code positive} as the positive class (index 1), flipping {@code y} (the
   * encoded targets, 0 and 1) in place when the classes swap.
   *
   * @param positive the {@code positive_class} setting, or null for the default
   * @param y the targets as this column encoded them
   * @throws SpecException at {@code data.positive_class} when the target is not binary or has no
   *     such class
   */
  TargetColumn withPositiveClass(String positive, double[] y) {
    if (positive == null) {
      return this;
    }
    List<String> names = classes.isEmpty() ? List.of("0", "1") : classes;
    if (classes.isEmpty()) {
      for (double v : y) {
        if (v != 0 && v != 1) {
          throw new SpecException(POSITIVE_CLASS, "positive_class names the positive class of a binary target, but"
              + " the target '" + name + "' holds numbers other than 0 and 1 (" + v + "); remove positive_class");
        }
      }
    } else if (classes.size() != 2) {
      throw new SpecException(POSITIVE_CLASS, "positive_class names the positive class of a binary target, but the"
          + " target '" + name + "' has " + classes.size() + " classes (" + preview(classes) + "); remove"
          + " positive_class");
    }
    int at = classes.isEmpty() ? numericClass(positive) : classes.indexOf(positive.strip());
    if (at < 0) {
      throw new SpecException(POSITIVE_CLASS, "'" + positive + "' is not a class of the target '" + name
          + "'; its classes are " + names.get(0) + " and " + names.get(1) + "." + Names.didYouMean(positive, names));
    }
    if (at == 1) {
      return this;
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = 1 - y[i];
    }
    return new TargetColumn(name, List.of(names.get(1), names.get(0)), classes.isEmpty());
  }

  /** 0 or 1 for a setting that is that number ({@code 0}, {@code 1.0}), -1 otherwise. */
  private static int numericClass(String positive) {
    try {
      double v = Double.parseDouble(positive.strip());
      return v == 0 ? 0 : v == 1 ? 1 : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String preview(List<String> names) {
    List<String> shown = names.size() > 5 ? names.subList(0, 5) : names;
    return String.join(", ", shown) + (names.size() > 5 ? ", ..." : "");
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
    if (numericLabels) {
      double v = Cells.parse(cell, file, row, line, name);
      return number(v, file, row, line);
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

  /**
   * The target value of a cell at predict time, where the target column is optional and only
   * compared with the predictions: NaN (unknown) for a missing cell and for one that is no value
   * of this target ({@code ?}, text in a numeric target, a class never seen in training), so the
   * row is still scored.
   */
  double encodeIfKnown(String cell) {
    if (Cells.isMissing(cell)) {
      return Double.NaN;
    }
    try {
      return encode(cell, null, 0, 0);
    } catch (DataException e) {
      return Double.NaN;
    }
  }

  /** The target value of a number read from a numeric target column. */
  double number(double v, String file, long row, long line) {
    if (!numericLabels) {
      return v;
    }
    for (int i = 0; i < classes.size(); i++) {
      if (Double.parseDouble(classes.get(i)) == v) {
        return i;
      }
    }
    throw new DataException(file, row, line, name, "the value " + v + " is not a class of this binary target; its"
        + " classes are " + classes.get(0) + " and " + classes.get(1) + ". Fix the label");
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
    if (numericLabels) {
      m.put("numeric_labels", true);
    }
    return m;
  }

  /** Reads {@link #toMap()}; files written before {@code numeric_labels} existed lack it (false). */
  static TargetColumn fromMap(Map<?, ?> map) {
    boolean numeric = map.containsKey("numeric_labels") && PlainMaps.bool(map, "numeric_labels");
    List<String> classes = PlainMaps.strings(map, "classes");
    if (numeric && classes.size() != 2) {
      throw PlainMaps.bad("target", "numeric_labels is only written for a binary target of two classes, got "
          + classes);
    }
    if (numeric) {
      for (String c : classes) {
        if (numericClass(c) < 0) {
          throw PlainMaps.bad("target", "numeric_labels needs the classes 0 and 1, got " + classes);
        }
      }
    }
    return new TargetColumn(PlainMaps.string(map, "name"), classes, numeric);
  }
}

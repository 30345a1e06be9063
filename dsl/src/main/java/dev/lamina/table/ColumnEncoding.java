package dev.lamina.table;

import java.util.List;
import java.util.Map;

/**
 * How one input column becomes one or more features: as a number ({@link NumericColumn}), as
 * one-hot indicators ({@link OneHotColumn}) or as a level index ({@link LabelColumn}). Each is
 * immutable and knows its fitted state (fill value, levels), so the same object encodes the
 * training rows and, after a round trip through {@link #toMap()}, new rows at predict time.
 */
sealed interface ColumnEncoding permits NumericColumn, OneHotColumn, LabelColumn {
  /** The input column's name in the CSV. */
  String name();

  /** The names of the features this column produces, in order. */
  List<String> featureNames();

  /** How many features this column produces. */
  default int width() {
    return featureNames().size();
  }

  /**
   * Writes this column's features for one cell into {@code out[offset..offset + width())}.
   *
   * @return whether the cell's value was known: false only for a category never seen in training
   *     that a one-hot column with {@code handle_unknown: ignore} wrote as all zeros
   * @throws DataException naming the place for a missing value without a fill, text in a
   *     numeric column or (unless ignored) an unseen category
   */
  boolean encode(String cell, double[] out, int offset, String file, long row, long line);

  /** The column as plain maps, lists, strings, numbers and booleans (for JSON). */
  Map<String, Object> toMap();

  /** Reads a column written by {@link #toMap()}. */
  static ColumnEncoding fromMap(Map<?, ?> map) {
    String kind = PlainMaps.string(map, "kind");
    switch (kind) {
      case NumericColumn.KIND:
        return NumericColumn.fromMap(map);
      case OneHotColumn.KIND:
        return OneHotColumn.fromMap(map);
      case LabelColumn.KIND:
        return LabelColumn.fromMap(map);
      default:
        throw PlainMaps.bad("kind", "expected " + NumericColumn.KIND + ", " + OneHotColumn.KIND
            + " or " + LabelColumn.KIND + ", got '" + kind + "'");
    }
  }
}

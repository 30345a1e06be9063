package dev.lamina.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sorted levels of a categorical column and the lookup from a cell to its level index.
 *
 * <p>Levels are sorted by {@link String#compareTo} (code-unit order, the same as Python's for
 * ordinary text), which is the order of pandas {@code get_dummies} columns and of scikit-learn's
 * {@code LabelEncoder} classes. A missing cell takes the fitted fill level when there is one.
 */
final class CategoryLevels {
  private final String column;
  private final List<String> levels;
  private final String fill;
  private final Map<String, Integer> index = new HashMap<>();

  /**
   * @param column the column name, for messages
   * @param levels the levels, already sorted and distinct
   * @param fill the level that replaces a missing cell, or null
   */
  CategoryLevels(String column, List<String> levels, String fill) {
    this.column = column;
    this.levels = List.copyOf(levels);
    this.fill = fill;
    for (int i = 0; i < this.levels.size(); i++) {
      index.put(this.levels.get(i), i);
    }
    if (fill != null && !index.containsKey(fill)) {
      throw PlainMaps.bad("fill", "'" + fill + "' is not one of the levels " + this.levels + " of '" + column + "'");
    }
  }

  List<String> levels() {
    return levels;
  }

  String fill() {
    return fill;
  }

  /**
   * The index of the cell's level.
   *
   * @throws DataException for a missing cell without a fill, or a level not seen in training
   */
  int indexOf(String cell, String file, long row, long line) {
    return indexOf(cell, file, row, line, false);
  }

  /**
   * The index of the cell's level, or -1 for a level not seen in training when {@code ignoreUnseen}.
   *
   * @throws DataException for a missing cell without a fill, or (unless ignored) a level not seen
   */
  int indexOf(String cell, String file, long row, long line, boolean ignoreUnseen) {
    if (Cells.isMissing(cell)) {
      if (fill == null) {
        throw Cells.missing(cell, file, row, line, column, true);
      }
      return index.get(fill);
    }
    String value = cell.strip();
    Integer i = index.get(value);
    if (i == null) {
      if (ignoreUnseen) {
        return -1;
      }
      throw new DataException(file, row, line, column, "'" + value + "' is a category the model"
          + " never saw in training; the known levels are " + levels + ". Map the value to one of"
          + " them, or retrain on data that contains it (or with data: {handle_unknown: ignore} to score unseen"
          + " categories as all zeros)");
    }
    return i;
  }
}

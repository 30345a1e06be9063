package dev.lamina.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical column as one-hot indicators, pandas {@code get_dummies}: one feature
 * {@code column_level} per sorted level, 1.0 for the row's level and 0.0 elsewhere; with
 * {@code dropFirst} the first level gets no feature (it is the all-zeros row), as
 * {@code get_dummies(drop_first=True)}, which avoids a redundant column. A category never seen in
 * training is an error, or, with {@code ignoreUnseen} ({@code handle_unknown: ignore}), all zeros.
 */
final class OneHotColumn implements ColumnEncoding {
  static final String KIND = "one_hot";
  /** Key of the unseen-category policy in the saved column (absent: error, as before it existed). */
  static final String HANDLE_UNKNOWN = "handle_unknown";

  private final CategoryLevels levels;
  private final String name;
  private final boolean dropFirst;
  private final List<String> featureNames;
  private final boolean ignoreUnseen;

  /**
   * @param name the column name
   * @param levels sorted distinct levels
   * @param dropFirst whether the first level gets no feature
   * @param fill the level for a missing cell, or null
   * @param ignoreUnseen whether a category never seen in training is all zeros rather than an error
   */
  OneHotColumn(String name, List<String> levels, boolean dropFirst, String fill, boolean ignoreUnseen) {
    this.name = name;
    this.ignoreUnseen = ignoreUnseen;
    this.levels = new CategoryLevels(name, levels, fill);
    this.dropFirst = dropFirst;
    List<String> names = new ArrayList<>();
    for (int i = dropFirst ? 1 : 0; i < levels.size(); i++) {
      names.add(name + "_" + levels.get(i));
    }
    this.featureNames = List.copyOf(names);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public boolean encode(String cell, double[] out, int offset, String file, long row, long line) {
    int level = levels.indexOf(cell, file, row, line, ignoreUnseen);
    int hot = level < 0 ? -1 : level - (dropFirst ? 1 : 0);
    for (int j = 0; j < featureNames.size(); j++) {
      out[offset + j] = j == hot ? 1.0 : 0.0;
    }
    return level >= 0;
  }

  /** Whether a category never seen in training is encoded as all zeros ({@code handle_unknown: ignore}). */
  boolean ignoresUnseen() {
    return ignoreUnseen;
  }

  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("kind", KIND);
    m.put("levels", levels.levels());
    m.put("drop_first", dropFirst);
    m.put("fill", levels.fill());
    if (ignoreUnseen) {
      // Written only when set, so a model refusing unseen categories keeps the format of earlier versions.
      m.put(HANDLE_UNKNOWN, UnknownCategories.Policy.IGNORE.yamlName());
    }
    return m;
  }

  static OneHotColumn fromMap(Map<?, ?> map) {
    String unknown = PlainMaps.optionalString(map, HANDLE_UNKNOWN);
    if (unknown != null && !unknown.equals(UnknownCategories.Policy.IGNORE.yamlName())
        && !unknown.equals(UnknownCategories.Policy.ERROR.yamlName())) {
      throw PlainMaps.bad(HANDLE_UNKNOWN, "expected error or ignore, got '" + unknown + "'");
    }
    return new OneHotColumn(PlainMaps.string(map, "name"), PlainMaps.strings(map, "levels"),
        PlainMaps.bool(map, "drop_first"), PlainMaps.optionalString(map, "fill"),
        UnknownCategories.Policy.IGNORE.yamlName().equals(unknown));
  }
}

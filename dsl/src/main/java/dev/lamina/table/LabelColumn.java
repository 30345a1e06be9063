package dev.lamina.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical column as one feature holding the index of its level among the sorted levels
 * (0..k-1), scikit-learn's {@code LabelEncoder} / {@code OrdinalEncoder}.
 */
final class LabelColumn implements ColumnEncoding {
  static final String KIND = "label";

  private final String name;
  private final CategoryLevels levels;

  /**
   * @param name the column (and feature) name
   * @param levels sorted distinct levels
   * @param fill the level for a missing cell, or null
   */
  LabelColumn(String name, List<String> levels, String fill) {
    this.name = name;
    this.levels = new CategoryLevels(name, levels, fill);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> featureNames() {
    return List.of(name);
  }

  @Override
  public int width() {
    return 1;
  }

  @Override
  public boolean encode(String cell, double[] out, int offset, String file, long row, long line) {
    out[offset] = levels.indexOf(cell, file, row, line);
    return true;
  }

  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("kind", KIND);
    m.put("levels", levels.levels());
    m.put("fill", levels.fill());
    return m;
  }

  static LabelColumn fromMap(Map<?, ?> map) {
    return new LabelColumn(PlainMaps.string(map, "name"), PlainMaps.strings(map, "levels"),
        PlainMaps.optionalString(map, "fill"));
  }
}

package dev.lamina.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A numeric input column: one feature, the cell's value, or {@code fill} when the cell is missing.
 *
 * @param name the column (and feature) name
 * @param fill the fitted fill value, or null when a missing value is an error
 */
record NumericColumn(String name, Double fill) implements ColumnEncoding {
  static final String KIND = "numeric";

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
    if (Cells.isMissing(cell)) {
      if (fill == null) {
        throw Cells.missing(cell, file, row, line, name, false);
      }
      out[offset] = fill;
    } else {
      out[offset] = Cells.parse(cell, file, row, line, name);
    }
    return true;
  }

  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("kind", KIND);
    m.put("fill", fill);
    return m;
  }

  static NumericColumn fromMap(Map<?, ?> map) {
    return new NumericColumn(PlainMaps.string(map, "name"), PlainMaps.optionalNumber(map, "fill"));
  }
}

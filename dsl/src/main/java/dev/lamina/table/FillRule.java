package dev.lamina.table;

import dev.lamina.spec.SpecException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code fill_missing} rule: a constant, or a statistic of the column's non-missing values on
 * the training split only (scikit-learn's {@code SimpleImputer} strategies {@code mean},
 * {@code median}, {@code most_frequent}).
 *
 * <p>Median of an even count is the average of the two middle values (numpy). Mode breaks ties
 * by the smallest value (numbers) or the first in sorted order (categories), as
 * {@code SimpleImputer(strategy="most_frequent")} does. Categorical columns accept only
 * {@code mode}.
 *
 * @param kind which statistic, or {@link Kind#CONSTANT}
 * @param constant the fill value for {@link Kind#CONSTANT}
 */
record FillRule(Kind kind, double constant) {
  /** The rule kinds. */
  enum Kind { CONSTANT, MEAN, MEDIAN, MODE }

  /**
   * Reads a rule as the spec gives it: a number, or {@code mean}, {@code median}, {@code mode}.
   *
   * @throws SpecException for anything else
   */
  static FillRule parse(String column, Object value) {
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return new FillRule(Kind.CONSTANT, n.doubleValue());
    }
    if (value instanceof String s) {
      String key = s.strip().toLowerCase(Locale.ROOT);
      for (Kind k : Kind.values()) {
        if (k != Kind.CONSTANT && k.name().toLowerCase(Locale.ROOT).equals(key)) {
          return new FillRule(k, 0);
        }
      }
      if (!Cells.isMissing(s) && Cells.isNumber(s)) {
        return new FillRule(Kind.CONSTANT, Double.parseDouble(s.strip()));
      }
    }
    throw new SpecException("fill_missing." + column, "expected mean, median, mode or a finite"
        + " number, got '" + value + "'");
  }

  /** The fill value for a numeric column from its non-missing training values. */
  double fitNumeric(double[] values, String file, String column) {
    if (kind == Kind.CONSTANT) {
      return constant;
    }
    if (values.length == 0) {
      throw new DataException(file, 0, 0, column, "every training value is missing, so the "
          + label() + " is undefined; use a constant in fill_missing or drop the column");
    }
    double[] v = values.clone();
    switch (kind) {
      case MEAN:
        double sum = 0;
        for (double x : v) {
          sum += x;
        }
        return sum / v.length;
      case MEDIAN:
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
      default:
        Map<Double, Integer> counts = new TreeMap<>();
        for (double x : v) {
          counts.merge(x == 0 ? 0.0 : x, 1, Integer::sum); // -0.0 and 0.0 are one value
        }
        return bestKey(counts);
    }
  }

  /** The fill level for a categorical column from its non-missing training values. */
  String fitCategory(List<String> values, String file, String column) {
    if (kind != Kind.MODE) {
      throw new SpecException("fill_missing." + column, "column '" + column + "' is categorical,"
          + " so only 'mode' (its most frequent level) can fill it; got '" + describe() + "'");
    }
    if (values.isEmpty()) {
      throw new DataException(file, 0, 0, column, "every training value is missing, so the mode"
          + " is undefined; drop the column");
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (String s : values) {
      counts.merge(s, 1, Integer::sum);
    }
    return bestKey(counts);
  }

  /** The first key (in the map's sorted order) with the highest count. */
  private static <K> K bestKey(Map<K, Integer> counts) {
    K best = null;
    int most = 0;
    for (Map.Entry<K, Integer> e : counts.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }

  private String label() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private String describe() {
    return kind == Kind.CONSTANT ? Double.toString(constant) : label();
  }
}

package dev.lamina.table;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-feature scaling {@code x' = (x - offset) / factor}, fitted on the training split only.
 *
 * <ul>
 *   <li>{@code standard} - scikit-learn's {@code StandardScaler}: offset = mean, factor = the
 *       population standard deviation sqrt(sum((x - mean)^2) / n) (ddof 0).
 *   <li>{@code minmax} - {@code MinMaxScaler} to [0, 1]: offset = min, factor = max - min.
 *   <li>{@code none} - no scaling.
 * </ul>
 *
 * <p>A constant feature gets factor 1, as scikit-learn's {@code _handle_zeros_in_scale}: a factor
 * below {@code 10 * eps}, and for {@code standard} also a variance within rounding error of 0
 * ({@code var <= n * eps * var + (n * mean * eps)^2}, {@code _is_constant_feature}), so a constant
 * column becomes 0 instead of blowing up.
 */
final class Scaler {
  static final String STANDARD = "standard";
  static final String MINMAX = "minmax";
  static final String NONE = "none";
  private static final double EPS = Math.ulp(1.0);
  private static final double TINY_SCALE = 10 * EPS;

  private final String kind;
  private final double[] offset;
  private final double[] factor;

  Scaler(String kind, double[] offset, double[] factor) {
    this.kind = kind;
    this.offset = offset.clone();
    this.factor = factor.clone();
    if (offset.length != factor.length) {
      throw PlainMaps.bad("scale", "offset and factor lengths differ");
    }
  }

  /** The identity on {@code width} features. */
  static Scaler none(int width) {
    double[] ones = new double[width];
    java.util.Arrays.fill(ones, 1.0);
    return new Scaler(NONE, new double[width], ones);
  }

  /**
   * Fits {@code kind} on the first {@code n} rows of the row-major {@code x}, in order.
   *
   * @param overflow makes the error for feature {@code j} whose statistics overflow a double, given
   *     the row {@code k} that holds its value farthest from the others
   */
  static Scaler fitFlat(String kind, double[] x, int n, int width, Overflow overflow) {
    if (NONE.equals(kind)) {
      return none(width);
    }
    double[] offset = new double[width];
    double[] factor = new double[width];
    for (int j = 0; j < width; j++) {
      if (STANDARD.equals(kind)) {
        // Two passes in double: the mean, then the squared deviations from it. A sum or a square
        // beyond 1.8e308 (a value near 1e154 or above) is not rounded to a wrong scale: it is refused.
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += x[k * width + j];
        }
        double mean = sum / n;
        double ss = 0;
        for (int k = 0; k < n; k++) {
          double d = x[k * width + j] - mean;
          ss += d * d;
        }
        double var = ss / n;
        if (!Double.isFinite(mean) || !Double.isFinite(var)) {
          throw overflow.at(j, farthest(x, n, width, j, Double.isFinite(mean) ? mean : 0), "standard");
        }
        boolean constant = var <= n * EPS * var + Math.pow(n * mean * EPS, 2);
        double std = Math.sqrt(var);
        offset[j] = mean;
        factor[j] = constant || std < TINY_SCALE ? 1.0 : std;
      } else if (MINMAX.equals(kind)) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
          min = Math.min(min, x[k * width + j]);
          max = Math.max(max, x[k * width + j]);
        }
        double range = max - min;
        if (!Double.isFinite(range)) {
          throw overflow.at(j, farthest(x, n, width, j, 0), "minmax");
        }
        offset[j] = min;
        factor[j] = range < TINY_SCALE ? 1.0 : range;
      } else {
        throw new IllegalArgumentException("unknown scale " + kind);
      }
    }
    return new Scaler(kind, offset, factor);
  }

  /** The error for a feature whose fitted statistics would overflow. */
  @FunctionalInterface
  interface Overflow {
    /**
     * @param feature the feature's index
     * @param row the index, among the rows fitted on, of its value farthest from {@code center}
     * @param kind the scale being fitted
     */
    RuntimeException at(int feature, int row, String kind);
  }

  private static int farthest(double[] x, int n, int width, int j, double center) {
    int at = 0;
    for (int k = 1; k < n; k++) {
      if (Math.abs(x[k * width + j] - center) > Math.abs(x[at * width + j] - center)) {
        at = k;
      }
    }
    return at;
  }

  String kind() {
    return kind;
  }

  /** Scales {@code x} in place. */
  void apply(double[] x) {
    for (int j = 0; j < x.length; j++) {
      x[j] = (x[j] - offset[j]) / factor[j];
    }
  }

  /** {@link #apply(double[])} on the row of {@code x} that starts at {@code at} (its width values). */
  void apply(double[] x, int at) {
    for (int j = 0; j < offset.length; j++) {
      x[at + j] = (x[at + j] - offset[j]) / factor[j];
    }
  }

  double[] offset() {
    return offset.clone();
  }

  double[] factor() {
    return factor.clone();
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.put("offset", PlainMaps.boxed(offset));
    m.put("factor", PlainMaps.boxed(factor));
    return m;
  }

  static Scaler fromMap(Map<?, ?> map) {
    String kind = PlainMaps.string(map, "kind");
    if (!kind.equals(STANDARD) && !kind.equals(MINMAX) && !kind.equals(NONE)) {
      throw PlainMaps.bad("kind", "expected standard, minmax or none, got '" + kind + "'");
    }
    return new Scaler(kind, PlainMaps.numbers(map, "offset"), PlainMaps.numbers(map, "factor"));
  }
}

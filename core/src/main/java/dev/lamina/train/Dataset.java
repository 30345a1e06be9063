package dev.lamina.train;

/**
 * Rows for training or evaluation, stored flat and row-major: {@code x} is {@code rows x cols},
 * {@code y} is {@code rows x targetCols} (1 for binary labels, regression and sparse class indices;
 * the number of classes for one-hot targets). Optional per-row sample weights.
 *
 * @param x features, row-major
 * @param rows number of rows
 * @param cols number of feature columns
 * @param y targets, row-major
 * @param targetCols number of target columns
 * @param weights per-row sample weights, or null
 */
public record Dataset(double[] x, int rows, int cols, double[] y, int targetCols, double[] weights) {
  /** Checks the sizes agree. */
  public Dataset {
    if (rows < 0 || cols <= 0 || targetCols <= 0) {
      throw new IllegalArgumentException("a dataset needs rows >= 0 and at least one feature and target column");
    }
    if (x.length < (long) rows * cols || y.length < (long) rows * targetCols) {
      throw new IllegalArgumentException("x or y is shorter than rows x columns");
    }
    if (weights != null && weights.length < rows) {
      throw new IllegalArgumentException("weights has " + weights.length + " values for " + rows + " rows");
    }
  }

  /** Features as one array per row and one label per row. */
  public static Dataset of(double[][] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " rows but y has " + y.length + " labels: give one label per row");
    }
    return new Dataset(flatten(x, "x"), x.length, width(x, "x"), y.clone(), 1, null);
  }

  /** Features and multi-column targets (one-hot classes or several regression outputs). */
  public static Dataset of(double[][] x, double[][] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " rows but y has " + y.length + ": give one target row per row");
    }
    return new Dataset(flatten(x, "x"), x.length, width(x, "x"), flatten(y, "y"), width(y, "y"), null);
  }

  /** A copy with per-row sample weights. */
  public Dataset withWeights(double[] w) {
    return new Dataset(x, rows, cols, y, targetCols, w);
  }

  /** Features only (for prediction); the targets are zeros. */
  public static Dataset features(double[][] x) {
    return new Dataset(flatten(x, "x"), x.length, width(x, "x"), new double[x.length], 1, null);
  }

  /** Rows [from, to) as a new dataset (copies). */
  public Dataset slice(int from, int to) {
    double[] xs = java.util.Arrays.copyOfRange(x, from * cols, to * cols);
    double[] ys = java.util.Arrays.copyOfRange(y, from * targetCols, to * targetCols);
    double[] ws = weights == null ? null : java.util.Arrays.copyOfRange(weights, from, to);
    return new Dataset(xs, to - from, cols, ys, targetCols, ws);
  }

  private static int width(double[][] a, String what) {
    if (a.length == 0) {
      throw new IllegalArgumentException(what + " has no rows");
    }
    return a[0].length;
  }

  private static double[] flatten(double[][] a, String what) {
    int w = width(a, what);
    double[] out = new double[a.length * w];
    for (int r = 0; r < a.length; r++) {
      if (a[r].length != w) {
        throw new IllegalArgumentException(what + " row " + r + " has " + a[r].length + " columns, row 0 has " + w
            + ": every row needs the same number of columns");
      }
      System.arraycopy(a[r], 0, out, r * w, w);
    }
    return out;
  }
}

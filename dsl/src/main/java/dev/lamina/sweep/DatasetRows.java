package dev.lamina.sweep;

import dev.lamina.train.Dataset;
import java.io.Serializable;

/**
 * A {@link Dataset}'s arrays in serializable form: what an engine ships to another JVM (a Spark
 * broadcast) and rebuilds there, value for value.
 *
 * @param x the features, row-major
 * @param rows the number of rows
 * @param cols the number of features
 * @param y the targets, row-major
 * @param targetCols the number of targets per row
 * @param weights per-row sample weights, or null
 */
public record DatasetRows(double[] x, int rows, int cols, double[] y, int targetCols, double[] weights)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The arrays of {@code d}, or null for null. */
  public static DatasetRows of(Dataset d) {
    return d == null ? null : new DatasetRows(d.x(), d.rows(), d.cols(), d.y(), d.targetCols(), d.weights());
  }

  /** The data set again. */
  public Dataset dataset() {
    return new Dataset(x, rows, cols, y, targetCols, weights);
  }
}

package dev.lamina.run;

import dev.lamina.model.Model;
import dev.lamina.table.DataException;
import dev.lamina.train.Dataset;

/**
 * The engine's view of prepared rows for one model: the one place that turns the pipeline's
 * targets into what the model's loss reads, and attaches the rows' sample weights. Every
 * training path (a run, each fold of a cross-validation, each trial of a search, each run of a
 * sweep, {@code inspect}) goes through it, so a sample weight or a class index is read the same way
 * everywhere.
 *
 * <p>The pipeline encodes a class column as class indexes {@code 0..k-1} (scikit-learn's
 * {@code LabelEncoder}). {@code categorical_crossentropy} over {@code k > 1} outputs reads one-hot
 * rows (Keras's {@code to_categorical}), so for that loss one index per row becomes a row of
 * {@code k} with a 1 at the index; every other loss reads the targets as they are.
 */
public final class EngineRows {
  private EngineRows() {}

  /**
   * The rows {@code x} (row-major, not copied) with targets {@code y} and sample weights
   * {@code weights} (null: every row weighs 1), encoded for {@code model}'s loss.
   *
   * @throws DataException when a class index is not an integer below the model's output width
   */
  public static Dataset of(Model model, double[] x, int rows, int cols, double[] y, double[] weights) {
    if (rows == 0) {
      // The engine's own message for a data set without rows.
      return Dataset.of(new double[0][], y);
    }
    Dataset d = oneHot(model, rows, y)
        ? new Dataset(x, rows, cols, oneHot(y, rows, model.outputWidth()), model.outputWidth(), null)
        : new Dataset(x, rows, cols, y.clone(), y.length / rows, null);
    return weights == null ? d : d.withWeights(weights);
  }

  /** {@code rows} re-encoded for {@code model}: the same features and weights, targets as its loss reads them. */
  public static Dataset of(Model model, Dataset rows) {
    if (rows == null) {
      return null;
    }
    return of(model, rows.x(), rows.rows(), rows.cols(), rows.y(), rows.weights());
  }

  /** Whether one class index per row must become a one-hot row for {@code model}'s loss. */
  private static boolean oneHot(Model model, int rows, double[] y) {
    return "categorical_crossentropy".equals(model.lossName()) && model.outputWidth() > 1 && y.length == rows;
  }

  private static double[] oneHot(double[] y, int rows, int classes) {
    double[] yy = new double[Math.multiplyExact(rows, classes)];
    for (int i = 0; i < rows; i++) {
      int c = (int) y[i];
      if (c < 0 || c >= classes || c != y[i]) {
        throw new DataException("", "target value " + y[i] + " of training row " + i + " is not a class index below " + classes);
      }
      yy[i * classes + c] = 1;
    }
    return yy;
  }
}

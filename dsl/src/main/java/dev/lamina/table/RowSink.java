package dev.lamina.table;

import java.io.IOException;
import java.util.OptionalDouble;

/**
 * Receives the rows of {@link FittedPipeline#transform(java.nio.file.Path, RowSink)} one at a
 * time, in file order.
 */
@FunctionalInterface
public interface RowSink {
  /**
   * One transformed row.
   *
   * @param rowNumber the 1-based data row of the CSV (header not counted)
   * @param features the row's feature vector, a fresh array the sink may keep
   * @param target the encoded target, or empty when the file has no target column or this row's
   *     target cell is missing or no value of the target ({@code ?}, a class the model never saw):
   *     the target is optional when scoring, so such a row is still scored
   * @throws IOException when the sink's own output fails (it is rethrown unchecked)
   */
  void accept(long rowNumber, double[] features, OptionalDouble target) throws IOException;

  /**
   * Told, before the row's {@link #accept}, of each cell holding a category the model never saw,
   * which a one-hot column with {@code handle_unknown: ignore} encoded as all zeros. Does nothing
   * unless overridden.
   *
   * @param rowNumber the 1-based data row
   * @param column the column's name
   * @param value the cell's value, stripped
   */
  default void unseen(long rowNumber, String column, String value) {
  }
}

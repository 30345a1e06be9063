package dev.lamina.table;

import dev.lamina.spec.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads model inputs straight from CSV columns, for a model that has no fitted data pipeline (an
 * imported Keras model): the named columns in the given order, or else the first {@code width}
 * columns whose first-row value is a number. The values are used as they are (no scaling or
 * encoding: an imported model expects its inputs already prepared as it was trained). Streams in
 * constant memory.
 */
public final class RawFeatures {
  private RawFeatures() {}

  /**
   * Streams each row's features to {@code sink} (the target is always empty).
   *
   * @param width the model's input width
   * @param features the column names to use, in order, or null to take the first numeric columns
   * @throws DataException naming file, row, line and column for a missing column or a non-numeric cell
   */
  public static void stream(Path csv, int width, List<String> features, RowSink sink) {
    try (CsvReader reader = CsvReader.open(csv)) {
      List<String> header = reader.header();
      int[] at = null;
      if (features != null) {
        if (features.size() != width) {
          throw new DataException(reader.file(), "--features names " + features.size() + " columns " + features
              + " but the model takes " + width + " inputs");
        }
        at = new int[width];
        for (int i = 0; i < width; i++) {
          at[i] = header.indexOf(features.get(i));
          if (at[i] < 0) {
            throw new DataException(reader.file(), "has no column '" + features.get(i) + "' (named in --features)."
                + Names.didYouMean(features.get(i), header) + " Columns: " + header);
          }
        }
      }
      while (reader.next()) {
        String[] row = reader.fields();
        if (at == null) {
          at = firstNumeric(reader, header, row, width);
        }
        double[] x = new double[width];
        for (int i = 0; i < width; i++) {
          String cell = row[at[i]];
          if (Cells.isMissing(cell)) {
            throw new DataException(reader.file(), reader.row(), reader.line(), header.get(at[i]),
                "the cell is empty; a model without a data pipeline needs every input value");
          }
          x[i] = Cells.parse(cell, reader.file(), reader.row(), reader.line(), header.get(at[i]));
        }
        sink.accept(reader.row(), x, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int[] firstNumeric(CsvReader reader, List<String> header, String[] row, int width) {
    List<Integer> cols = new ArrayList<>();
    for (int i = 0; i < row.length && cols.size() < width; i++) {
      if (!Cells.isMissing(row[i]) && Cells.isNumber(row[i])) {
        cols.add(i);
      }
    }
    if (cols.size() < width) {
      throw new DataException(reader.file(), "has " + cols.size() + " numeric columns in its first row, but the model"
          + " takes " + width + " inputs; name the input columns with --features a,b,c");
    }
    return cols.stream().mapToInt(Integer::intValue).toArray();
  }
}

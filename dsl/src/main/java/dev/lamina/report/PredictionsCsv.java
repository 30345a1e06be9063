package dev.lamina.report;

import dev.lamina.spec.SpecException;
import java.nio.file.Path;

/**
 * {@code predictions.csv} for a binary model of classes {@code 0} and {@code 1}, from arrays
 * already in memory: columns {@code row,p_1,predicted_class,true_label} ({@code true_label} only
 * when labels are given), class 1 when the probability is strictly greater than the threshold (Keras's
 * {@code predict(x) > 0.5}). The layout and number format are {@link PredictionsWriter}'s, which
 * also serves files too large to hold in memory; the file is written atomically.
 */
public final class PredictionsCsv {
  private PredictionsCsv() {}

  /**
   * Writes one row per element.
   *
   * @param rowIds the row id of each prediction
   * @param probabilities the sigmoid output of each row
   * @param threshold class 1 iff probability &gt; threshold ({@code 0.5} in Keras's examples)
   * @param trueLabels the known labels, or null to omit the {@code true_label} column
   * @throws SpecException if the arrays differ in length
   * @throws java.io.UncheckedIOException if the file cannot be written; the previous one survives
   */
  public static void write(Path file, long[] rowIds, double[] probabilities, double threshold,
      double[] trueLabels) {
    requireLength("probabilities", probabilities.length, rowIds.length);
    if (trueLabels != null) {
      requireLength("trueLabels", trueLabels.length, rowIds.length);
    }
    PredictionsWriter.writeAll(file, trueLabels != null, 1, threshold, out -> {
      double[] one = new double[1];
      for (int i = 0; i < rowIds.length; i++) {
        one[0] = probabilities[i];
        out.write(rowIds[i], one, trueLabels == null ? Double.NaN : trueLabels[i]);
      }
    });
  }

  private static void requireLength(String name, int length, int rows) {
    if (length != rows) {
      throw new SpecException(name, "expected one value per row id (" + rows + "), got "
          + length + "; pass arrays of the same length");
    }
  }
}

package dev.lamina.run;

import dev.lamina.model.Model;
import dev.lamina.persist.ModelFileException;
import dev.lamina.persist.SavedModel;
import dev.lamina.report.PredictionsWriter;
import dev.lamina.table.DataException;
import dev.lamina.table.FittedPipeline;
import dev.lamina.table.RawFeatures;
import dev.lamina.table.RowSink;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Scores a CSV with a saved model in constant memory: rows stream through the model's fitted
 * pipeline in chunks, are predicted in batches, and stream out to the predictions file, which
 * appears atomically when complete.
 */
public final class CsvScorer {
  private static final int CHUNK = 1024;

  private CsvScorer() {}

  /** Scores {@code csv} into {@code out}, reading the rows through the model's pipeline. */
  public static PredictSummary predict(SavedModel saved, Path csv, Path out, Thresholds thresholds) {
    return predict(saved, csv, out, thresholds, null);
  }

  /**
   * Scores {@code csv} into {@code out}. A model with a fitted data pipeline reads the rows through
   * it; a model without one (an imported Keras model) reads the columns named in {@code features},
   * or else the first N numeric columns (N = the model's input width), as they are.
   *
   * @param thresholds the decision thresholds (a binary model's one, a multi-label model's per label)
   * @param features input column names for a model without a pipeline, or null
   * @throws ModelFileException when {@code features} is given for a model that has a pipeline
   * @throws dev.lamina.spec.SpecException at {@code threshold} when {@code thresholds} name a label
   *     the model does not have, or give thresholds per label to a model that is not multi-label
   */
  public static PredictSummary predict(SavedModel saved, Path csv, Path out, Thresholds thresholds,
      List<String> features) {
    Model model = saved.model();
    FittedPipeline pipeline = saved.pipeline();
    if (pipeline != null && features != null) {
      throw new ModelFileException("--features is for models without a data pipeline; this model reads its columns "
          + pipeline.inputColumns() + " through the pipeline it was trained with");
    }
    int in = model.inputWidth();
    Task task = RunTask.of(saved);
    thresholds.check(task);
    double[] x = new double[CHUNK * in];
    long[] rows = new long[CHUNK];
    int t = task.targets().size();
    double[] truth = new double[CHUNK * t];
    Tally tally = new Tally(task, thresholds);
    int[] fill = {0};
    long[] unlabelled = {0, 0}; // the first row without a usable target value, and how many
    boolean withTarget = pipeline != null && pipeline.hasTargetColumn(csv);
    try (PredictionsWriter w = PredictionsWriter.open(out, task, withTarget, thresholds)) {
      RowSink sink = new RowSink() {
        @Override
        public void accept(long rowNumber, double[] f, double[] target) throws IOException {
          int k = fill[0];
          System.arraycopy(f, 0, x, k * in, in);
          rows[k] = rowNumber;
          boolean unknown = false;
          for (int j = 0; j < t; j++) {
            truth[k * t + j] = target == null ? Double.NaN : target[j];
            unknown |= Double.isNaN(truth[k * t + j]);
          }
          if (withTarget && unknown) {
            unlabelled[0] = unlabelled[0] == 0 ? rowNumber : unlabelled[0];
            unlabelled[1]++;
          }
          fill[0] = k + 1;
          if (fill[0] == CHUNK) {
            flush(model, x, rows, truth, CHUNK, w, tally);
            fill[0] = 0;
          }
        }

        @Override
        public void unseen(long rowNumber, String column, String value) {
          tally.unseen(rowNumber, column, value);
        }
      };
      try {
        if (pipeline != null) {
          pipeline.transform(csv, sink);
        } else {
          RawFeatures.stream(csv, in, features, sink);
        }
        flush(model, x, rows, truth, fill[0], w, tally);
      } catch (RuntimeException | IOException e) {
        w.abort(); // never leave half a predictions file, nor replace a previous one
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + out + ": " + e.getMessage(), e);
    }
    if (tally.rows() == 0) {
      throw new DataException(csv.toString(), "has no data rows to score");
    }
    return tally.summary(unlabelled[1], unlabelled[0]);
  }

  private static void flush(Model model, double[] x, long[] rows, double[] truth, int n, PredictionsWriter w,
      Tally tally) throws IOException {
    if (n == 0) {
      return;
    }
    int classes = model.outputWidth();
    int t = truth.length / rows.length;
    double[] p = model.predictFlat(x, n);
    double[] one = new double[classes];
    double[] known = new double[t];
    for (int i = 0; i < n; i++) {
      System.arraycopy(p, i * classes, one, 0, classes);
      System.arraycopy(truth, i * t, known, 0, t);
      w.write(rows[i], one, known);
    }
    tally.add(p, truth, n);
  }
}

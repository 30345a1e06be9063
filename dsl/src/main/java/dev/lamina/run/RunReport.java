package dev.lamina.run;

import dev.lamina.model.Model;
import dev.lamina.persist.ModelFile;
import dev.lamina.report.HistoryFiles;
import dev.lamina.report.MetricsJson;
import dev.lamina.report.Plots;
import dev.lamina.report.PredictionsWriter;
import dev.lamina.table.PreparedMatrices;
import dev.lamina.task.Binary;
import dev.lamina.task.MultiClass;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Regression;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import dev.lamina.train.Dataset;
import dev.lamina.train.TrainingDivergedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report step of a run ({@link Runner#report}): evaluates the trained model on the test rows
 * and writes the run folder, by task. Every task gets {@code metrics.json} (with {@code task} and
 * the test loss and compiled metrics), {@code history.csv}, {@code history.json}, {@code loss.png},
 * one plot per metric, {@code model.lamina} and {@code predictions.csv} in the task's layout
 * ({@link PredictionsWriter}); then binary models add the threshold report of {@link TestReport},
 * multi-class models the labelled confusion matrix ({@code confusion_matrix.png}, also drawn for
 * binary models) and per-class scores keyed by class name, and regressions the report of
 * {@link RegressionReport} (MAE, RMSE, R2; no class, probability or threshold anywhere).
 */
final class RunReport {
  /** Key of the task's kind in {@code metrics.json}. */
  static final String TASK = "task";
  /** Key of a binary model's threshold in {@code metrics.json}. */
  static final String THRESHOLD = "threshold";
  /** Key of a multi-label model's thresholds by label name in {@code metrics.json}. */
  static final String THRESHOLDS = "thresholds";

  private RunReport() {}

  static RunResult write(TrainedRun run) {
    PreparedRun p = run.prepared();
    Model model = p.model();
    Task task = p.task();
    PreparedMatrices data = run.data();
    Path out = p.out();
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put(TASK, task.kind());
    double[] thresholds = run.thresholds().forOutputs(task);
    try (ParallelWrites plots = new ParallelWrites()) {
      Files.createDirectories(out);
      // The training curves need only the history: drawn first, while the test rows are scored.
      Map<String, List<Double>> curves = run.history().asMap();
      plots.submit(() -> Plots.writeLoss(out.resolve("loss.png"), curves));
      for (String m : model.metricNames()) {
        plots.submit(() -> Plots.writeMetric(out.resolve(m + ".png"), curves, m));
      }
      // The test outputs, computed once for the report and predictions.csv.
      double[] scores = null;
      if (data.testCount() > 0) {
        Dataset test = EngineRows.of(model, data.xTest(), data.testCount(), data.featureCount(), data.yTest(), data.wTest());
        model.evaluate(test, p.fit().batchSize()).forEach((k, v) -> metrics.put(MetricsJson.TEST_PREFIX + k, v));
        scores = model.predict(test);
        if (model.lastDivergence() != null) {
          // A diverged model's scores may be non-finite: the report is skipped, the diagnosis follows.
          metrics.put("test_report", "skipped: training diverged");
        } else if (task instanceof Binary b) {
          TestReport.binary(scores, data.yTest(), thresholds[0], b, metrics, out, plots::submit);
        } else if (task instanceof MultiClass m) {
          TestReport.multiClass(scores, data.yTest(), m, metrics, out, plots::submit);
        } else if (task instanceof MultiLabel l) {
          TestReport.multiLabel(scores, l.targets(), data.yTest(), thresholds, metrics);
        } else if (task instanceof Regression r) {
          RegressionReport.write(r, scores, data.yTest(), metrics, out, plots::submit);
        }
      }
      metrics.put("train_seconds", run.seconds());
      metrics.put("epochs_run", run.history().epochs());
      metrics.putAll(run.history().reports());
      metrics.put("seed", model.seed());
      metrics.put("train_rows", data.trainCount());
      metrics.put("test_rows", data.testCount());
      if (task instanceof Binary) {
        metrics.put(THRESHOLD, thresholds[0]);
        metrics.put("threshold_strategy", p.spec().predict().strategy().describe());
      } else if (task instanceof MultiLabel) {
        metrics.put(THRESHOLDS, run.thresholds().byLabel(task));
      }
      if (model.lastDivergence() != null) {
        metrics.put("diverged", model.lastDivergence().message());
      }
      MetricsJson.write(out.resolve("metrics.json"), metrics);
      HistoryFiles.writeCsv(out.resolve("history.csv"), curves);
      HistoryFiles.writeJson(out.resolve("history.json"), curves);
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("lamina_version", Version.current());
      info.put("seed", model.seed());
      info.put("data_file", p.csv().getFileName().toString());
      info.put("data_sha256", p.data().dataSha256().split(" ")[0]); // hashed as read: a pipe is read once
      info.put("metrics", metrics);
      ModelFile.write(out.resolve("model.lamina"), p.spec(), model, data.pipeline(), saved(run.thresholds(), task), info);
      writePredictions(out.resolve("predictions.csv"), task, scores, data, run.thresholds());
      plots.awaitAll();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the run folder " + out + ": " + e.getMessage(), e);
    }
    if (model.lastDivergence() != null) {
      throw new TrainingDivergedException(model.lastDivergence(), "; they are saved in " + out.resolve("model.lamina"));
    }
    return new RunResult(model, run.history(), metrics, out);
  }

  /**
   * The thresholds the model file keeps: one threshold as written, or a multi-label model's every
   * label by name, so the file says each label's threshold without the spec's default.
   */
  private static Thresholds saved(Thresholds t, Task task) {
    return t.single() ? t : Thresholds.of(t.fallback(), t.byLabel(task));
  }

  /** Writes predictions.csv from the test outputs {@code p} ({@code task.outputs()} per row, row-major). */
  private static void writePredictions(Path file, Task task, double[] p, PreparedMatrices data, Thresholds thresholds)
      throws IOException {
    if (data.testCount() == 0) {
      return;
    }
    int k = task.outputs();
    int truths = task.targets().size();
    double[] row = new double[k];
    double[] truth = new double[truths];
    try (PredictionsWriter w = PredictionsWriter.open(file, task, true, thresholds)) {
      for (int i = 0; i < data.testCount(); i++) {
        System.arraycopy(p, i * k, row, 0, k);
        System.arraycopy(data.yTest(), i * truths, truth, 0, truths);
        w.write(data.testRows()[i], row, truth);
      }
    }
  }
}

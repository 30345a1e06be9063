package dev.lamina.run;

import dev.lamina.layer.NativeGemm;
import dev.lamina.layer.Simd;
import dev.lamina.loss.Loss;
import dev.lamina.loss.Losses;
import dev.lamina.model.Model;
import dev.lamina.model.WeightsFile;
import dev.lamina.persist.CheckpointFile;
import dev.lamina.persist.CheckpointFile.Checkpoint;
import dev.lamina.persist.ModelFile;
import dev.lamina.report.HistoryFiles;
import dev.lamina.report.MetricsJson;
import dev.lamina.report.OutputGuard;
import dev.lamina.report.Plots;
import dev.lamina.report.PredictionsWriter;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataException;
import dev.lamina.table.PreparedMatrices;
import dev.lamina.table.TablePipeline;
import dev.lamina.train.Callback;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import dev.lamina.train.TrainingDivergedException;
import dev.lamina.yaml.SpecWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One whole run of a spec, the job behind {@code java -jar builder.jar model.yaml}: prepare the
 * data, build and train the model, evaluate it on the test rows, and write the run folder
 * ({@code metrics.json}, {@code history.csv}, {@code history.json}, {@code loss.png}, one plot per
 * metric, {@code model.lamina}, {@code predictions.csv}), and for classifiers the test report of
 * {@link TestReport} ({@code roc.png}, {@code pr.png}, {@code thresholds.csv} for binary models).
 *
 * <p>A threshold chosen by {@code predict: {threshold: best_f1}} or {@code {recall: r}} is chosen
 * after training on the validation rows (the last {@code validation_split} of the training rows),
 * never on the test rows, and saved in {@code model.lamina}, so {@code predict} uses it.
 */
public final class Runner {
  private Runner() {}

  /**
   * Runs {@code spec} (read from {@code specFile}, whose folder anchors relative paths).
   *
   * @param progress extra callbacks (progress printing), may be empty
   * @param log receives the model summary before training
   * @throws SpecException for an invalid spec, with a path into it
   * @throws DataException for invalid data
   */
  public static RunResult run(RunSpec spec, Path specFile, RunOptions options, List<Callback> progress,
      Consumer<String> log) {
    if (spec.data() == null && options.data() == null) {
      throw new SpecException("data", "the spec has no data section: add data: {csv: ..., target: ...} or pass --data");
    }
    if (spec.data() == null) {
      throw new SpecException("data", "--data needs a data section in the spec that names the target column");
    }
    OutputWidth.check(spec);
    CheckpointPath.check(spec);
    Plots.warmUpInBackground();
    Path base = specFile.toAbsolutePath().getParent();
    Path csv = options.data() != null ? options.data() : resolve(base, spec.data().csv(), "data.csv");
    Path testCsv = spec.data().testCsv() == null ? null : base.resolve(spec.data().testCsv());
    ModelSpec modelSpec = spec.model();
    if (options.seed() != null) {
      modelSpec = modelSpec.withSeed(options.seed());
    }
    Path out = options.resume() != null ? options.resume()
        : options.out() != null ? options.out() : base.resolve("runs").resolve(modelSpec.name());
    OutputGuard.folder(out, options.resume() != null ? "--resume" : options.out() != null ? "--out" : "name",
        options.force());
    Checkpoint resume = null;
    if (options.resume() != null) {
      resume = CheckpointFile.read(options.resume().resolve(CheckpointFile.NAME));
      if (modelSpec.seed() == null) {
        modelSpec = modelSpec.withSeed(resume.state().seed());
      }
    }
    Model model = Model.of(modelSpec);
    // model_checkpoint's filepath is relative to the run folder (its reader refuses absolute paths and "..").
    model.setSaver((m, file) -> {
      createFolder(out);
      WeightsFile.write(m, out.resolve(file));
    });
    PreparedMatrices data = TablePipeline.prepareFlat(spec.data(), csv, testCsv, model.seed());
    checkInputDim(modelSpec, data);
    Fit fit = options.epochs() != null ? spec.fit().withEpochs(options.epochs()) : spec.fit();
    model.ensureBuilt(data.featureCount());
    TrainingChecks.monitors(fit, model.metricNames());
    if (isClassifier(model.lossName())) {
      TrainingChecks.classWeights(fit, model.outputWidth() == 1 ? 2 : model.outputWidth());
      TrainingChecks.targets(csv.toString(), spec.data().target(), spec.data().sampleWeight(), data.yTrain(),
          data.wTrain());
    }
    log.accept(model.summary());
    if (!Simd.enabled() && widestDense(modelSpec) >= WIDE_HINT_UNITS && !NativeGemm.available()) {
      log.accept("hint: layers this wide train about 3x faster with OpenBLAS installed (apt-get install"
          + " libopenblas0-pthread) or on the JDK's Vector API: java --add-modules jdk.incubator.vector -jar"
          + " builder.jar ... (the Vector API gives the same results, bit for bit)\n");
    }

    boolean oneHot = "categorical_crossentropy".equals(model.lossName()) && model.outputWidth() > 1;
    ThresholdStrategy strategy = spec.predict().strategy();
    if (strategy.chosen()) {
      checkChosenThreshold(strategy, fit, model, data);
    }
    if (!oneHot) {
      checkLabels(modelSpec, model.outputWidth(), spec.data().target(), csv.toString(), data.yTrain(), data.trainRows());
      checkLabels(modelSpec, model.outputWidth(), spec.data().target(), testCsv != null ? testCsv.toString() : csv.toString(),
          data.yTest(), data.testRows());
    }
    Dataset train = targets(data.xTrain(), data.trainCount(), data.featureCount(), data.yTrain(), oneHot,
        model.outputWidth());
    if (data.wTrain() != null) {
      train = train.withWeights(data.wTrain());
    }
    int trainRows = data.trainCount();
    if (!strategy.chosen()) {
      // The engine reads the training matrix in place; once training is over, nothing else needs
      // it, so the run lets it go. (A chosen threshold still needs the validation rows after training.)
      data = data.withoutTrainFeatures();
    }
    Checkpoints checkpoints = Checkpoints.NONE;
    if (options.checkpointEvery() > 0 || resume != null) {
      String fingerprint = fingerprint(spec, model, data.dataSha256());
      if (resume != null && !resume.fingerprint().equals(fingerprint)) {
        throw new SpecException("--resume", "the checkpoint in " + options.resume() + " was written by a run of another spec, "
            + "seed or data file; resume with the same spec, --seed and --data, or start a new run without --resume");
      }
      Path ckpt = out.resolve(CheckpointFile.NAME);
      createFolder(out);
      checkpoints = new Checkpoints(options.checkpointEvery(),
          options.checkpointEvery() > 0 ? state -> CheckpointFile.write(ckpt, fingerprint, state) : null,
          resume == null ? null : resume.state());
    }
    long start = System.nanoTime();
    History history;
    try {
      history = model.fit(train, null, fit, checkpoints, progress.toArray(new Callback[0]));
      train = null;
    } catch (IllegalArgumentException e) {
      if (resume != null && e.getMessage() != null && e.getMessage().startsWith("the checkpoint")) {
        throw new SpecException("--resume", e.getMessage());
      }
      throw e;
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    double threshold = spec.predict().threshold();
    if (strategy.chosen()) {
      threshold = chooseOnValidation(strategy, fit, model, data);
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    try (ParallelWrites plots = new ParallelWrites()) {
      Files.createDirectories(out);
      // The test outputs, computed once for the report and predictions.csv.
      double[] scores = null;
      if (data.testCount() > 0) {
        Dataset test = targets(data.xTest(), data.testCount(), data.featureCount(), data.yTest(), oneHot,
            model.outputWidth());
        if (data.wTest() != null) {
          test = test.withWeights(data.wTest());
        }
        model.evaluate(test, fit.batchSize()).forEach((k, v) -> metrics.put("test_" + k, v));
        scores = model.predict(test);
        if (model.lastDivergence() != null) {
          // A diverged model's scores may be non-finite: the report is skipped, the diagnosis follows.
          metrics.put("test_report", "skipped: training diverged");
        } else if (TestReport.isBinary(model, data.yTest())) {
          TestReport.binary(scores, data.yTest(), threshold, metrics, out, plots::submit);
        } else if (model.outputWidth() > 1) {
          TestReport.multiClass(scores, model.outputWidth(), data.yTest(), metrics);
        }
      }
      metrics.put("train_seconds", seconds);
      metrics.put("epochs_run", history.epochs());
      metrics.put("seed", model.seed());
      metrics.put("train_rows", trainRows);
      metrics.put("test_rows", data.testCount());
      metrics.put("threshold", threshold);
      metrics.put("threshold_strategy", strategy.describe());
      if (model.lastDivergence() != null) {
        metrics.put("diverged", model.lastDivergence().message());
      }

      MetricsJson.write(out.resolve("metrics.json"), metrics);
      HistoryFiles.writeCsv(out.resolve("history.csv"), history.asMap());
      HistoryFiles.writeJson(out.resolve("history.json"), history.asMap());
      Map<String, List<Double>> curves = history.asMap();
      plots.submit(() -> Plots.writeLoss(out.resolve("loss.png"), curves));
      for (String m : model.metricNames()) {
        plots.submit(() -> Plots.writeMetric(out.resolve(m + ".png"), curves, m));
      }
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("lamina_version", Version.current());
      info.put("seed", model.seed());
      info.put("data_file", csv.getFileName().toString());
      info.put("data_sha256", data.dataSha256().split(" ")[0]);
      info.put("metrics", metrics);
      ModelFile.write(out.resolve("model.lamina"), new RunSpec(model.spec(), spec.data(), fit, spec.predict()), model, data.pipeline(), threshold, info);
      writePredictions(out.resolve("predictions.csv"), model.outputWidth(), scores, data, threshold);
      plots.awaitAll();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the run folder " + out + ": " + e.getMessage(), e);
    }
    if (model.lastDivergence() != null) {
      throw new TrainingDivergedException(model.lastDivergence(), "; they are saved in " + out.resolve("model.lamina"));
    }
    return new RunResult(model, history, metrics, out);
  }

  private static boolean isClassifier(String loss) {
    return loss != null && loss.endsWith("crossentropy");
  }

  /** A chosen threshold needs a binary model and validation rows; say so before training. */
  private static void checkChosenThreshold(ThresholdStrategy strategy, Fit fit, Model model, PreparedMatrices data) {
    if (model.outputWidth() != 1) {
      throw new SpecException("predict.threshold", "threshold: " + strategy.describe() + " needs a binary model with one "
          + "sigmoid output; this model has " + model.outputWidth() + " outputs and predicts the arg-max class");
    }
    int n = data.trainCount();
    int start = fit.validationStart(n);
    if (fit.validationSplit() == 0 || start >= n) {
      throw new SpecException("predict.threshold", "threshold: " + strategy.describe() + " is chosen on the validation "
          + "split, never on the test rows, but fit has no validation_split. Add fit: {validation_split: 0.2}, or "
          + "give a fixed threshold such as threshold: 0.5");
    }
    boolean positive = false;
    for (int i = start; i < n; i++) {
      positive |= data.yTrain()[i] == 1;
    }
    if (!positive) {
      throw new SpecException("predict.threshold", "the validation split (the last " + (n - start) + " training rows) "
          + "has no row of class 1, so threshold: " + strategy.describe() + " cannot be chosen on it. Use a larger "
          + "validation_split or a fixed threshold");
    }
  }

  /**
   * The threshold {@code strategy} picks on the validation rows: the same last fraction of the
   * training rows that {@code fit} held out (Keras's {@code validation_split}), never a test row.
   */
  static double chooseOnValidation(ThresholdStrategy strategy, Fit fit, Model model, PreparedMatrices data) {
    int n = data.trainCount();
    int f = data.featureCount();
    int start = fit.validationStart(n);
    double[] x = java.util.Arrays.copyOfRange(data.xTrain(), start * f, n * f);
    double[] y = java.util.Arrays.copyOfRange(data.yTrain(), start, n);
    double t = strategy.choose(model.predictProbabilities(new Dataset(x, n - start, f, new double[n - start], 1, null)), y);
    if (!(t > 0 && t < 1)) {
      throw new SpecException("predict.threshold", "threshold: " + strategy.describe() + " chose " + t
          + " on the validation rows, outside (0, 1); use a fixed threshold");
    }
    return t;
  }

  /**
   * What a checkpoint must match to be resumed: the spec with its seed (epochs left out, so a
   * resumed run may train longer) and the bytes of the data files.
   */
  private static String fingerprint(RunSpec spec, Model model, String dataSha256) {
    String text = SpecWriter.write(new RunSpec(model.spec(), spec.data(), spec.fit().withEpochs(1), spec.predict()));
    return Hashes.sha256(text) + " " + dataSha256;
  }

  private static void createFolder(Path out) {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the run folder " + out + ": " + e.getMessage(), e);
    }
  }

  private static Path resolve(Path base, String file, String key) {
    if (file == null) {
      throw new SpecException(key, "no CSV given: set data.csv in the spec or pass --data FILE");
    }
    return base.resolve(file).normalize();
  }

  /** A declared input_dim that differs from the encoded data: list the columns the data gives. */
  /** Width from which {@link #run} suggests the Vector API kernels: where they pay off clearly. */
  private static final int WIDE_HINT_UNITS = 64;

  private static int widestDense(ModelSpec spec) {
    int widest = 0;
    for (LayerSpec layer : spec.layers()) {
      if (layer instanceof DenseSpec d) {
        widest = Math.max(widest, d.units());
      }
    }
    return widest;
  }

  private static void checkInputDim(ModelSpec spec, PreparedMatrices data) {
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec l = spec.layers().get(i);
      if (l instanceof DenseSpec d) {
        if (d.inputDim() != null && d.inputDim() != data.featureCount()) {
          throw new SpecException("layers[" + i + "].dense.input_dim", "layer " + i + " (Dense): input_dim is " + d.inputDim()
              + " but the data has " + data.featureCount() + " feature columns after encoding: "
              + String.join(", ", data.featureNames()) + ". Set input_dim: " + data.featureCount() + " or leave it out");
        }
        return;
      }
    }
  }

  /** A label the loss cannot take, named by its CSV file, row and column (the engine knows only its index). */
  private static void checkLabels(ModelSpec spec, int outputs, String target, String file, double[] y, long[] rows) {
    Loss loss = Losses.create(spec.compile().loss(), "compile.loss");
    for (int i = 0; i < y.length; i++) {
      String problem = loss.checkTarget(y[i], outputs);
      if (problem != null) {
        throw new DataException(file, rows[i], 0, target, problem);
      }
    }
  }

  /** The engine's view of {@code rows} rows of the row-major {@code x} (not copied) and their targets. */
  private static Dataset targets(double[] x, int rows, int cols, double[] y, boolean oneHot, int classes) {
    if (rows == 0) {
      // The engine's own message for a data set without rows.
      return Dataset.of(new double[0][], y);
    }
    if (!oneHot) {
      return new Dataset(x, rows, cols, y.clone(), 1, null);
    }
    double[] yy = new double[Math.multiplyExact(rows, classes)];
    for (int i = 0; i < rows; i++) {
      int c = (int) y[i];
      if (c < 0 || c >= classes || c != y[i]) {
        throw new DataException("", "target value " + y[i] + " of training row " + i + " is not a class index below " + classes);
      }
      yy[i * classes + c] = 1;
    }
    return new Dataset(x, rows, cols, yy, classes, null);
  }

  /** Writes predictions.csv from the test outputs {@code p} ({@code classes} per row, row-major). */
  private static void writePredictions(Path file, int classes, double[] p, PreparedMatrices data, double threshold)
      throws IOException {
    if (data.testCount() == 0) {
      return;
    }
    double[] row = new double[classes];
    try (PredictionsWriter w = PredictionsWriter.open(file, true, classes, threshold)) {
      for (int i = 0; i < data.testCount(); i++) {
        System.arraycopy(p, i * classes, row, 0, classes);
        w.write(data.testRows()[i], row, data.yTest()[i]);
      }
    }
  }
}

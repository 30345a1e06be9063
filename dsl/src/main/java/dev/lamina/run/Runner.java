package dev.lamina.run;

import dev.lamina.layer.NativeGemm;
import dev.lamina.layer.Simd;
import dev.lamina.loss.Loss;
import dev.lamina.loss.Losses;
import dev.lamina.model.Model;
import dev.lamina.model.WeightsFile;
import dev.lamina.persist.CheckpointFile.Checkpoint;
import dev.lamina.persist.CheckpointFile;
import dev.lamina.report.MetricsJson;
import dev.lamina.report.OutputGuard;
import dev.lamina.report.Plots;
import dev.lamina.runspec.RunSpec;
import dev.lamina.runspec.ThresholdStrategy;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataException;
import dev.lamina.table.PreparedMatrices;
import dev.lamina.table.TablePipeline;
import dev.lamina.task.Binary;
import dev.lamina.task.MultiClass;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
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
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.function.Consumer;

/**
 * One whole run of a spec, the job behind {@code java -jar builder.jar model.yaml}: prepare the
 * data, build and train the model, evaluate it on the test rows, and write the run folder
 * ({@code metrics.json}, {@code history.csv}, {@code history.json}, {@code loss.png}, one plot per
 * metric, {@code model.lamina}, {@code predictions.csv}), and for classifiers the test report of
 * {@link TestReport} ({@code roc.png}, {@code pr.png}, {@code thresholds.csv} for binary models).
 *
 * <p>Three steps, each usable alone (cross-validation trains one prepared run per fold):
 * {@link #prepare} (data, model, {@link Task}, checks), {@link #train} (fit, threshold) and
 * {@link #report} (evaluate on the test rows, write the run folder by task).
 *
 * <p>A threshold chosen by {@code predict: {threshold: best_f1}} or {@code {recall: r}} is chosen
 * after training on the validation rows (the last {@code validation_split} of the training rows),
 * never on the test rows, and saved in {@code model.lamina}, so {@code predict} uses it.
 */
public final class Runner {
  private Runner() {}

  /**
   * Runs {@code spec} (read from {@code specFile}, whose folder anchors relative paths): 
   * {@link #prepare}, {@link #train}, {@link #report}.
   *
   * @param progress extra callbacks (progress printing), may be empty
   * @param log receives the model summary before training
   * @throws SpecException for an invalid spec, with a path into it
   * @throws DataException for invalid data
   */
  public static RunResult run(RunSpec spec, Path specFile, RunOptions options, List<Callback> progress,
      Consumer<String> log) {
    PreparedRun prepared = prepare(spec, specFile, options, log);
    Fit fit = prepared.fit();
    if (fit.crossValidation() == null) {
      return report(train(prepared, progress));
    }
    CrossValidator.Result cv = CrossValidator.run(prepared.spec().model(), prepared.spec().data(), fit, prepared.csv(),
        prepared.testCsv(), prepared.model().seed());
    log.accept(crossValidationLine(cv) + "\n");
    if (!fit.crossValidation().refit()) {
      return crossValidationOnly(cv, fit, prepared.model(), prepared.data().trainCount(), prepared.out());
    }
    TrainedRun trained = train(prepared, progress);
    // train_seconds counts every training of the run: the folds' and the final one's.
    RunResult r = report(new TrainedRun(trained.prepared(), trained.history(), trained.seconds() + cv.seconds(),
        trained.thresholds(), trained.data()));
    Map<String, Object> metrics = new LinkedHashMap<>(r.metrics());
    metrics.put(CrossValidator.KEY, cv.asMap(fit.crossValidation()));
    MetricsJson.write(r.outDir().resolve("metrics.json"), metrics);
    return new RunResult(r.model(), r.history(), metrics, r.outDir());
  }

  /**
   * The first step: reads and splits the data, builds the model, decides the {@link Task} and
   * checks everything that needs no training (the metrics against the task, the labels against
   * the loss, a chosen threshold against the validation split).
   *
   * @param log receives the model summary
   * @throws SpecException for an invalid spec, with a path into it
   * @throws DataException for invalid data
   */
  public static PreparedRun prepare(RunSpec spec, Path specFile, RunOptions options, Consumer<String> log) {
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
    try (TrainingWarmUp warmUp = TrainingWarmUp.start(modelSpec, model, spec.fit().batchSize())) {
      return prepareData(spec, specFile, options, log, modelSpec, model, csv, testCsv, out, resume);
    }
  }

  /** {@link #prepare}'s reading of the data and its checks, with the model built and the run folder chosen. */
  private static PreparedRun prepareData(RunSpec spec, Path specFile, RunOptions options, Consumer<String> log,
      ModelSpec modelSpec, Model model, Path csv, Path testCsv, Path out, Checkpoint resume) {
    // model_checkpoint's filepath is relative to the run folder (CheckpointPath refuses absolute paths and "..").
    model.setSaver((m, file) -> {
      createFolder(out);
      WeightsFile.write(m, out.resolve(file));
    });
    PreparedMatrices data = TablePipeline.prepareFlat(spec.data(), csv, testCsv, model.seed());
    checkInputDim(modelSpec, data);
    Fit fit = options.epochs() != null ? spec.fit().withEpochs(options.epochs()) : spec.fit();
    model.ensureBuilt(data.featureCount());
    List<String> targets = spec.data().targets();
    String testFile = testCsv != null ? testCsv.toString() : csv.toString();
    if (targets.size() > 1 && "binary_crossentropy".equals(model.lossName())) {
      TrainingChecks.labels(csv.toString(), targets, data.pipeline(), data.yTrain(), data.trainRows());
      TrainingChecks.labels(testFile, targets, data.pipeline(), data.yTest(), data.testRows());
    }
    Task task = RunTask.decide(model, data);
    task.checkMetrics(model.spec().compile());
    if (spec.data().positiveClass() != null && !(task instanceof Binary)) {
      throw new SpecException("data.positive_class", "positive_class names the positive class of a binary classifier"
          + " (one sigmoid output, binary_crossentropy), but this model is a " + task.describe()
          + "; remove positive_class");
    }
    TrainingChecks.monitors(fit, model.metricNames());
    // The spec keeps class_weight's names (saved in model.lamina); training gets class numbers.
    Fit training = TrainingChecks.classWeights(fit, task);
    if (model.lossName() != null && model.lossName().endsWith("crossentropy")) {
      TrainingChecks.targets(csv.toString(), targets, spec.data().sampleWeight(), data.yTrain(), data.wTrain());
    }
    log.accept(model.summary());
    if (task instanceof Binary binary) {
      log.accept(positiveClassLine(binary, spec.data().positiveClass() != null));
    }
    if (!Simd.enabled() && widestDense(modelSpec) >= WIDE_HINT_UNITS && !NativeGemm.available()) {
      log.accept("hint: layers this wide train about 3x faster with OpenBLAS installed (apt-get install"
          + " libopenblas0-pthread) or on the JDK's Vector API: java --add-modules jdk.incubator.vector -jar"
          + " builder.jar ... (the Vector API gives the same results, bit for bit)\n");
    }
    try {
      spec.predict().thresholds().check(task);
    } catch (SpecException e) {
      throw new SpecException("predict." + e.path(), e.detail());
    }
    ThresholdStrategy strategy = spec.predict().strategy();
    if (strategy.chosen()) {
      checkChosenThreshold(strategy, fit, model, task, data);
    }
    if (!oneHot(task, model)) {
      checkLabels(modelSpec, model.outputWidth(), targets, csv.toString(), data.yTrain(), data.trainRows());
      checkLabels(modelSpec, model.outputWidth(), targets, testFile, data.yTest(), data.testRows());
    }
    RunSpec resolved = new RunSpec(model.spec(), spec.data(), fit, spec.predict());
    return new PreparedRun(resolved, task, model, data, training, csv, testCsv, out, options, resume);
  }

  /**
   * The second step: trains the model of {@code run} on its training rows (resuming from or
   * writing checkpoints when asked), then chooses the threshold on the validation rows when the
   * spec asks for a chosen one.
   *
   * @param progress extra callbacks (progress printing), may be empty
   */
  public static TrainedRun train(PreparedRun run, List<Callback> progress) {
    Model model = run.model();
    PreparedMatrices data = run.data();
    Dataset train = EngineRows.of(model, data.xTrain(), data.trainCount(), data.featureCount(), data.yTrain(), data.wTrain());
    ThresholdStrategy strategy = run.spec().predict().strategy();
    if (!strategy.chosen()) {
      // The engine reads the training matrix in place; once training is over, nothing else needs
      // it, so the run lets it go. (A chosen threshold still needs the validation rows after training.)
      data = data.withoutTrainFeatures();
    }
    Checkpoints checkpoints = checkpoints(run);
    long start = System.nanoTime();
    History history;
    try {
      history = model.fit(train, null, run.fit(), checkpoints, progress.toArray(new Callback[0]));
      train = null;
    } catch (IllegalArgumentException e) {
      if (run.resume() != null && e.getMessage() != null && e.getMessage().startsWith("the checkpoint")) {
        throw new SpecException("--resume", e.getMessage());
      }
      throw e;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Thresholds thresholds = run.spec().predict().thresholds();
    if (strategy.chosen()) {
      thresholds = Thresholds.of(chooseOnValidation(strategy, run.fit(), model, data));
    }
    return new TrainedRun(run, history, seconds, thresholds, data);
  }

  /**
   * The third step: evaluates the trained model on the test rows and writes the run folder by
   * the task (see {@link RunReport}).
   *
   * @throws TrainingDivergedException when training diverged, after the folder is written
   */
  public static RunResult report(TrainedRun run) {
    return RunReport.write(run);
  }

  private static Checkpoints checkpoints(PreparedRun run) {
    RunOptions options = run.options();
    if (options.checkpointEvery() <= 0 && run.resume() == null) {
      return Checkpoints.NONE;
    }
    String fingerprint = fingerprint(run.spec(), run.model(), run.data().dataSha256());
    if (run.resume() != null && !run.resume().fingerprint().equals(fingerprint)) {
      throw new SpecException("--resume", "the checkpoint in " + options.resume() + " was written by a run of another spec, "
          + "seed or data file; resume with the same spec, --seed and --data, or start a new run without --resume");
    }
    Path ckpt = run.out().resolve(CheckpointFile.NAME);
    createFolder(run.out());
    return new Checkpoints(options.checkpointEvery(),
        options.checkpointEvery() > 0 ? state -> CheckpointFile.write(ckpt, fingerprint, state) : null,
        run.resume() == null ? null : run.resume().state());
  }

  /** Whether the targets go to the engine one-hot (categorical cross-entropy over several classes). */
  private static boolean oneHot(Task task, Model model) {
    return task instanceof MultiClass && "categorical_crossentropy".equals(model.lossName());
  }

  /** {@code cross-validation (5 folds): loss 0.3412 +- 0.0121, accuracy 0.8581 +- 0.0094}. */
  private static String crossValidationLine(CrossValidator.Result cv) {
    StringBuilder sb = new StringBuilder("cross-validation (" + cv.folds().size() + " folds):");
    String sep = " ";
    for (String k : cv.mean().keySet()) {
      sb.append(sep).append(k).append(' ').append(String.format(java.util.Locale.ROOT, "%.4f +- %.4f", cv.mean().get(k),
          cv.sd().get(k)));
      sep = ", ";
    }
    return sb.toString();
  }

  /** With {@code refit: false}: metrics.json holds the folds' results and no model is trained on all rows. */
  private static RunResult crossValidationOnly(CrossValidator.Result cv, Fit fit, Model model, int trainRows, Path out) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("train_seconds", cv.seconds());
    metrics.put("seed", model.seed());
    metrics.put("train_rows", trainRows);
    metrics.put(CrossValidator.KEY, cv.asMap(fit.crossValidation()));
    createFolder(out);
    MetricsJson.write(out.resolve("metrics.json"), metrics);
    return new RunResult(null, null, metrics, out);
  }

  /** A chosen threshold needs a binary model and validation rows; say so before training. */
  private static void checkChosenThreshold(ThresholdStrategy strategy, Fit fit, Model model, Task task,
      PreparedMatrices data) {
    if (!(task instanceof Binary)) {
      throw new SpecException("predict.threshold", "threshold: " + strategy.describe() + " needs a binary model with one "
          + "sigmoid output; this model is a " + task.describe()
          + (task instanceof MultiClass ? " and predicts the most probable class" : ""));
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
   * The summary's line naming the class the probability, precision, recall and threshold describe
   * (scikit-learn's {@code pos_label}), so a text target's sorted order is never a surprise.
   */
  static String positiveClassLine(Binary task, boolean chosen) {
    return "positive class: " + task.classes().get(1) + (chosen ? " (data.positive_class)"
        : " (the second of " + task.classes().get(0) + ", " + task.classes().get(1)
        + " in sorted order; data: {positive_class: " + task.classes().get(0) + "} makes it the other)") + "\n";
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

  static int widestDense(ModelSpec spec) {
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

  /**
   * A label the loss cannot take, named by its CSV file, row and column (the engine knows only its
   * index); {@code y} is row-major, one value per target.
   */
  private static void checkLabels(ModelSpec spec, int outputs, List<String> targets, String file, double[] y,
      long[] rows) {
    Loss loss = Losses.create(spec.compile().loss(), "compile.loss");
    int k = targets.size();
    for (int i = 0; i < y.length; i++) {
      String problem = loss.checkTarget(y[i], outputs);
      if (problem != null) {
        throw new DataException(file, rows[i / k], 0, targets.get(i % k), problem);
      }
    }
  }
}

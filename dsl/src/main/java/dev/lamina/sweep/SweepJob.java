package dev.lamina.sweep;

import dev.lamina.diagnose.Diagnosis;
import dev.lamina.diagnose.Diagnostics;
import dev.lamina.metric.Metrics;
import dev.lamina.model.Model;
import dev.lamina.report.OutputGuard;
import dev.lamina.runspec.RunSpec;
import dev.lamina.run.RunTask;
import dev.lamina.run.TrainingChecks;
import dev.lamina.spec.SpecException;
import dev.lamina.table.PreparedData;
import dev.lamina.table.TablePipeline;
import dev.lamina.task.Task;
import dev.lamina.train.Dataset;
import dev.lamina.yaml.ParsedSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The whole {@code sweep} command: read the {@code sweep:} section, check every value, prepare the
 * data once (the split uses the spec's seed, so every run sees the same rows), plan the runs, run
 * them on an engine, measure each cell at initialization, analyze, and write the report.
 */
public final class SweepJob {
  /** The base seed when the spec gives none, so a sweep is reproducible by default. */
  public static final long DEFAULT_BASE_SEED = 42;
  /** Rows of the batch the per-layer statistics at initialization are measured on. */
  public static final int INSPECT_ROWS = 256;

  private SweepJob() {}

  /**
   * Options of a sweep.
   *
   * @param out the output folder, or null for {@code runs/<name>-sweep/} beside the spec
   * @param data a CSV replacing the spec's, or null
   * @param epochs epochs replacing the fit section's, or null
   * @param seeds repeats replacing the sweep section's, or null
   * @param force whether the sweep may write into a folder that holds files of something else ({@code --force})
   */
  public record Options(Path out, Path data, Integer epochs, Integer seeds, boolean force) {
    /** Options without {@code --force}. */
    public Options(Path out, Path data, Integer epochs, Integer seeds) {
      this(out, data, epochs, seeds, false);
    }
  }

  /**
   * What a sweep produced.
   *
   * @param results one per run, in plan order
   * @param statistics the analysis
   * @param outDir where the files are
   * @param seconds wall time of the training phase
   */
  public record Outcome(List<SweepResult> results, SweepStatistics statistics, Path outDir, double seconds) {}

  /**
   * Runs the sweep of {@code parsed} on {@code engine}.
   *
   * @param progress given the number of runs, returns the listener of finished runs
   */
  public static Outcome run(ParsedSpec parsed, Options options, SweepEngine engine, IntFunction<Consumer<SweepResult>> progress) {
    SweepSpec sweep = SweepSpec.parse(parsed.sweep());
    if (options.seeds() != null) {
      sweep = new SweepSpec(sweep.axes(), options.seeds(), sweep.targetLoss(), sweep.monitor());
    }
    RunSpec base = parsed.spec();
    if (base.data() == null) {
      throw new SpecException("data", "a sweep trains on data: add data: {csv: ..., target: ...}");
    }
    if (base.model().compile() == null) {
      throw new SpecException("compile", "a sweep trains: add compile: {optimizer: adam, loss: binary_crossentropy}");
    }
    if (options.epochs() != null) {
      base = new RunSpec(base.model(), base.data(), base.fit().withEpochs(options.epochs()), base.predict());
    }
    SweepOverrides.validate(sweep, base);
    Path out = options.out() != null ? options.out()
        : parsed.resolve("runs").resolve(base.model().name() + "-sweep");
    OutputGuard.folder(out, options.out() != null ? "--out" : "name", options.force());
    long baseSeed = base.model().seed() != null ? base.model().seed() : DEFAULT_BASE_SEED;
    Path csv = options.data() != null ? options.data() : parsed.resolve(requireCsv(base));
    Path testCsv = base.data().testCsv() == null ? null : parsed.resolve(base.data().testCsv());
    PreparedData data = TablePipeline.prepare(base.data(), csv, testCsv, baseSeed);
    Model probe = Model.of(base.model().withSeed(baseSeed), data.featureNames().size());
    Task task = RunTask.decide(probe, data.pipeline(), data.yTrain(), data.yTest());
    task.checkMetrics(base.model().compile());
    base = new RunSpec(base.model(), base.data(), TrainingChecks.classWeights(base.fit(), task), base.predict());
    boolean higher = rankHigher(sweep, base, probe);
    // Class indexes and sample weights as the pipeline encoded them; each run encodes them for its model.
    Dataset train = data.trainSet().withWeights(data.wTrain());
    Dataset test = data.xTest().length == 0 ? null : data.testSet().withWeights(data.wTest());
    List<SweepRun> runs = SweepPlanner.plan(sweep, baseSeed);

    long start = System.nanoTime();
    List<SweepResult> results = engine.execute(runs, new SweepTrainer(base, sweep.axes(), train, test),
        progress.apply(runs.size()));
    double seconds = (System.nanoTime() - start) / 1e9;

    SweepStatistics stats = SweepStatistics.of(sweep, results, higher);
    Map<Integer, Diagnosis> init = initialStatistics(base, sweep, runs, train);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sweep folder " + out + ": " + e.getMessage(), e);
    }
    SweepReport.write(out, base.model().name(), sweep, results, stats, init);
    return new Outcome(results, stats, out, seconds);
  }

  /**
   * Whether the sweep's monitor ranks higher values first, as its metric says; the default ranking
   * (the best val_loss) is a loss.
   *
   * @throws SpecException at {@code sweep.monitor} for a key that is neither the loss nor a compiled
   *     metric, or a {@code val_} key when the fit has no validation rows
   */
  private static boolean rankHigher(SweepSpec sweep, RunSpec base, Model probe) {
    if (sweep.monitor() == null) {
      return false;
    }
    Boolean higher = Metrics.higherIsBetter(sweep.monitor(), base.model().compile(), probe.outputWidth());
    if (higher == null) {
      throw new SpecException("sweep.monitor", "monitor '" + sweep.monitor() + "' is neither the loss nor a compiled"
          + " metric; use loss, val_loss or one of " + probe.metricNames() + " (with val_ for the validation rows)");
    }
    if (sweep.monitor().startsWith("val_") && !(base.fit().validationSplit() > 0)) {
      throw new SpecException("sweep.monitor", "monitor '" + sweep.monitor() + "' is measured on validation rows, and"
          + " the fit has none: add fit: {validation_split: 0.2}");
    }
    return higher;
  }

  private static String requireCsv(RunSpec base) {
    if (base.data().csv() == null) {
      throw new SpecException("data.csv", "no CSV given: set data.csv in the spec or pass --data FILE");
    }
    return base.data().csv();
  }

  /** Each cell's model at initialization (repeat 0's seed, after LSUV when asked) on the first training rows. */
  static Map<Integer, Diagnosis> initialStatistics(RunSpec base, SweepSpec sweep, List<SweepRun> runs, Dataset train) {
    Map<Integer, Diagnosis> out = new LinkedHashMap<>();
    Dataset batch = train.slice(0, Math.min(INSPECT_ROWS, train.rows()));
    List<SweepRun> firsts = new ArrayList<>();
    for (SweepRun r : runs) {
      if (r.repeat() == 0) {
        firsts.add(r);
      }
    }
    for (SweepRun r : firsts) {
      try {
        RunSpec cell = SweepOverrides.apply(base, sweep.axes(), r.values());
        Model m = Model.of(cell.model().withSeed(r.seed()), train.cols());
        m.initializeDataDependent(train.x(), train.rows());
        out.put(r.cell(), Diagnostics.inspect(m, batch));
      } catch (RuntimeException e) {
        // A cell that cannot even be built is already reported as failed runs; no statistics for it.
      }
    }
    return out;
  }
}

package dev.lamina.tune;

import dev.lamina.model.Model;
import dev.lamina.report.OutputGuard;
import dev.lamina.run.Hashes;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.sweep.DatasetRows;
import dev.lamina.sweep.SweepEngine;
import dev.lamina.table.PreparedMatrices;
import dev.lamina.table.TablePipeline;
import dev.lamina.train.CrossValidation;
import dev.lamina.yaml.ParsedSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole {@code tune} command (the Oracle of KerasTuner's Oracle/Tuner pair): read the
 * {@code tune:} section, plan every setting, check every trial's spec, prepare the data once (every
 * trial sees the same rows), run the rungs on an engine, rank, and write the report.
 */
public final class TuneJob {
  /** The spec seed when the spec gives none, so a search is reproducible by default. */
  public static final long DEFAULT_SEED = 42;

  private TuneJob() {}

  /**
   * Options of a search.
   *
   * @param out the output folder, or null for {@code runs/<name>-tune/} beside the spec
   * @param data a CSV replacing the spec's, or null
   * @param epochs epochs replacing {@code fit.epochs} (the full budget), or null
   * @param resume whether to continue the search journaled in the output folder
   * @param force whether the search may write into a folder that holds files of something else ({@code --force})
   */
  public record Options(Path out, Path data, Integer epochs, boolean resume, boolean force) {
    /** Options without {@code --force}. */
    public Options(Path out, Path data, Integer epochs, boolean resume) {
      this(out, data, epochs, resume, false);
    }
  }

  /**
   * What a search produced.
   *
   * @param spec the search section
   * @param trials every trial, in trial order
   * @param results every task's result, rung by rung, in trial order within a rung
   * @param ranking the trials best first (furthest rung, then objective, then trial number)
   * @param outDir where the files are
   * @param seconds wall time of the training phase
   */
  public record Outcome(TuneSpec spec, List<Trial> trials, List<TrialResult> results, List<TrialSummary> ranking,
      Path outDir, double seconds) {
    /** The best trial. */
    public TrialSummary best() {
      return ranking.get(0);
    }
  }

  /**
   * Runs the search of {@code parsed} on {@code engine}.
   *
   * @param progress given the number of tasks of a rung and its budget, returns that rung's listener
   */
  public static Outcome run(ParsedSpec parsed, Options options, SweepEngine engine, RungProgress progress) {
    RunSpec base = parsed.spec();
    if (base.data() == null) {
      throw new SpecException("data", "a search trains on data: add data: {csv: ..., target: ...}");
    }
    if (base.model().compile() == null) {
      throw new SpecException("compile", "a search trains: add compile: {optimizer: adam, loss: binary_crossentropy}");
    }
    TuneSpec tune = TuneSpec.parse(parsed.tune(), base.model().compile());
    if (options.epochs() != null) {
      base = new RunSpec(base.model(), base.data(), base.fit().withEpochs(options.epochs()), base.predict());
    }
    long seed = base.model().seed() != null ? base.model().seed() : DEFAULT_SEED;
    base = new RunSpec(base.model().withSeed(seed), base.data(), base.fit(), base.predict());
    SuccessiveHalving schedule = tune.schedule(base.fit().epochs());
    List<Trial> trials = TrialSpecs.build(base, tune.space(), Sampler.plan(tune, seed));

    Path csv = options.data() != null ? options.data() : parsed.resolve(requireCsv(base));
    Path testCsv = base.data().testCsv() == null ? null : parsed.resolve(base.data().testCsv());
    Prepared prepared = splits(base, csv, testCsv, seed);
    List<EvaluationSplit> splits = prepared.splits();
    check(trials, tune, splits.get(0).train().cols(), base.fit().crossValidation() != null);

    Path out = options.out() != null ? options.out() : parsed.resolve("runs").resolve(base.model().name() + "-tune");
    OutputGuard.folder(out, options.out() != null ? "--out" : "name", options.force());
    TrialTrainer trainer = new TrialTrainer(splits, tune.objective(), tune.seeds(), String.join(", ", base.data().targets()),
        prepared.classes());
    List<TrialResult> results = new ArrayList<>();
    long start = System.nanoTime();
    try (TuneJournal journal = TuneJournal.open(out, fingerprint(parsed, base, prepared.dataSha256(), testCsv), options.resume())) {
      List<Integer> alive = new ArrayList<>();
      for (Trial t : trials) {
        alive.add(t.index());
      }
      List<Integer> budgets = schedule.budgets();
      for (int rung = 0; rung < budgets.size() && !alive.isEmpty(); rung++) {
        List<TrialResult> rungResults = runRung(engine, trainer, trials, alive, rung, budgets.get(rung), journal,
            progress.forRung(rung, budgets.get(rung), alive.size()));
        results.addAll(rungResults);
        if (rung < budgets.size() - 1) {
          alive = promote(rungResults, tune.objective(), schedule.promoted(rungResults.size()));
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<TrialSummary> ranking = TrialSummary.rank(trials, results, tune.objective(), schedule.budgets().size() - 1);
    Outcome o = new Outcome(tune, trials, results, ranking, out, seconds);
    TuneReport.write(o, base, parsed);
    return o;
  }

  /** The listener of one rung's finished tasks. */
  @FunctionalInterface
  public interface RungProgress {
    /** The listener of rung {@code rung} ({@code tasks} trainings of {@code epochs} epochs). */
    Consumer<TrialResult> forRung(int rung, int epochs, int tasks);
  }

  private static List<TrialResult> runRung(SweepEngine engine, TrialTrainer trainer, List<Trial> trials,
      List<Integer> alive, int rung, int epochs, TuneJournal journal, Consumer<TrialResult> progress) {
    List<TrialRun> todo = new ArrayList<>();
    for (int t : alive) {
      if (journal.finished(t, rung) == null) {
        todo.add(new TrialRun(t, rung, epochs, trials.get(t).yaml()));
      }
    }
    List<TrialResult> ran = engine.map(todo, trainer, r -> {
      journal.accept(r);
      progress.accept(r);
    });
    List<TrialResult> out = new ArrayList<>();
    int k = 0;
    for (int t : alive) {
      TrialResult r = journal.finished(t, rung);
      out.add(r != null ? r : ran.get(k++));
    }
    return out;
  }

  /**
   * The trials promoted from a rung: the best {@code n} that did not fail, by the objective, ties
   * to the lower trial number; returned in trial order.
   */
  static List<Integer> promote(List<TrialResult> rung, Objective objective, int n) {
    List<TrialResult> ok = new ArrayList<>(rung.stream().filter(r -> !r.failed()).toList());
    ok.sort(Comparator.<TrialResult, Double>comparing(TrialResult::objective, objective::compare)
        .thenComparingInt(TrialResult::trial));
    List<Integer> keep = new ArrayList<>();
    for (TrialResult r : ok.subList(0, Math.min(n, ok.size()))) {
      keep.add(r.trial());
    }
    keep.sort(null);
    return keep;
  }

  /**
   * Builds every distinct trial model on the data's width, so a name no registry knows or a layer
   * that cannot be built fails now, at its place in the spec; and checks that the objective will
   * exist in the history.
   */
  private static void check(List<Trial> trials, TuneSpec tune, int features, boolean folds) {
    Set<String> seen = new HashSet<>();
    for (Trial t : trials) {
      if (!seen.add(t.yaml())) {
        continue;
      }
      Model m;
      try {
        m = Model.of(t.spec().model(), features);
      } catch (SpecException e) {
        throw TrialSpecs.blame(e, tune.space(), t.values(), t.written(), t.index());
      }
      if (t.spec().fit().validationSplit() == 0 && !folds) {
        throw new SpecException("fit.validation_split", "a search ranks trials on held-out rows, but trial " + t.index()
            + " has no validation_split: add fit: {validation_split: 0.2} or fit: {cross_validation: {folds: 5}}");
      }
      String metric = tune.objective().metric().substring("val_".length());
      if (!metric.equals("loss") && !m.metricNames().contains(metric)) {
        throw new SpecException("tune.metric", "the history will have val_loss" + (m.metricNames().isEmpty() ? "" : ", val_"
            + String.join(", val_", m.metricNames())) + " but not " + tune.objective().metric() + "; add " + metric
            + " to compile.metrics or rank by one of those");
      }
    }
  }

  /**
   * The rows every trial trains on, prepared once: the holdout (the training rows, validation by
   * {@code fit.validation_split}, and the test rows), or with {@code fit.cross_validation} one split
   * per fold, each encoded by a pipeline fitted on the fold's training rows (then no test rows:
   * retrain {@code best.yaml} for the winner's test metrics); and the target's class names (none
   * for a numeric target), which {@code class_weight} names.
   */
  private static Prepared splits(RunSpec base, Path csv, Path testCsv, long seed) {
    CrossValidation cv = base.fit().crossValidation();
    if (cv == null) {
      PreparedMatrices data = TablePipeline.prepareFlat(base.data(), csv, testCsv, seed);
      return new Prepared(List.of(new EvaluationSplit("holdout", trainRows(data), null,
          data.testCount() == 0 ? null : testRows(data))), data.dataSha256(),
          data.pipeline().targetClasses());
    }
    List<EvaluationSplit> out = new ArrayList<>();
    List<PreparedMatrices> folds = TablePipeline.prepareFolds(base.data(), csv, testCsv, seed, cv);
    for (int i = 0; i < folds.size(); i++) {
      PreparedMatrices f = folds.get(i);
      out.add(new EvaluationSplit("fold " + (i % cv.folds()) + " of repeat " + (i / cv.folds()),
          trainRows(f), testRows(f), null));
    }
    return new Prepared(out, folds.get(0).dataSha256(), folds.get(0).pipeline().targetClasses());
  }

  /**
   * The rows every trial trains on, and the SHA-256 of the training CSV's bytes as the pipeline
   * read them: a pipe ({@code --data <(cat f.csv)}) can be read once only, so it is never read
   * again to be hashed.
   */
  private record Prepared(List<EvaluationSplit> splits, String dataSha256, List<String> classes) {}

  /** The training rows as the pipeline encoded them (class indexes, sample weights); each trial encodes them for its model. */
  private static DatasetRows trainRows(PreparedMatrices d) {
    return new DatasetRows(d.xTrain(), d.trainCount(), d.featureCount(), d.yTrain(), targetCols(d.yTrain(), d.trainCount()),
        d.wTrain());
  }

  /** The held-out or test rows, like {@link #trainRows}. */
  private static DatasetRows testRows(PreparedMatrices d) {
    return new DatasetRows(d.xTest(), d.testCount(), d.featureCount(), d.yTest(), targetCols(d.yTest(), d.testCount()),
        d.wTest());
  }

  private static int targetCols(double[] y, int rows) {
    return rows == 0 ? 1 : y.length / rows;
  }

  private static String requireCsv(RunSpec base) {
    if (base.data().csv() == null) {
      throw new SpecException("data.csv", "no CSV given: set data.csv in the spec or pass --data FILE");
    }
    return base.data().csv();
  }

  /**
   * What a journal must match to be resumed: the spec, the search section and the data files'
   * bytes (the training CSV's hashed as it was read; a test CSV that is a regular file hashed here,
   * one that is a pipe was consumed by the pipeline and is left out, as the run's own checkpoints
   * leave it out).
   */
  private static String fingerprint(ParsedSpec parsed, RunSpec base, String dataSha256, Path testCsv) {
    try {
      return Hashes.sha256(dev.lamina.yaml.SpecWriter.write(base) + "\n" + parsed.tune()) + " " + dataSha256
          + (testCsv == null || !Files.isRegularFile(testCsv) ? "" : " " + Hashes.sha256(testCsv));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + testCsv + ": " + e.getMessage(), e);
    }
  }
}

package dev.lamina.tune;

import dev.lamina.model.Model;
import dev.lamina.random.Rng;
import dev.lamina.run.EngineRows;
import dev.lamina.runspec.RunSpec;
import dev.lamina.sweep.SweepEngine;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import dev.lamina.yaml.SpecReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains one {@link TrialRun}: the trial's spec at the run's budget, once per seed and split, and
 * reports the mean objective (the Tuner of KerasTuner's Oracle/Tuner pair: it trains, the
 * {@link TuneJob} decides). Holds only read-only, serializable data, so it is safe on several
 * threads and ships to a cluster as it is; a failed or diverged training fails the trial, it never
 * throws.
 *
 * <p>Seeds: unit 0 trains with the spec's own seed (so {@code best.yaml} retrains the winner
 * exactly); repeat {@code r > 0} with {@code Rng.derive(seed, "tune/repeat/r")}. Every trial uses
 * the same seeds (common random numbers), so two settings differ by their settings, not their luck.
 *
 * @param splits the rows of each training (one holdout, or the folds)
 * @param objective what ranks trials
 * @param seeds trainings per split
 * @param target the target column, for messages
 * @param classes the target's class names in class order ({@code class_weight} names them), or
 *     empty for a numeric target, whose classes are their numbers
 */
public record TrialTrainer(List<EvaluationSplit> splits, Objective objective, int seeds, String target,
    List<String> classes) implements SweepEngine.Task<TrialRun, TrialResult> {
  /** Freezes the lists. */
  public TrialTrainer {
    splits = List.copyOf(splits);
    classes = List.copyOf(classes);
  }

  /** The model seed of repeat {@code r} under the spec's seed. */
  public static long seedOf(long specSeed, int r) {
    return r == 0 ? specSeed : Rng.derive(specSeed, "tune/repeat/" + r);
  }

  @Override
  public TrialResult apply(TrialRun run) {
    long start = System.nanoTime();
    List<Double> units = new ArrayList<>();
    Map<String, List<Double>> metrics = new LinkedHashMap<>();
    List<double[]> curves = new ArrayList<>();
    try {
      RunSpec spec = SpecReader.read(run.specYaml(), "trial-" + run.trial()).spec();
      long specSeed = spec.model().seed() != null ? spec.model().seed() : TuneJob.DEFAULT_SEED;
      for (int r = 0; r < seeds; r++) {
        for (EvaluationSplit split : splits) {
          String failure = train(spec, seedOf(specSeed, r), run.epochs(), split, units, metrics, curves);
          if (failure != null) {
            return failed(run, start, (splits.size() > 1 || seeds > 1 ? split.name() + ", seed " + r + ": " : "") + failure);
          }
        }
      }
    } catch (RuntimeException e) {
      return failed(run, start, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    double[] u = units.stream().mapToDouble(Double::doubleValue).toArray();
    Map<String, Double> means = new LinkedHashMap<>();
    metrics.forEach((k, v) -> means.put(k, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
    return new TrialResult(run.trial(), run.rung(), run.epochs(), false, mean(u), u, means, meanCurve(curves),
        seconds(start), "");
  }

  /** Trains one unit; returns why it failed, or null. */
  private String train(RunSpec spec, long seed, int epochs, EvaluationSplit split, List<Double> units,
      Map<String, List<Double>> metrics, List<double[]> curves) {
    Model model = Model.of(spec.model().withSeed(seed), split.train().cols());
    Dataset train = EngineRows.of(model, split.train().dataset());
    Dataset validation = split.validation() == null ? null : EngineRows.of(model, split.validation().dataset());
    Fit fit = spec.fit().withEpochs(epochs);
    if (fit.classWeight() != null && !classes.isEmpty()) {
      // The trial's spec keeps class_weight's names (best.yaml is retrained as written); training reads numbers.
      fit = fit.classWeight(fit.classWeight().resolve(target, classes));
    }
    if (validation != null) {
      fit = fit.validationSplit(0);
    }
    History h = model.fit(train, validation, fit);
    if (model.lastDivergence() != null) {
      return "diverged: " + model.lastDivergence().message();
    }
    if (!h.keys().contains(objective.metric())) {
      return "the history has no " + objective.metric() + " (it has " + String.join(", ", h.keys()) + ")";
    }
    double[] curve = h.get(objective.metric()).stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray();
    double last = curve[curve.length - 1];
    if (!Double.isFinite(last)) {
      return objective.metric() + " is " + last + " after " + curve.length + " epochs";
    }
    units.add(last);
    curves.add(curve);
    for (String k : h.keys()) {
      if (k.startsWith("val_")) {
        metrics.computeIfAbsent(k, x -> new ArrayList<>()).add(h.last(k));
      }
    }
    if (split.test() != null && split.test().rows() > 0) {
      model.evaluate(EngineRows.of(model, split.test().dataset()), fit.batchSize())
          .forEach((k, v) -> metrics.computeIfAbsent("test_" + k, x -> new ArrayList<>()).add(v));
    }
    return null;
  }

  private static TrialResult failed(TrialRun run, long start, String error) {
    return new TrialResult(run.trial(), run.rung(), run.epochs(), true, Double.NaN, new double[0], Map.of(),
        new double[0], seconds(start), error);
  }

  private static double[] meanCurve(List<double[]> curves) {
    int n = curves.stream().mapToInt(c -> c.length).max().orElse(0);
    double[] out = new double[n];
    for (int e = 0; e < n; e++) {
      double s = 0;
      int k = 0;
      for (double[] c : curves) {
        if (c.length > e) {
          s += c[e];
          k++;
        }
      }
      out[e] = s / k;
    }
    return out;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}

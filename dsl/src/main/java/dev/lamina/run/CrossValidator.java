package dev.lamina.run;

import dev.lamina.model.Model;
import dev.lamina.spec.ModelSpec;
import dev.lamina.table.DataSpec;
import dev.lamina.table.PreparedMatrices;
import dev.lamina.table.TablePipeline;
import dev.lamina.train.CrossValidation;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-validation of one run ({@code fit: {cross_validation: {...}}}): prepares each fold with
 * {@link TablePipeline#prepareFolds} (the pipeline refitted on the fold's training rows), trains a
 * fresh model of the run's seed on the fold's training rows with the fold's own rows as validation
 * data ({@code validation_split} is not applied again inside a fold), and scores it on them, as
 * scikit-learn's {@code cross_validate} does. The folds train one after the other; each training
 * uses the kernel threads as any run does.
 *
 * <p>What {@code metrics.json} gets under {@value #KEY}: {@code folds} (each fold's repeat, fold,
 * row counts and metrics: {@code loss} and every compiled metric on its held-out rows),
 * {@code mean} and {@code sd} (sample standard deviation, n - 1) of each metric over the folds,
 * and {@code seconds}.
 */
public final class CrossValidator {
  /** The key of the cross-validation's results in {@code metrics.json}. */
  public static final String KEY = "cross_validation";

  private CrossValidator() {}

  /**
   * The folds' results.
   *
   * @param folds each fold's metrics on its held-out rows, repeat by repeat, fold by fold
   * @param mean each metric's mean over the folds
   * @param sd each metric's sample standard deviation over the folds
   * @param seconds wall time of the folds' trainings
   */
  public record Result(List<Map<String, Object>> folds, Map<String, Double> mean, Map<String, Double> sd,
      double seconds) {
    /** The entry written to {@code metrics.json}. */
    public Map<String, Object> asMap(CrossValidation cv) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("folds_per_repeat", cv.folds());
      m.put("repeats", cv.repeats());
      m.put("stratified", cv.stratified());
      m.put("refit", cv.refit());
      m.put("mean", mean);
      m.put("sd", sd);
      m.put("seconds", seconds);
      m.put("folds", folds);
      return m;
    }
  }

  /** Cross-validates {@code model} trained with {@code fit} on the training rows of {@code data}. */
  public static Result run(ModelSpec model, DataSpec data, Fit fit, Path csv, Path testCsv, long seed) {
    CrossValidation cv = fit.crossValidation();
    List<PreparedMatrices> folds = TablePipeline.prepareFolds(data, csv, testCsv, seed, cv);
    long start = System.nanoTime();
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, List<Double>> values = new LinkedHashMap<>();
    Fit inner = fit.validationSplit(0).crossValidation(null);
    for (int i = 0; i < folds.size(); i++) {
      PreparedMatrices f = folds.get(i);
      Model m = Model.of(model.withSeed(seed));
      m.ensureBuilt(f.featureCount());
      Dataset train = EngineRows.of(m, f.xTrain(), f.trainCount(), f.featureCount(), f.yTrain(), f.wTrain());
      Dataset held = EngineRows.of(m, f.xTest(), f.testCount(), f.featureCount(), f.yTest(), f.wTest());
      m.fit(train, held, inner);
      Map<String, Double> scores = m.evaluate(held, inner.batchSize());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("repeat", i / cv.folds());
      entry.put("fold", i % cv.folds());
      entry.put("train_rows", f.trainCount());
      entry.put("val_rows", f.testCount());
      entry.putAll(scores);
      out.add(entry);
      scores.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> mean = new LinkedHashMap<>();
    Map<String, Double> sd = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      double mu = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      double ss = v.stream().mapToDouble(x -> (x - mu) * (x - mu)).sum();
      mean.put(k, mu);
      sd.put(k, v.size() > 1 ? Math.sqrt(ss / (v.size() - 1)) : 0.0);
    });
    return new Result(out, mean, sd, seconds);
  }
}

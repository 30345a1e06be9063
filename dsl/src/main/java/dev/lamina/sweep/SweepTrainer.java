package dev.lamina.sweep;

import dev.lamina.metric.Metrics;
import dev.lamina.model.Model;
import dev.lamina.run.EngineRows;
import dev.lamina.run.RegressionReport;
import dev.lamina.runspec.RunSpec;
import dev.lamina.task.Regression;
import dev.lamina.task.Task;
import dev.lamina.train.Dataset;
import dev.lamina.train.History;
import dev.lamina.yaml.SpecReader;
import dev.lamina.yaml.SpecWriter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains one run on data prepared once for the whole sweep (the same split for every run, from
 * the spec's seed): applies the cell's values, builds the model with the run's seed, fits with the
 * spec's fit section (callbacks included) and a divergence guard, and evaluates on the test split.
 *
 * <p>Shares the data read-only between threads. A cluster engine ships the trainer to its workers
 * once (a Spark broadcast) and each worker rebuilds it: the serial form is the spec as canonical
 * YAML ({@link SpecWriter}, which round-trips exactly), the axes and the prepared rows as arrays,
 * so a rebuilt trainer trains every run exactly as this one does.
 */
public final class SweepTrainer implements RunTrainer {
  private static final long serialVersionUID = 1L;
  private final transient RunSpec base;
  private final transient List<SweepAxis> axes;
  private final transient Dataset train;
  private final transient Dataset test;

  /** What a trainer is rebuilt from on another JVM: plain, serializable data only. */
  private record Form(String specYaml, List<SweepAxis> axes, DatasetRows train, DatasetRows test) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      RunSpec spec = SpecReader.read(specYaml, "sweep-spec").spec();
      return new SweepTrainer(spec, axes, train.dataset(), test == null ? null : test.dataset());
    }
  }

  /**
   * @param base the spec the sweep varies
   * @param axes the swept fields
   * @param train the training rows (validation is split off them as the fit section says)
   * @param test the test rows, or null
   */
  public SweepTrainer(RunSpec base, List<SweepAxis> axes, Dataset train, Dataset test) {
    this.base = base;
    this.axes = List.copyOf(axes);
    this.train = train;
    this.test = test;
  }

  /** Java serialization writes the {@link Form} instead of this object. */
  private Object writeReplace() {
    return new Form(SpecWriter.write(base), new ArrayList<>(axes), DatasetRows.of(train), DatasetRows.of(test));
  }

  @Override
  public SweepResult train(SweepRun run) {
    long start = System.nanoTime();
    double[] none = new double[0];
    try {
      RunSpec rs = SweepOverrides.apply(base, axes, run.values());
      Model model = Model.of(rs.model().withSeed(run.seed()), train.cols());
      Dataset test = EngineRows.of(model, this.test);
      DivergenceGuard guard = new DivergenceGuard();
      History h = model.fit(EngineRows.of(model, train), null, rs.fit(), guard);
      double[] loss = array(h.get("loss"));
      double[] val = h.keys().contains("val_loss") ? array(h.get("val_loss")) : loss;
      RunStatus status = guard.diverged() || !allFinite(loss) || !allFinite(val) ? RunStatus.DIVERGED : RunStatus.OK;
      double best = Double.NaN;
      for (double v : val) {
        best = Double.isNaN(best) || v < best ? v : best;
      }
      double testLoss = Double.NaN;
      double testAccuracy = Double.NaN;
      Map<String, Double> scores = bestOfEachKey(h, rs, model);
      if (test != null && test.rows() > 0 && status == RunStatus.OK) {
        Map<String, Double> m = model.evaluate(test, rs.fit().batchSize());
        testLoss = m.get("loss");
        testAccuracy = m.getOrDefault("accuracy", Double.NaN);
        m.forEach((k, v) -> scores.put("test_" + k, v));
        if (!Task.CLASSIFICATION_LOSSES.contains(model.lossName())) {
          scores.putAll(RegressionReport.scores(new Regression(targetNames(model.outputWidth())), model.predict(test),
              test.y()));
        }
        if (!Double.isFinite(testLoss)) {
          status = RunStatus.DIVERGED;
        }
      }
      return new SweepResult(run, status, best, val.length == 0 ? Double.NaN : val[val.length - 1], testLoss,
          testAccuracy, h.epochs(), seconds(start), loss, val, "", scores);
    } catch (RuntimeException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new SweepResult(run, RunStatus.FAILED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, seconds(start),
          none, none, msg);
    }
  }

  /** {@code best_<key>} for every history key: its best value over the epochs, in the direction its metric says. */
  private static Map<String, Double> bestOfEachKey(History h, RunSpec rs, Model model) {
    Map<String, Double> best = new LinkedHashMap<>();
    for (String key : h.keys()) {
      Boolean higher = Metrics.higherIsBetter(key, rs.model().compile(), model.outputWidth());
      double b = Double.NaN;
      for (double v : array(h.get(key))) {
        if (!Double.isNaN(v) && (Double.isNaN(b) || (higher != null && higher ? v > b : v < b))) {
          b = v;
        }
      }
      best.put("best_" + key, b);
    }
    return best;
  }

  private static List<String> targetNames(int outputs) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < outputs; j++) {
      names.add("output_" + j);
    }
    return names;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double[] array(List<Double> l) {
    double[] a = new double[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i) == null ? Double.NaN : l.get(i);
    }
    return a;
  }

  private static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}

package dev.lamina.tune;

import dev.lamina.metric.Metrics;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.SpecException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a search ranks trials by: a key of the training history measured on held-out rows
 * ({@code val_loss} by default; {@code val_accuracy}, {@code val_auc}, ...) at the last epoch
 * trained, averaged over seeds and folds. Never a test metric: the test rows judge the winner,
 * they do not choose it.
 *
 * @param metric the history key
 * @param higherIsBetter whether larger values rank first
 */
public record Objective(String metric, boolean higherIsBetter) implements Serializable {
  /** The metric when {@code tune.metric} is not given. */
  public static final String DEFAULT_METRIC = "val_loss";

  /**
   * The objective of {@code metric} for a model compiled with {@code compile}: which way is better
   * comes from {@link Metrics#higherIsBetter(String, CompileSpec, int)}, the rule the callbacks'
   * {@code mode: auto} and the sweep use.
   *
   * @throws SpecException (path {@code tune.metric}) when no compiled metric has that name
   */
  public static Objective of(String metric, CompileSpec compile) {
    Boolean higher = compile == null ? null : Metrics.higherIsBetter(metric, compile, 1);
    if (higher == null) {
      List<String> keys = new ArrayList<>(List.of("val_loss"));
      if (compile != null) {
        compile.metrics().forEach(c -> keys.add("val_" + c.name()));
        compile.weightedMetrics().forEach(c -> keys.add("val_weighted_" + c.name()));
      }
      String name = metric.substring(metric.startsWith("val_") ? 4 : 0);
      throw new SpecException("tune.metric", "the history will have " + String.join(", ", keys) + " but not " + metric
          + "; add " + name + " to compile.metrics or rank by one of those");
    }
    return new Objective(metric, higher);
  }

  /** Negative when {@code a} ranks before {@code b}; NaN ranks last. */
  public int compare(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
    }
    return higherIsBetter ? Double.compare(b, a) : Double.compare(a, b);
  }

  /** "lower is better" or "higher is better". */
  public String direction() {
    return higherIsBetter ? "higher is better" : "lower is better";
  }
}

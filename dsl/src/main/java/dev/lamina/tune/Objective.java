package dev.lamina.tune;

import java.io.Serializable;

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
   * The objective of {@code metric}: larger is better for accuracy-like keys (ending in
   * {@code accuracy}, {@code acc}, {@code auc}, {@code precision}, {@code recall}), as in the
   * callbacks' {@code mode: auto}; smaller for losses and errors.
   */
  public static Objective of(String metric) {
    boolean higher = metric.endsWith("accuracy") || metric.endsWith("acc") || metric.endsWith("auc")
        || metric.endsWith("precision") || metric.endsWith("recall");
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

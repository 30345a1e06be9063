package dev.lamina.train;

import dev.lamina.spec.SpecException;

/**
 * The improvement rule shared by EarlyStopping, ReduceLROnPlateau and ModelCheckpoint (Keras 3's
 * {@code MonitorCallback}): in {@code min} mode a value improves when
 * {@code current + |min_delta| < best}, in {@code max} mode when {@code current - |min_delta| > best}.
 * {@code auto} asks the training which way is better when it begins (Keras 3's
 * {@code _set_monitor_op}): min for a loss, and for a metric what the metric says
 * ({@link dev.lamina.metric.Metric#higherIsBetter()}: max for accuracy or R2, min for MAE);
 * a key the training does not know (no compiled metric of that name) is minimized.
 */
final class Monitor {
  private final String key;
  private final String mode;
  private boolean minimize;
  private final double minDelta;
  private double best;

  Monitor(String key, String mode, double minDelta, String path) {
    this.key = key;
    this.minDelta = Math.abs(minDelta);
    this.mode = mode;
    this.minimize = switch (mode) {
      case "min", "auto" -> true;
      case "max" -> false;
      default -> throw new SpecException(path + ".mode", "mode must be auto, min or max, got '" + mode + "'");
    };
    reset();
  }

  /** At the start of training: resolves {@code auto} from what {@code context} says of the key, and resets. */
  void begin(TrainingContext context) {
    if (mode.equals("auto")) {
      Boolean higher = context.higherIsBetter(key);
      minimize = higher == null || !higher;
    }
    reset();
  }

  void reset() {
    best = minimize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  String key() {
    return key;
  }

  boolean minimize() {
    return minimize;
  }

  double best() {
    return best;
  }

  /** Restores the best value (from a checkpoint). */
  void setBest(double best) {
    this.best = best;
  }

  /** Whether {@code current} improves on the best so far (updating it when so). */
  boolean improves(double current) {
    boolean better = minimize ? current + minDelta < best : current - minDelta > best;
    if (Double.isInfinite(best) && !Double.isNaN(current)) {
      better = true; // the first value always counts, as in Keras
    }
    if (better) {
      best = current;
    }
    return better;
  }

  /** Whether {@code current} beats {@code reference} (no state change). */
  boolean beats(double current, double reference) {
    return minimize ? current < reference : current > reference;
  }
}

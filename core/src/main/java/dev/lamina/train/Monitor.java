package dev.lamina.train;

import dev.lamina.spec.SpecException;

/**
 * The improvement rule shared by EarlyStopping, ReduceLROnPlateau and ModelCheckpoint (Keras 3's
 * {@code MonitorCallback}): in {@code min} mode a value improves when
 * {@code current + |min_delta| < best}, in {@code max} mode when {@code current - |min_delta| > best};
 * {@code auto} means min for keys ending in {@code loss} and max for accuracy-like metrics.
 */
final class Monitor {
  private final String key;
  private final boolean minimize;
  private final double minDelta;
  private double best;

  Monitor(String key, String mode, double minDelta, String path) {
    this.key = key;
    this.minDelta = Math.abs(minDelta);
    this.minimize = switch (mode) {
      case "min" -> true;
      case "max" -> false;
      case "auto" -> !(key.endsWith("accuracy") || key.endsWith("acc") || key.endsWith("auc")
          || key.endsWith("precision") || key.endsWith("recall"));
      default -> throw new SpecException(path + ".mode", "mode must be auto, min or max, got '" + mode + "'");
    };
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

package dev.lamina.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras 3's {@code EarlyStopping}: stops when {@code monitor} has not improved for {@code patience}
 * epochs. Defaults: monitor {@code val_loss}, min_delta 0, patience 0, mode auto, no baseline,
 * restore_best_weights false, start_from_epoch 0. With restore_best_weights, the best epoch's
 * weights are put back at the end of training whenever a best was recorded (Keras 3 behaviour;
 * Keras &lt;= 2.15 restored only after an actual early stop).
 */
public final class EarlyStopping implements StatefulCallback {
  private final Monitor monitor;
  private final int patience;
  private final Double baseline;
  private final boolean restoreBestWeights;
  private final int startFromEpoch;
  private TrainingContext context;
  private int wait;
  private int stoppedEpoch = -1;
  private int bestEpoch = -1;
  private double[][] bestWeights;

  /** An early-stopping rule; see the class comment for the meaning of each argument. */
  public EarlyStopping(String monitor, double minDelta, int patience, String mode, Double baseline,
      boolean restoreBestWeights, int startFromEpoch, String path) {
    if (patience < 0) {
      throw new dev.lamina.spec.SpecException(path + ".patience", "patience must be >= 0, got " + patience);
    }
    this.monitor = new Monitor(monitor, mode, minDelta, path);
    this.patience = patience;
    this.baseline = baseline;
    this.restoreBestWeights = restoreBestWeights;
    this.startFromEpoch = startFromEpoch;
  }

  @Override
  public void onTrainBegin(TrainingContext context, int epochs, int stepsPerEpoch) {
    this.context = context;
    wait = 0;
    stoppedEpoch = -1;
    bestEpoch = -1;
    bestWeights = null;
    monitor.begin(context);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Double current = logs.get(monitor.key());
    if (current == null || epoch < startFromEpoch) {
      return;
    }
    wait++;
    if (monitor.improves(current)) {
      bestEpoch = epoch;
      if (restoreBestWeights) {
        bestWeights = context.snapshotWeights();
      }
      if (baseline == null || monitor.beats(current, baseline)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      context.stopTraining();
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> lastLogs) {
    if (restoreBestWeights && bestWeights != null) {
      context.restoreWeights(bestWeights);
    }
  }

  @Override
  public Map<String, double[]> saveState() {
    Map<String, double[]> s = new LinkedHashMap<>();
    s.put("counters", new double[] {wait, stoppedEpoch, bestEpoch, monitor.best()});
    if (bestWeights != null) {
      for (int i = 0; i < bestWeights.length; i++) {
        s.put("best_weights/" + i, bestWeights[i].clone());
      }
    }
    return s;
  }

  @Override
  public void restoreState(Map<String, double[]> state) {
    double[] c = state.get("counters");
    wait = (int) c[0];
    stoppedEpoch = (int) c[1];
    bestEpoch = (int) c[2];
    monitor.setBest(c[3]);
    int n = 0;
    while (state.containsKey("best_weights/" + n)) {
      n++;
    }
    bestWeights = n == 0 ? null : new double[n][];
    for (int i = 0; i < n; i++) {
      bestWeights[i] = state.get("best_weights/" + i).clone();
    }
  }

  /** Key of {@link #report()}. */
  public static final String REPORT_KEY = "early_stopping";

  /**
   * {@code early_stopping: {monitor, best_epoch, best_value, stopped_epoch, restored_best_weights}},
   * epochs counted from 1 as the progress bar shows them; {@code stopped_epoch} is null when
   * training ran all its epochs, {@code best_epoch} null when the monitor never had a value.
   */
  @Override
  public Map<String, Object> report() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("monitor", monitor.key());
    r.put("best_epoch", bestEpoch < 0 ? null : bestEpoch + 1);
    r.put("best_value", bestEpoch < 0 ? null : monitor.best());
    r.put("stopped_epoch", stoppedEpoch < 0 ? null : stoppedEpoch + 1);
    r.put("restored_best_weights", restoreBestWeights && bestWeights != null);
    return Map.of(REPORT_KEY, r);
  }

  /** The epoch (0-based) at which training was stopped, or -1. */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** The epoch (0-based) with the best monitored value, or -1. */
  public int bestEpoch() {
    return bestEpoch;
  }
}

package dev.lamina.train;

import dev.lamina.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code ReduceLROnPlateau}: when {@code monitor} has not improved for {@code patience}
 * epochs (outside the cooldown), lr = max(lr * factor, min_lr). Defaults: monitor val_loss,
 * factor 0.1, patience 10, mode auto, min_delta 1e-4, cooldown 0, min_lr 0. Adds
 * {@code learning_rate} to the epoch logs.
 */
public final class ReduceLROnPlateau implements StatefulCallback {
  private final Monitor monitor;
  private final double factor;
  private final int patience;
  private final int cooldown;
  private final double minLr;
  private TrainingContext context;
  private int wait;
  private int cooldownCounter;

  /** A plateau rule; see the class comment. */
  public ReduceLROnPlateau(String monitor, double factor, int patience, String mode, double minDelta,
      int cooldown, double minLr, String path) {
    if (!(factor < 1.0) || !(factor > 0)) {
      throw new SpecException(path + ".factor", "factor must be in (0, 1) (the learning rate is multiplied by it), got " + factor);
    }
    this.monitor = new Monitor(monitor, mode, minDelta, path);
    this.factor = factor;
    this.patience = patience;
    this.cooldown = cooldown;
    this.minLr = minLr;
  }

  @Override
  public void onTrainBegin(TrainingContext context, int epochs, int stepsPerEpoch) {
    this.context = context;
    wait = 0;
    cooldownCounter = 0;
    monitor.begin(context);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    logs.put("learning_rate", context.learningRate());
    Double current = logs.get(monitor.key());
    if (current == null) {
      return;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      wait = 0;
    }
    if (monitor.improves(current)) {
      wait = 0;
    } else if (cooldownCounter <= 0) {
      wait++;
      if (wait >= patience) {
        double lr = context.learningRate();
        if (lr > minLr) {
          context.setLearningRate(Math.max(lr * factor, minLr));
          cooldownCounter = cooldown;
          wait = 0;
        }
      }
    }
  }

  @Override
  public Map<String, double[]> saveState() {
    Map<String, double[]> s = new LinkedHashMap<>();
    s.put("counters", new double[] {wait, cooldownCounter, monitor.best()});
    return s;
  }

  @Override
  public void restoreState(Map<String, double[]> state) {
    double[] c = state.get("counters");
    wait = (int) c[0];
    cooldownCounter = (int) c[1];
    monitor.setBest(c[2]);
  }
}

package dev.lamina.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code ModelCheckpoint}: saves the model after each epoch, or only when {@code monitor}
 * improves ({@code save_best_only}). The file path may hold {@code {epoch}} (1-based, also
 * {@code {epoch:02d}}) and a log key such as {@code {val_loss:.4f}}. Saves are atomic.
 */
public final class ModelCheckpoint implements StatefulCallback {
  private final String filepath;
  private final Monitor monitor;
  private final boolean saveBestOnly;
  private TrainingContext context;
  private Path lastSaved;

  /** A checkpoint rule; defaults monitor val_loss, save_best_only false, mode auto. */
  public ModelCheckpoint(String filepath, String monitor, boolean saveBestOnly, String mode, String path) {
    if (filepath == null || filepath.isBlank()) {
      throw new dev.lamina.spec.SpecException(path + ".filepath", "model_checkpoint needs a filepath, e.g. filepath: checkpoints/epoch-{epoch:03d}.lamina");
    }
    this.filepath = filepath;
    this.monitor = new Monitor(monitor, mode, 0.0, path);
    this.saveBestOnly = saveBestOnly;
  }

  @Override
  public void onTrainBegin(TrainingContext context, int epochs, int stepsPerEpoch) {
    this.context = context;
    monitor.begin(context);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (saveBestOnly) {
      Double current = logs.get(monitor.key());
      if (current == null || !monitor.improves(current)) {
        return;
      }
    }
    lastSaved = Path.of(format(filepath, epoch + 1, logs));
    context.save(lastSaved);
  }

  @Override
  public Map<String, double[]> saveState() {
    Map<String, double[]> s = new LinkedHashMap<>();
    s.put("best", new double[] {monitor.best()});
    return s;
  }

  @Override
  public void restoreState(Map<String, double[]> state) {
    monitor.setBest(state.get("best")[0]);
  }

  /** The path of the last save, or null. */
  public Path lastSaved() {
    return lastSaved;
  }

  static String format(String pattern, int epoch, Map<String, Double> logs) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      String field = pattern.substring(i + 1, close);
      String key = field;
      String fmt = null;
      int colon = field.indexOf(':');
      if (colon >= 0) {
        key = field.substring(0, colon);
        fmt = field.substring(colon + 1);
      }
      if (key.equals("epoch")) {
        out.append(fmt == null ? Integer.toString(epoch) : String.format(Locale.ROOT, "%" + fmt, epoch));
      } else if (logs.containsKey(key)) {
        double v = logs.get(key);
        out.append(fmt == null ? Double.toString(v) : String.format(Locale.ROOT, "%" + fmt, v));
      } else {
        out.append(pattern, i, close + 1);
      }
      i = close + 1;
    }
    return out.toString();
  }
}

package dev.lamina.cli;

import dev.lamina.train.Callback;
import dev.lamina.train.TrainingContext;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Keras-style progress: an {@code Epoch e/E} header and a line per epoch such as
 * {@code 536/536 ━━━━━━━━━━━━━━━━━━━━ 0s 95us/step - accuracy: 0.8634 - loss: 0.3312 - val_accuracy: ...}.
 * On a terminal the bar is redrawn in place as batches complete; when output is piped, only the
 * finished line of each epoch is printed. Values use Keras's format: {@code %.4f}, or {@code %.4e}
 * when |v| is below 1e-3.
 */
final class ProgressPrinter implements Callback {
  private static final int BAR_WIDTH = 20;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter out;
  private final boolean live;
  private int epochs;
  private int steps;
  private long epochStart;
  private long lastDraw;

  ProgressPrinter(PrintWriter out, boolean live) {
    this.out = out;
    this.live = live;
  }

  @Override
  public void onTrainBegin(TrainingContext context, int epochs, int stepsPerEpoch) {
    this.epochs = epochs;
    this.steps = stepsPerEpoch;
  }

  @Override
  public void onEpochBegin(int epoch) {
    out.println("Epoch " + (epoch + 1) + "/" + epochs);
    epochStart = System.nanoTime();
    lastDraw = epochStart;
  }

  @Override
  public void onBatchEnd(int epoch, int batch, double batchLoss, double runningLoss) {
    if (!live) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    out.print("\r" + bar(batch + 1) + " - loss: " + format(runningLoss));
    out.flush();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    long elapsed = System.nanoTime() - epochStart;
    StringBuilder sb = new StringBuilder();
    if (live) {
      sb.append('\r');
    }
    sb.append(bar(steps)).append(' ').append(Math.round(elapsed / 1e9)).append("s ").append(perStep(elapsed / Math.max(steps, 1)));
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      sb.append(" - ").append(e.getKey()).append(": ").append(format(e.getValue()));
    }
    out.println(sb);
  }

  private String bar(int done) {
    String digits = Integer.toString(steps);
    int filled = steps == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / steps);
    return String.format(Locale.ROOT, "%" + digits.length() + "d/%s ", done, digits)
        + "━".repeat(filled) + (live ? "\u001b[2m" + "━".repeat(BAR_WIDTH - filled) + "\u001b[0m" : " ".repeat(BAR_WIDTH - filled));
  }

  private static String perStep(long nanos) {
    if (nanos >= 1_000_000_000L) {
      return nanos / 1_000_000_000L + "s/step";
    }
    if (nanos >= 1_000_000L) {
      return nanos / 1_000_000L + "ms/step";
    }
    return nanos / 1_000L + "us/step";
  }

  static String format(double v) {
    return Math.abs(v) > 1e-3 || v == 0 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.4e", v);
  }
}

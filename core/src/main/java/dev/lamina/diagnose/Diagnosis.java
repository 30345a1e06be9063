package dev.lamina.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-layer statistics of a model on one batch, and the warnings they raise.
 *
 * @param rows rows of the batch
 * @param loss the batch's loss (regularization included)
 * @param layers one entry per Dense layer, input side first
 * @param warnings plain-word findings, most severe kinds first; empty when nothing stands out
 */
public record Diagnosis(int rows, double loss, List<LayerStats> layers, List<String> warnings) {
  private static final String[] HEADER = {"#", "layer", "activation", "fan_in", "fan_out", "initializer", "target std",
      "W mean", "W std", "z std", "a mean", "a std", "|dW|", "dW std", "|dL/dz|", "dL/dz std", "std / out", "dead", "saturated",
      "copies"};

  /** Freezes the lists. */
  public Diagnosis {
    layers = List.copyOf(layers);
    warnings = List.copyOf(warnings);
  }

  /** The statistics of the last Dense layer (the output layer). */
  public LayerStats output() {
    return layers.get(layers.size() - 1);
  }

  /** A plain-text table, one row per Dense layer, followed by the warnings. */
  public String render() {
    List<String[]> rowsText = new ArrayList<>();
    for (LayerStats s : layers) {
      rowsText.add(new String[] {Integer.toString(s.index()), s.name(), s.activation(), Integer.toString(s.fanIn()),
          Integer.toString(s.fanOut()), s.initializer(), num(s.targetStd()), num(s.weightMean()), num(s.weightStd()),
          num(s.preActivationStd()), num(s.activationMean()), num(s.activationStd()), num(s.gradientNorm()),
          num(s.gradientStd()), num(s.errorNorm()), num(s.errorStd()), num(s.errorStdRatio()), pct(s.deadFraction()),
          pct(s.saturatedFraction()), Integer.toString(s.duplicateUnits())});
    }
    int[] w = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) {
      w[i] = HEADER[i].length();
      for (String[] r : rowsText) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Per-layer statistics on %d rows (loss %s)%n", rows, num(loss)));
    sb.append(line(HEADER, w)).append('\n');
    for (String[] r : rowsText) {
      sb.append(line(r, w)).append('\n');
    }
    if (warnings.isEmpty()) {
      sb.append("No warnings: activations and gradients stay within an order of magnitude.\n");
    } else {
      sb.append("Warnings:\n");
      for (String s : warnings) {
        sb.append("  - ").append(s).append('\n');
      }
    }
    return sb.toString();
  }

  private static String line(String[] cells, int[] w) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      boolean left = i == 1 || i == 2 || i == 5;
      String pad = " ".repeat(w[i] - cells[i].length());
      sb.append(left ? cells[i] + pad : pad + cells[i]);
      if (i < cells.length - 1) {
        sb.append("  ");
      }
    }
    return sb.toString().stripTrailing();
  }

  /** Four significant digits, scientific outside [0.001, 10000); "-" for NaN. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    double a = Math.abs(v);
    if (a == 0 || (a >= 1e-3 && a < 1e4)) {
      return String.format(Locale.ROOT, "%.4g", v);
    }
    return sci(v, 3);
  }

  /** {@code 1.23e-5} rather than Java's {@code 1.23e-05}. */
  static String sci(double v, int digits) {
    String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    return s.replaceAll("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
  }

  private static String pct(double f) {
    return Double.isNaN(f) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * f);
  }
}

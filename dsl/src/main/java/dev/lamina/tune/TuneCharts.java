package dev.lamina.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The charts of {@code report.html} as inline SVG (no script, no network): each parameter's effect
 * (every trial's objective at rung 0, the budget all trials share, against the parameter's value:
 * numbers on a linear or log axis, names as columns) and the learning curves of the promoted trials.
 */
final class TuneCharts {
  static final int WIDTH = 360;
  static final int HEIGHT = 240;
  static final int CURVES_WIDTH = 760;
  static final int CURVES_HEIGHT = 360;
  private static final int LEFT = 58;
  private static final int RIGHT = 14;
  private static final int TOP = 30;
  private static final int BOTTOM = 44;
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
      "#17becf", "#7f7f7f", "#bcbd22"};

  private TuneCharts() {}

  /** One point per trial: {@code values[i]} against {@code objective[i]}; the best trial in red. */
  static String effect(Parameter p, List<Object> values, double[] objective, int best, String metric) {
    boolean numeric = p.domain().numeric() && !(p.domain() instanceof Domain.Choice c && c.values().size() <= 6);
    boolean log = p.domain() instanceof Domain.FloatRange f && f.log();
    List<String> categories = new ArrayList<>();
    if (!numeric) {
      List<Object> order = p.domain().grid() != null ? p.domain().grid() : values;
      for (Object v : order) {
        String s = TuneFormat.value(v);
        if (!categories.contains(s)) {
          categories.add(s);
        }
      }
    }
    double xlo = Double.POSITIVE_INFINITY;
    double xhi = Double.NEGATIVE_INFINITY;
    double[] x = new double[values.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = numeric ? (log ? Math.log10(((Number) values.get(i)).doubleValue()) : ((Number) values.get(i)).doubleValue())
          : categories.indexOf(TuneFormat.value(values.get(i)));
      xlo = Math.min(xlo, x[i]);
      xhi = Math.max(xhi, x[i]);
    }
    if (!numeric) {
      xlo = -0.5;
      xhi = categories.size() - 0.5;
    } else if (xhi == xlo) {
      xlo -= 1;
      xhi += 1;
    }
    double[] y = range(objective);
    StringBuilder sb = open(WIDTH, HEIGHT, p.name());
    axes(sb, WIDTH, HEIGHT, y, metric + " at rung 0");
    int w = WIDTH - LEFT - RIGHT;
    int h = HEIGHT - TOP - BOTTOM;
    if (numeric) {
      for (int k = 0; k <= 2; k++) {
        double v = xlo + k * (xhi - xlo) / 2;
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>%n",
            LEFT + k * w / 2.0, HEIGHT - BOTTOM + 14, log ? TuneFormat.value(Math.pow(10, v)) : TuneFormat.value(v)));
      }
    } else {
      for (int k = 0; k < categories.size(); k++) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>%n",
            LEFT + (k + 0.5) * w / categories.size(), HEIGHT - BOTTOM + 14, esc(categories.get(k))));
      }
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s%s</text>%n",
        LEFT + w / 2.0, HEIGHT - 8, esc(p.name()), log ? " (log scale)" : ""));
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(objective[i])) {
        continue;
      }
      double px = LEFT + (x[i] - xlo) / (xhi - xlo) * w;
      double py = TOP + (y[1] - objective[i]) / (y[1] - y[0]) * h;
      sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" fill-opacity=\"0.6\"/>%n",
          px, py, i == best ? 5 : 3, i == best ? "#d62728" : "#1f77b4"));
    }
    return sb.append("</svg>\n").toString();
  }

  /** The curves, one color each, with their labels in a legend. */
  static String curves(String title, List<String> labels, List<double[]> curves, String metric) {
    int length = curves.stream().mapToInt(c -> c.length).max().orElse(0);
    List<Double> all = new ArrayList<>();
    curves.forEach(c -> {
      for (double v : c) {
        all.add(v);
      }
    });
    double[] y = range(all.stream().mapToDouble(Double::doubleValue).toArray());
    int legend = 170;
    StringBuilder sb = open(CURVES_WIDTH, CURVES_HEIGHT, title);
    axes(sb, CURVES_WIDTH - legend, CURVES_HEIGHT, y, metric);
    int w = CURVES_WIDTH - legend - LEFT - RIGHT;
    int h = CURVES_HEIGHT - TOP - BOTTOM;
    sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">epoch (1 to %d)"
        + "</text>%n", LEFT + w / 2.0, CURVES_HEIGHT - 8, length));
    for (int i = 0; i < curves.size(); i++) {
      double[] c = curves.get(i);
      StringBuilder pts = new StringBuilder();
      for (int e = 0; e < c.length; e++) {
        if (Double.isFinite(c[e])) {
          pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + (length <= 1 ? 0 : e * (double) w / (length - 1)),
              TOP + (y[1] - c[e]) / (y[1] - y[0]) * h));
        }
      }
      String color = COLORS[i % COLORS.length];
      sb.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(color).append("\" points=\"")
          .append(pts.toString().strip()).append("\"/>\n");
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>%n",
          CURVES_WIDTH - legend + 8, TOP + 14 * i + 10, color, esc(labels.get(i))));
    }
    return sb.append("</svg>\n").toString();
  }

  private static StringBuilder open(int width, int height, String title) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 "
        + "%d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\">%n", width, height, width, height, esc(title)));
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", LEFT,
        esc(title)));
    return sb;
  }

  private static void axes(StringBuilder sb, int width, int height, double[] y, String label) {
    int h = height - TOP - BOTTOM;
    sb.append(String.format(Locale.ROOT, "<path d=\"M%d,%d V%d H%d\" stroke=\"#444\" fill=\"none\"/>%n", LEFT, TOP,
        height - BOTTOM, width - RIGHT));
    for (int k = 0; k <= 4; k++) {
      double v = y[0] + k * (y[1] - y[0]) / 4;
      double py = TOP + h - k * h / 4.0;
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.4g</text>%n",
          LEFT - 4, py + 3, v));
    }
    sb.append(String.format(Locale.ROOT, "<text transform=\"translate(12,%d) rotate(-90)\" font-size=\"11\" "
        + "text-anchor=\"middle\">%s</text>%n", TOP + h / 2, esc(label)));
  }

  /** [lo, hi] of the finite values, widened when flat. */
  private static double[] range(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      if (Double.isFinite(d)) {
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
    }
    if (!(hi >= lo)) {
      return new double[] {0, 1};
    }
    if (hi == lo) {
      return new double[] {lo - 0.5, hi + 0.5};
    }
    double pad = (hi - lo) * 0.05;
    return new double[] {lo - pad, hi + pad};
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

package dev.lamina.sweep;

import java.util.List;
import java.util.Locale;

/**
 * Draws the mean val_loss curve of each cell of a group with a band of plus or minus one standard
 * deviation, as inline SVG (no script, no network, no fonts to fetch), so {@code report.html}
 * stays a single self-contained file.
 */
final class LossChartSvg {
  static final int WIDTH = 760;
  static final int HEIGHT = 380;
  private static final int LEFT = 64;
  private static final int RIGHT = 190;
  private static final int TOP = 36;
  private static final int BOTTOM = 48;
  private static final double OFF_SCALE_FACTOR = 3;
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
      "#17becf", "#7f7f7f", "#bcbd22"};

  private LossChartSvg() {}

  static String render(String title, List<CellStats> cells) {
    // A cell whose losses are orders of magnitude above the others (a blown-up but finite run)
    // would flatten every other curve into a line: a cell whose lowest mean stays above 3x the
    // median cell's peak is left out of the plot and marked "(off scale)" in the legend, and the
    // axis is capped there.
    double cap = OFF_SCALE_FACTOR * medianPeak(cells);
    boolean[] offScale = new boolean[cells.size()];
    int length = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < cells.size(); i++) {
      CellStats c = cells.get(i);
      double lowest = Double.POSITIVE_INFINITY;
      for (double v : c.curveMean()) {
        lowest = Math.min(lowest, v);
      }
      offScale[i] = Double.isFinite(cap) && lowest > cap;
      if (offScale[i]) {
        continue;
      }
      length = Math.max(length, c.curveMean().length);
      for (int e = 0; e < c.curveMean().length; e++) {
        double m = c.curveMean()[e];
        double s = c.curveSd()[e];
        if (Double.isFinite(m) && Double.isFinite(s)) {
          lo = Math.min(lo, m - s);
          hi = Math.max(hi, m + s);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, esc(title)));
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-family=\"sans-serif\" "
        + "font-weight=\"bold\">%s</text>%n", LEFT, esc(title)));
    if (length == 0 || !(hi >= lo)) {
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\">no finite losses to plot: "
          + "every run diverged or failed</text>%n</svg>%n", LEFT, HEIGHT / 2));
      return sb.toString();
    }
    if (Double.isFinite(cap)) {
      hi = Math.min(hi, cap);
    }
    // Losses are never negative; a wide band must not stretch the axis below 0.
    lo = Math.max(lo, 0);
    if (hi - lo < 1e-9) {
      hi = lo + 1e-3;
    }
    double pad = (hi - lo) * 0.05;
    lo -= pad;
    hi += pad;
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    Scale sx = new Scale(1, Math.max(length, 2), LEFT, LEFT + plotW);
    Scale sy = new Scale(lo, hi, TOP + plotH, TOP);
    axes(sb, sx, sy, length, lo, hi, plotW, plotH);
    sb.append(String.format(Locale.ROOT, "<clipPath id=\"%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></clipPath>%n"
        + "<g clip-path=\"url(#%s)\">%n", clipId(title), LEFT, TOP, plotW, plotH, clipId(title)));
    StringBuilder legend = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      CellStats c = cells.get(i);
      String color = COLORS[i % COLORS.length];
      double[] m = c.curveMean();
      StringBuilder band = new StringBuilder();
      StringBuilder line = new StringBuilder();
      for (int e = 0; e < m.length; e++) {
        band.append(pt(sx.at(e + 1), sy.at(m[e] + c.curveSd()[e])));
        line.append(pt(sx.at(e + 1), sy.at(m[e])));
      }
      for (int e = m.length - 1; e >= 0; e--) {
        band.append(pt(sx.at(e + 1), sy.at(m[e] - c.curveSd()[e])));
      }
      if (m.length > 0 && !offScale[i]) {
        sb.append("<polygon points=\"").append(band.toString().trim()).append("\" fill=\"").append(color)
            .append("\" fill-opacity=\"0.15\" stroke=\"none\"/>\n");
        sb.append("<polyline points=\"").append(line.toString().trim()).append("\" fill=\"none\" stroke=\"")
            .append(color).append("\" stroke-width=\"2\"/>\n");
      }
      int ly = TOP + 14 + i * 20;
      int lx = LEFT + plotW + 14;
      String note = c.ok() < c.runs().size() ? " (" + c.ok() + "/" + c.runs().size() + " ok)" : "";
      if (offScale[i]) {
        note += " (off scale)";
      }
      legend.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-family=\"sans-serif\">%s</text>%n",
          lx, ly - 4, color, lx + 20, ly, esc(c.label() + note)));
    }
    sb.append("</g>\n").append(legend).append("</svg>\n");
    return sb.toString();
  }

  /** The median over cells of each cell's highest mean loss. */
  private static double medianPeak(List<CellStats> cells) {
    double[] peaks = cells.stream().mapToDouble(c -> {
      double p = Double.NEGATIVE_INFINITY;
      for (double v : c.curveMean()) {
        if (Double.isFinite(v)) {
          p = Math.max(p, v);
        }
      }
      return p;
    }).filter(Double::isFinite).sorted().toArray();
    if (peaks.length == 0) {
      return Double.NaN;
    }
    return peaks.length % 2 == 1 ? peaks[peaks.length / 2] : (peaks[peaks.length / 2 - 1] + peaks[peaks.length / 2]) / 2;
  }

  private static String clipId(String title) {
    return "plot-" + Integer.toHexString(title.hashCode());
  }

  private static void axes(StringBuilder sb, Scale sx, Scale sy, int length, double lo, double hi, int plotW, int plotH) {
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
        LEFT, TOP, plotW, plotH));
    for (int k = 0; k <= 5; k++) {
      double v = lo + (hi - lo) * k / 5;
      double y = sy.at(v);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" font-family=\"sans-serif\">%.3f</text>%n",
          LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, v));
    }
    int step = Math.max(1, (int) Math.ceil(length / 10.0));
    for (int e = 1; e <= length; e += step) {
      double x = sx.at(e);
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
          + "font-family=\"sans-serif\">%d</text>%n", x, TOP + plotH + 16, e));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
        + "font-family=\"sans-serif\">epochs</text>%n", LEFT + plotW / 2, HEIGHT - 10));
    sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
        + "font-family=\"sans-serif\" transform=\"rotate(-90 16 %d)\">val_loss (mean &#177; sd)</text>%n",
        TOP + plotH / 2, TOP + plotH / 2));
  }

  private static String pt(double x, double y) {
    return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private record Scale(double from, double to, double pixelFrom, double pixelTo) {
    double at(double v) {
      return pixelFrom + (v - from) / (to - from) * (pixelTo - pixelFrom);
    }
  }
}

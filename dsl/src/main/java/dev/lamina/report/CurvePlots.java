package dev.lamina.report;

import dev.lamina.metric.BinaryReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The ROC and precision-recall curves of a binary run on its test rows, as 800x600 PNG files drawn
 * with XChart, in the style of scikit-learn's {@code RocCurveDisplay} and
 * {@code PrecisionRecallDisplay}:
 *
 * <ul>
 *   <li>{@code roc.png}: title "ROC curve (AUC = 0.861)", x "false positive rate", y "true positive
 *       rate", the exact curve through every distinct score, the chance diagonal dashed, and the
 *       threshold in use as a dot;
 *   <li>{@code pr.png}: title "precision-recall curve (AP = 0.690)", x "recall", y "precision",
 *       the curve as steps (average precision is the area under those steps), the share of
 *       positives as the dashed chance line, and the threshold in use as a dot.
 * </ul>
 */
public final class CurvePlots {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final Color CURVE_COLOR = new Color(0x1f77b4);
  private static final Color CHANCE_COLOR = Color.GRAY;
  private static final Color POINT_COLOR = new Color(0xd62728);
  private static final float LINE_WIDTH = 2f;
  private static final float[] DASH = {6f, 6f};

  /**
   * Smallest move, in either coordinate of the unit square, that a plotted curve keeps: half a
   * pixel of the plot. A test set of n rows has up to n + 1 curve points, and XChart's axis code
   * slows down with the number of points (200,000 test rows took 70 s per plot).
   */
  static final double MIN_STEP = 1.0 / (2 * Plots.WIDTH);

  private CurvePlots() {}

  /**
   * The points of the polyline (x, y) to draw: the first, the last, and each point that moved at
   * least {@link #MIN_STEP} in x or y from the last one kept. Every dropped point lies within
   * MIN_STEP of the last kept one, so the drawn curve is within half a pixel of the full one; a
   * curve of total variation v keeps at most v / MIN_STEP + 2 points.
   */
  static double[][] thin(double[] x, double[] y) {
    int n = x.length;
    if (n <= 2) {
      return new double[][] {x, y};
    }
    double[] tx = new double[n];
    double[] ty = new double[n];
    int m = 0;
    tx[m] = x[0];
    ty[m++] = y[0];
    for (int i = 1; i < n - 1; i++) {
      if (Math.abs(x[i] - tx[m - 1]) >= MIN_STEP || Math.abs(y[i] - ty[m - 1]) >= MIN_STEP) {
        tx[m] = x[i];
        ty[m++] = y[i];
      }
    }
    tx[m] = x[n - 1];
    ty[m++] = y[n - 1];
    return new double[][] {java.util.Arrays.copyOf(tx, m), java.util.Arrays.copyOf(ty, m)};
  }

  /** Writes {@code roc.png} for {@code report}, atomically. */
  public static void writeRoc(Path png, BinaryReport report) {
    double[][] roc = report.rocCurve();
    XYChart chart = chart(String.format(Locale.ROOT, "ROC curve (AUC = %.3f)", report.rocAuc()),
        "false positive rate", "true positive rate");
    double[][] thin = thin(roc[0], roc[1]);
    line(chart, "model", thin[0], thin[1], CURVE_COLOR, false);
    line(chart, "chance", new double[] {0, 1}, new double[] {0, 1}, CHANCE_COLOR, true);
    long[][] m = report.confusionMatrix();
    double fpr = m[0][0] + m[0][1] == 0 ? 0 : (double) m[0][1] / (m[0][0] + m[0][1]);
    point(chart, report.threshold(), fpr, report.recall());
    AtomicFile.write(png, encode(chart));
  }

  /** Writes {@code pr.png} for {@code report}, atomically. */
  public static void writePr(Path png, BinaryReport report) {
    double[][] pr = report.prCurve();
    // Steps: from each point, precision holds until the next recall (the average-precision area).
    int n = pr[0].length;
    double[] x = new double[2 * n];
    double[] y = new double[2 * n];
    double prevRecall = 0;
    for (int k = 0; k < n; k++) {
      x[2 * k] = prevRecall;
      y[2 * k] = pr[1][k];
      x[2 * k + 1] = pr[0][k];
      y[2 * k + 1] = pr[1][k];
      prevRecall = pr[0][k];
    }
    XYChart chart = chart(String.format(Locale.ROOT, "precision-recall curve (AP = %.3f)", report.prAuc()),
        "recall", "precision");
    double[][] thin = thin(x, y);
    line(chart, "model", thin[0], thin[1], CURVE_COLOR, false);
    double base = report.positiveRate();
    line(chart, "chance", new double[] {0, 1}, new double[] {base, base}, CHANCE_COLOR, true);
    point(chart, report.threshold(), report.recall(), report.precision());
    AtomicFile.write(png, encode(chart));
  }

  private static XYChart chart(String title, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    var style = chart.getStyler();
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setPlotBorderColor(Color.BLACK);
    style.setChartTitleBoxVisible(false);
    style.setLegendPosition(Styler.LegendPosition.InsideSE);
    style.setXAxisMin(0.0);
    style.setXAxisMax(1.0);
    style.setYAxisMin(0.0);
    style.setYAxisMax(1.0);
    style.setAntiAlias(true);
    return chart;
  }

  private static void line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setLineColor(color);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineStyle(dashed
        ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f)
        : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
  }

  private static void point(XYChart chart, double threshold, double x, double y) {
    XYSeries s = chart.addSeries(String.format(Locale.ROOT, "threshold %.3f", threshold), new double[] {x},
        new double[] {y});
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(POINT_COLOR);
  }

  private static byte[] encode(XYChart chart) {
    return Png.encode(BitmapEncoder.getBufferedImage(chart));
  }
}

package dev.lamina.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The two plots of a regression on its test rows, 800x600 PNG files drawn with XChart in the style
 * of scikit-learn's {@code PredictionErrorDisplay}; with several targets, one panel per target
 * (each on its own scale, titled by the target's name; up to three side by side, since targets
 * as different as linnerud's Weight, 160-215, and Waist, 30-40, cannot share an axis):
 * <ul>
 *   <li>{@code predicted_vs_actual.png}: x the actual value, y the predicted one, and the dashed
 *       diagonal where they are equal;</li>
 *   <li>{@code residuals.png}: x the predicted value, y the residual {@code actual - predicted},
 *       and the dashed zero line.</li>
 * </ul>
 * Non-finite points are left out.
 */
public final class RegressionPlots {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** File name of the predicted-versus-actual plot. */
  public static final String PREDICTED_VS_ACTUAL = "predicted_vs_actual.png";
  /** File name of the residuals plot. */
  public static final String RESIDUALS = "residuals.png";

  /** matplotlib's colour cycle, one colour per target. */
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};
  private static final float[] DASH = {6f, 6f};
  private static final int MARKER_SIZE = 6;
  /** Most panels side by side; more targets start a new row. */
  private static final int MAX_COLUMNS = 3;
  /** A panel's size when the figure has several targets. */
  private static final int PANEL_WIDTH = 600;
  private static final int PANEL_HEIGHT = 450;

  private RegressionPlots() {}

  /**
   * Writes {@code predicted_vs_actual.png} into {@code folder}.
   *
   * @param targets the target names, one panel each
   * @param predicted row-major predictions, {@code targets.size()} per row
   * @param actual row-major true values, same layout
   */
  public static void writePredictedVsActual(Path folder, List<String> targets, double[] predicted, double[] actual) {
    write(folder.resolve(PREDICTED_VS_ACTUAL), panels("predicted vs actual", targets, predicted, actual, false));
  }

  /** Writes {@code residuals.png} into {@code folder}; arguments as {@link #writePredictedVsActual}. */
  public static void writeResiduals(Path folder, List<String> targets, double[] predicted, double[] actual) {
    write(folder.resolve(RESIDUALS), panels("residuals", targets, predicted, actual, true));
  }

  /**
   * One panel per target: actual against predicted with the dashed diagonal, or (for
   * {@code residuals}) predicted against actual - predicted with the dashed zero line.
   */
  private static List<XYChart> panels(String what, List<String> targets, double[] predicted, double[] actual,
      boolean residuals) {
    List<XYChart> panels = new ArrayList<>();
    for (int j = 0; j < targets.size(); j++) {
      XYChart chart = residuals
          ? chart(title(what, targets, j), "predicted", "actual - predicted", targets.size())
          : chart(title(what, targets, j), "actual", "predicted", targets.size());
      double[][] xy = residuals ? points(predicted, actual, j, targets.size(), true)
          : points(actual, predicted, j, targets.size(), false);
      addScatter(chart, targets.get(j), xy, j);
      double[] range = range(xy[0]);
      if (range != null) {
        addLine(chart, residuals ? "zero" : "predicted = actual", range, residuals ? new double[] {0, 0} : range);
      }
      panels.add(chart);
    }
    return panels;
  }

  /** The figure's title, with the target's name when there are several. */
  private static String title(String what, List<String> targets, int j) {
    return targets.size() == 1 ? what : what + ": " + targets.get(j);
  }

  /** The smallest and largest of {@code v}, or null when it is empty. */
  private static double[] range(double[] v) {
    if (v.length == 0) {
      return null;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return new double[] {lo, hi};
  }

  /** Column {@code j} of x against column {@code j} of y (or of y - x when {@code residual}), finite points only. */
  private static double[][] points(double[] x, double[] y, int j, int cols, boolean residual) {
    int rows = x.length / cols;
    double[] px = new double[rows];
    double[] py = new double[rows];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      double a = x[r * cols + j];
      double b = residual ? y[r * cols + j] - a : y[r * cols + j];
      if (Double.isFinite(a) && Double.isFinite(b)) {
        px[n] = a;
        py[n++] = b;
      }
    }
    return new double[][] {java.util.Arrays.copyOf(px, n), java.util.Arrays.copyOf(py, n)};
  }

  /** One panel: the whole figure for one target, a grid cell of {@link #panelWidth} for several. */
  private static XYChart chart(String title, String x, String y, int targets) {
    XYChart chart = new XYChartBuilder().width(panelWidth(targets)).height(panelHeight(targets)).title(title)
        .xAxisTitle(x).yAxisTitle(y).build();
    var style = chart.getStyler();
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setPlotBorderColor(Color.BLACK);
    style.setChartTitleBoxVisible(false);
    style.setLegendVisible(false);
    style.setMarkerSize(MARKER_SIZE);
    style.setAntiAlias(true);
    return chart;
  }

  /** Panels per row of the figure: one per target, at most {@value #MAX_COLUMNS}. */
  static int columns(int targets) {
    return Math.min(targets, MAX_COLUMNS);
  }

  /** A panel's width: the whole figure's for one target, a smaller cell for several. */
  static int panelWidth(int targets) {
    return targets == 1 ? Plots.WIDTH : PANEL_WIDTH;
  }

  /** A panel's height, as {@link #panelWidth}. */
  static int panelHeight(int targets) {
    return targets == 1 ? Plots.HEIGHT : PANEL_HEIGHT;
  }

  private static void addScatter(XYChart chart, String name, double[][] xy, int index) {
    if (xy[0].length == 0) {
      return;
    }
    XYSeries s = chart.addSeries(name, xy[0], xy[1]);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(COLORS[index % COLORS.length]);
  }

  private static void addLine(XYChart chart, String name, double[] x, double[] y) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(Color.GRAY);
    s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASH, 0f));
    s.setShowInLegend(false);
  }

  /** Draws the panels in a grid of {@link #columns} and writes the PNG atomically. */
  private static void write(Path png, List<XYChart> panels) {
    int n = panels.size();
    int cols = columns(n);
    int rows = (n + cols - 1) / cols;
    int w = panelWidth(n);
    int h = panelHeight(n);
    BufferedImage figure = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = figure.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, figure.getWidth(), figure.getHeight());
      for (int i = 0; i < n; i++) {
        g.drawImage(BitmapEncoder.getBufferedImage(panels.get(i)), (i % cols) * w, (i / cols) * h, null);
      }
    } finally {
      g.dispose();
    }
    AtomicFile.write(png, Png.encode(figure));
  }
}

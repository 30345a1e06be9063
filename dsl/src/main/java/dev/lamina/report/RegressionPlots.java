package dev.lamina.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The two plots of a regression on its test rows, 800x600 PNG files drawn with XChart in the style
 * of scikit-learn's {@code PredictionErrorDisplay}, one series per target:
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

  private RegressionPlots() {}

  /**
   * Writes {@code predicted_vs_actual.png} into {@code folder}.
   *
   * @param targets the target names, one series each
   * @param predicted row-major predictions, {@code targets.size()} per row
   * @param actual row-major true values, same layout
   */
  public static void writePredictedVsActual(Path folder, List<String> targets, double[] predicted, double[] actual) {
    XYChart chart = chart("predicted vs actual", "actual", "predicted", targets.size() > 1);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < targets.size(); j++) {
      double[][] xy = points(actual, predicted, j, targets.size(), false);
      addScatter(chart, targets.get(j), xy, j);
      for (double v : xy[0]) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo <= hi) {
      addLine(chart, "predicted = actual", new double[] {lo, hi}, new double[] {lo, hi});
    }
    write(folder.resolve(PREDICTED_VS_ACTUAL), chart);
  }

  /** Writes {@code residuals.png} into {@code folder}; arguments as {@link #writePredictedVsActual}. */
  public static void writeResiduals(Path folder, List<String> targets, double[] predicted, double[] actual) {
    XYChart chart = chart("residuals", "predicted", "actual - predicted", targets.size() > 1);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < targets.size(); j++) {
      double[][] xy = points(predicted, actual, j, targets.size(), true);
      addScatter(chart, targets.get(j), xy, j);
      for (double v : xy[0]) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo <= hi) {
      addLine(chart, "zero", new double[] {lo, hi}, new double[] {0, 0});
    }
    write(folder.resolve(RESIDUALS), chart);
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

  private static XYChart chart(String title, String x, String y, boolean legend) {
    XYChart chart = new XYChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT).title(title).xAxisTitle(x)
        .yAxisTitle(y).build();
    var style = chart.getStyler();
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setPlotBorderColor(Color.BLACK);
    style.setChartTitleBoxVisible(false);
    style.setLegendVisible(legend);
    style.setLegendPosition(Styler.LegendPosition.InsideNW);
    style.setMarkerSize(MARKER_SIZE);
    style.setAntiAlias(true);
    return chart;
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

  private static void write(Path png, XYChart chart) {
    try {
      AtomicFile.write(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + png.getFileName() + " as PNG", e);
    }
  }
}

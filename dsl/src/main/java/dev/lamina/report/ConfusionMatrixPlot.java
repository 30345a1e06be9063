package dev.lamina.report;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * {@code confusion_matrix.png}: a labelled {@link ConfusionMatrix} as an 800x600 heat map drawn with
 * XChart, in the layout of scikit-learn's {@code ConfusionMatrixDisplay}: true class down the side
 * (the first class at the top), predicted class across, each cell showing its count on a white to
 * blue scale.
 */
public final class ConfusionMatrixPlot {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** File name of the plot in the run folder. */
  public static final String FILE = "confusion_matrix.png";

  private static final Color LOW = Color.WHITE;
  private static final Color HIGH = new Color(0x4292c6); // matplotlib's "Blues" at 70%, dark enough, and black text stays legible
  private static final Font VALUE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

  private ConfusionMatrixPlot() {}

  /** Writes {@code m} to {@code png} atomically. */
  public static void write(Path png, ConfusionMatrix m) {
    AtomicFile.write(png, Png.encode(BitmapEncoder.getBufferedImage(chart(m))));
  }

  static HeatMapChart chart(ConfusionMatrix m) {
    HeatMapChart chart = new HeatMapChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT)
        .title("confusion matrix of " + m.target() + " (test rows)").xAxisTitle("predicted class").yAxisTitle("true class")
        .build();
    int k = m.labels().size();
    List<String> bottomUp = new ArrayList<>(m.labels());
    java.util.Collections.reverse(bottomUp);
    List<Number[]> cells = new ArrayList<>();
    long max = 1;
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        cells.add(new Number[] {p, k - 1 - t, m.count(t, p)});
        max = Math.max(max, m.count(t, p));
      }
    }
    chart.addSeries("test rows", m.labels(), bottomUp, cells);
    var style = chart.getStyler();
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setChartTitleBoxVisible(false);
    style.setAxisTitleFont(AXIS_FONT);
    style.setAxisTickLabelsFont(AXIS_FONT);
    style.setRangeColors(new Color[] {LOW, HIGH});
    style.setMin(0);
    style.setMax(max);
    style.setShowValue(true);
    style.setValueFont(VALUE_FONT);
    style.setValueFontColor(Color.BLACK);
    style.setPlotGridLinesVisible(false);
    style.setHeatMapValueDecimalPattern("0");
    style.setDrawBorder(true);
    style.setLegendVisible(false);
    style.setAntiAlias(true);
    return chart;
  }
}

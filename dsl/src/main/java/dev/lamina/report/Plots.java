package dev.lamina.report;

import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training-curve plots of the Keras tutorials, drawn with XChart as 800x600 PNG files:
 *
 * <pre>{@code
 * plt.plot(history.history['loss']); plt.plot(history.history['val_loss'])
 * plt.title('model loss'); plt.ylabel('loss'); plt.xlabel('epoch')
 * plt.legend(['train', 'test'], loc='upper left')
 * }</pre>
 *
 * <p>Title {@code model <metric>}, x axis {@value #X_TITLE}, y axis the metric name, series
 * {@value #TRAIN} (the metric) and {@value #TEST} (its {@code val_} twin, only when the history has
 * it), legend inside the plot at the upper left, matplotlib's first two colours on white. The x
 * values are the epoch numbers as the progress bar prints them, <b>1 to epochs</b> (not the 0-based
 * index of {@code history.csv}).
 *
 * <p>NaN and infinite values (a diverged epoch) are left out, which breaks the line there; a point
 * with no neighbour (a history of one epoch, or a value between two gaps) is drawn as a dot. A
 * series with no finite value is left out; if none remains, the plot says so in its middle.
 *
 * <p>Drawing needs no display: the first use sets {@code java.awt.headless=true} unless the
 * property was already set.
 */
public final class Plots {
  // First in the class: the Font constants below load AWT, which reads the property once.
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Image width in pixels. */
  public static final int WIDTH = 800;
  /** Image height in pixels. */
  public static final int HEIGHT = 600;
  /** Legend name of the training-data series. */
  public static final String TRAIN = "train";
  /** Legend name of the validation-data series, as the Keras tutorials call it. */
  public static final String TEST = "test";
  /** Title of the x axis. */
  public static final String X_TITLE = "epochs";
  /** The loss key of a Keras history. */
  public static final String LOSS = "loss";

  private static final String TITLE_PREFIX = "model ";
  private static final String NO_FINITE_VALUES = "no finite values to plot (NaN or infinite)";
  /** matplotlib's default colour cycle starts with tab:blue, tab:orange. */
  private static final Color TRAIN_COLOR = new Color(0x1f77b4);
  private static final Color TEST_COLOR = new Color(0xff7f0e);
  private static final Color LEGEND_BORDER = new Color(0xcccccc);
  /** From this many epochs on, round x ticks (2, 4, ... or 20, 40, ...) are whole numbers. */
  private static final int MIN_EPOCHS_FOR_ROUND_TICKS = 8;
  /** Epoch ticks are whole numbers; without a pattern XChart writes 1000 as "1,000". */
  private static final String WHOLE_EPOCHS = "0";
  private static final float LINE_WIDTH = 2f;
  private static final int MARKER_SIZE = 8;
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
  private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

  private Plots() {}

  /** Writes the {@code loss} / {@code val_loss} plot ("model loss") to {@code png}, atomically. */
  public static void writeLoss(Path png, Map<String, ? extends List<Double>> history) {
    writeMetric(png, history, LOSS);
  }

  /**
   * Writes the {@code metric} / {@code val_<metric>} plot ("model accuracy" for
   * {@code accuracy}) to {@code png}, atomically.
   *
   * @throws SpecException if the history has no {@code metric} key
   * @throws UncheckedIOException if the file cannot be written; the previous one survives
   */
  public static void writeMetric(Path png, Map<String, ? extends List<Double>> history,
      String metric) {
    AtomicFile.write(png, render(history, metric));
  }

  /**
   * Starts drawing a tiny throw-away chart on a daemon thread, so that the one-time cost of
   * loading fonts and the 2D pipeline (about a second on a cold JVM) overlaps with data
   * preparation and training instead of delaying the run's first plot.
   */
  public static void warmUpInBackground() {
    Thread t = new Thread(() -> {
      try {
        render(Map.of(LOSS, List.of(1.0, 0.5), "val_" + LOSS, List.of(1.1, 0.6)), LOSS);
      } catch (RuntimeException e) {
        // Only a warm-up: the real plot calls report any problem themselves.
        return;
      }
    }, "lamina-plot-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** The PNG bytes {@link #writeMetric} writes. */
  public static byte[] render(Map<String, ? extends List<Double>> history, String metric) {
    List<Double> train = history.get(metric);
    if (train == null) {
      throw new SpecException("plots", "the history has no '" + metric + "', it has "
          + history.keySet() + "." + Names.didYouMean(metric, history.keySet()));
    }
    XYChart chart = chart(metric);
    boolean drawn = addSeries(chart, TRAIN, train, TRAIN_COLOR);
    List<Double> test = history.get(HistoryFiles.VALIDATION_PREFIX + metric);
    if (test != null) {
      drawn |= addSeries(chart, TEST, test, TEST_COLOR);
    }
    if (!drawn) {
      markEmpty(chart, Math.max(train.size(), test == null ? 0 : test.size()));
    }
    return Png.encode(BitmapEncoder.getBufferedImage(chart));
  }

  private static XYChart chart(String metric) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(TITLE_PREFIX + metric).xAxisTitle(X_TITLE).yAxisTitle(metric).build();
    var style = chart.getStyler();
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setPlotBorderVisible(true);
    style.setPlotBorderColor(Color.BLACK);
    style.setPlotGridLinesVisible(false);
    style.setChartTitleBoxVisible(false);
    style.setChartTitleFont(TITLE_FONT);
    style.setAxisTitleFont(AXIS_TITLE_FONT);
    style.setAxisTickLabelsFont(TICK_FONT);
    style.setLegendFont(LEGEND_FONT);
    style.setLegendPosition(Styler.LegendPosition.InsideNW);
    style.setLegendBorderColor(LEGEND_BORDER);
    style.setLegendBackgroundColor(Color.WHITE);
    style.setMarkerSize(MARKER_SIZE);
    style.setAxisTicksLineVisible(false);
    style.setXAxisDecimalPattern(WHOLE_EPOCHS);
    style.setAnnotationTextFont(AXIS_TITLE_FONT);
    style.setAntiAlias(true);
    return chart;
  }

  /** Adds the series unless it has no finite value; says whether it did. */
  private static boolean addSeries(XYChart chart, String name, List<Double> values,
      Color color) {
    List<Double> x = new ArrayList<>(values.size() + 1);
    List<Double> y = new ArrayList<>(values.size() + 1);
    for (int i = 0; i < values.size(); i++) {
      x.add(i + 1.0);
      y.add(finiteOrNaN(values.get(i)));
    }
    if (y.stream().allMatch(v -> Double.isNaN(v))) {
      return false;
    }
    boolean isolated = hasIsolatedPoint(y);
    if (values.size() >= MIN_EPOCHS_FOR_ROUND_TICKS) {
      addCollinearMidpoint(x, y);
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setLineColor(color);
    series.setLineStyle(
        new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    series.setMarkerColor(color);
    series.setMarker(isolated ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    return true;
  }

  /**
   * XChart puts the x ticks on every k-th data value when the x values are equally spaced
   * (1, 7, 13, ... for 150 epochs) instead of on round numbers (20, 40, ...). A point halfway along
   * the first drawn segment lies on the line, so it changes no pixel, but it makes the spacing
   * uneven and XChart then picks round ticks. Below {@link #MIN_EPOCHS_FOR_ROUND_TICKS} epochs
   * the round ticks would be fractional (1, 1.5, 2), and a tick per epoch is what we want.
   */
  private static void addCollinearMidpoint(List<Double> x, List<Double> y) {
    for (int i = 0; i + 1 < y.size(); i++) {
      if (!Double.isNaN(y.get(i)) && !Double.isNaN(y.get(i + 1))) {
        x.add(i + 1, (x.get(i) + x.get(i + 1)) / 2);
        y.add(i + 1, (y.get(i) + y.get(i + 1)) / 2);
        return;
      }
    }
  }

  /** Nothing finite to draw (training diverged at once): say so instead of a blank frame. */
  private static void markEmpty(XYChart chart, int epochs) {
    var style = chart.getStyler();
    style.setXAxisMin(1.0);
    style.setXAxisMax((double) Math.max(epochs, 2));
    style.setYAxisMin(0.0);
    style.setYAxisMax(1.0);
    style.setAxisTicksVisible(false);
    chart.addAnnotation(new AnnotationText(NO_FINITE_VALUES, (1.0 + Math.max(epochs, 2)) / 2,
        0.5, false));
  }

  private static double finiteOrNaN(Double value) {
    return value == null || !Double.isFinite(value) ? Double.NaN : value;
  }

  /** A finite value with no finite neighbour draws no line, so it needs a marker to be seen. */
  private static boolean hasIsolatedPoint(List<Double> y) {
    for (int i = 0; i < y.size(); i++) {
      boolean left = i > 0 && !Double.isNaN(y.get(i - 1));
      boolean right = i + 1 < y.size() && !Double.isNaN(y.get(i + 1));
      if (!Double.isNaN(y.get(i)) && !left && !right) {
        return true;
      }
    }
    return false;
  }
}

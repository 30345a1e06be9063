package dev.lamina.docs;

import dev.lamina.activation.Activation;
import dev.lamina.activation.Activations;
import dev.lamina.init.Initializer;
import dev.lamina.init.Initializers;
import dev.lamina.random.Rng;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the initializer guide's figures from the code: for each {@link InitializerGuide.Section} a
 * histogram of the weights its initializer draws for a 256x256 Dense kernel next to the exact
 * density, the activation variance through a 20-layer network, and the sigmoid with its derivative.
 * Seeded, so the same code draws the same pictures.
 */
public final class InitializerFigures {
  // First in the class: drawing needs no display, and AWT reads the property once.
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Width and height of every figure in pixels. */
  static final int WIDTH = 720;
  static final int HEIGHT = 420;
  /** The seed every figure draws from. */
  static final long SEED = 42;
  /** Bins of each histogram. */
  static final int BINS = 60;
  /** The depth of the variance figure's network. */
  static final int DEPTH = 20;
  /** Rows pushed through the variance figure's network. */
  static final int BATCH = 256;
  /** The variance figure's network: activation and kernel initializer per line. */
  static final List<String[]> DEPTH_SERIES = List.of(
      new String[] {"relu", "he_uniform"}, new String[] {"relu", "glorot_uniform"},
      new String[] {"relu", "random_uniform"}, new String[] {"tanh", "glorot_uniform"},
      new String[] {"tanh", "random_uniform"}, new String[] {"sigmoid", "glorot_uniform"});

  private static final Color BARS = new Color(31, 119, 180);
  private static final Color CURVE = new Color(214, 39, 40);

  private InitializerFigures() {}

  /** Writes every figure into {@code dir}; returns the files written. */
  public static List<Path> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (InitializerGuide.Section s : InitializerGuide.SECTIONS) {
      if (s.density() != null) {
        out.add(save(histogram(s), dir.resolve(s.figure())));
      }
    }
    out.add(save(depthVariance(), dir.resolve(InitializerGuide.DEPTH_FIGURE)));
    out.add(save(sigmoid(), dir.resolve(InitializerGuide.SIGMOID_FIGURE)));
    return out;
  }

  /** The weights {@code spec} draws for a {@code n x n} kernel from the figures' seed. */
  static double[] weights(dev.lamina.spec.ComponentSpec spec, int n) {
    Initializer init = Initializers.create(spec, "");
    double[] w = new double[n * n];
    init.fill(w, new int[] {n, n}, new Rng(SEED));
    return w;
  }

  private static XYChart histogram(InitializerGuide.Section s) {
    double[] w = weights(s.spec(), InitializerGuide.N);
    InitializerGuide.Density d = s.density();
    double lo = -d.support();
    double hi = d.support();
    double width = (hi - lo) / BINS;
    double[] counts = new double[BINS];
    for (double v : w) {
      int b = (int) Math.floor((v - lo) / width);
      if (b >= 0 && b < BINS) {
        counts[b]++;
      } else if (v == hi) {
        counts[BINS - 1]++;
      }
    }
    double[] hx = new double[2 * BINS];
    double[] hy = new double[2 * BINS];
    for (int i = 0; i < BINS; i++) {
      double density = counts[i] / (w.length * width);
      hx[2 * i] = lo + i * width;
      hx[2 * i + 1] = lo + (i + 1) * width;
      hy[2 * i] = density;
      hy[2 * i + 1] = density;
    }
    int points = 400;
    double[] cx = new double[points + 1];
    double[] cy = new double[points + 1];
    for (int i = 0; i <= points; i++) {
      cx[i] = lo + (hi - lo) * i / points;
      cy[i] = d.pdf(cx[i]);
    }
    XYChart c = chart(s.name() + ": " + InitializerGuide.N + "x" + InitializerGuide.N + " kernel, "
        + w.length + " weights", "weight", "density");
    XYSeries bars = c.addSeries("histogram (seed " + SEED + ")", hx, hy);
    bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    bars.setMarker(SeriesMarkers.NONE);
    bars.setFillColor(new Color(BARS.getRed(), BARS.getGreen(), BARS.getBlue(), 110));
    bars.setLineColor(BARS);
    XYSeries curve = c.addSeries("exact density: " + d.label(), cx, cy);
    curve.setMarker(SeriesMarkers.NONE);
    curve.setLineColor(CURVE);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    return c;
  }

  /**
   * Activation variance after each of {@link #DEPTH} Dense layers of width {@link InitializerGuide#N}
   * (zero bias), inputs drawn from N(0, 1).
   */
  static double[] varianceByDepth(String activation, String initializer) {
    int n = InitializerGuide.N;
    Rng rng = new Rng(SEED);
    double[] x = new double[BATCH * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    Activation act = Activations.create(activation);
    double[] z = new double[BATCH * n];
    double[] variance = new double[DEPTH];
    for (int layer = 0; layer < DEPTH; layer++) {
      Initializer init = Initializers.create(initializer);
      double[] w = new double[n * n];
      init.fill(w, new int[] {n, n}, Rng.forPath(SEED, "dense_" + layer + "/kernel"));
      java.util.Arrays.fill(z, 0);
      for (int r = 0; r < BATCH; r++) {
        for (int k = 0; k < n; k++) {
          double xv = x[r * n + k];
          int wo = k * n;
          int zo = r * n;
          for (int j = 0; j < n; j++) {
            z[zo + j] += xv * w[wo + j];
          }
        }
      }
      act.forward(z, x, BATCH, n);
      double sum = 0;
      double sq = 0;
      for (double v : x) {
        sum += v;
        sq += v * v;
      }
      double mean = sum / x.length;
      variance[layer] = sq / x.length - mean * mean;
    }
    return variance;
  }

  private static XYChart depthVariance() {
    XYChart c = new XYChartBuilder().width(960).height(560).title("activation variance through " + DEPTH
        + " Dense layers of " + InitializerGuide.N + " units (inputs N(0, 1))").xAxisTitle("layer")
        .yAxisTitle("variance of the layer's output (log scale)").build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotBackgroundColor(Color.WHITE);
    c.getStyler().setAntiAlias(true);
    c.getStyler().setYAxisLogarithmic(true);
    double[] layers = new double[DEPTH];
    for (int i = 0; i < DEPTH; i++) {
      layers[i] = i + 1;
    }
    for (String[] s : DEPTH_SERIES) {
      double[] v = varianceByDepth(s[0], s[1]);
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.max(v[i], 1e-30);
      }
      XYSeries series = c.addSeries(s[0] + " + " + s[1], layers, v);
      series.setMarker(SeriesMarkers.CIRCLE);
    }
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    return c;
  }

  private static XYChart sigmoid() {
    Activation sig = Activations.create("sigmoid");
    int points = 401;
    double[] x = new double[points];
    for (int i = 0; i < points; i++) {
      x[i] = -8 + 16.0 * i / (points - 1);
    }
    double[] y = new double[points];
    sig.forward(x, y, 1, points);
    double[] ones = new double[points];
    java.util.Arrays.fill(ones, 1);
    double[] dy = new double[points];
    sig.backward(x, y, ones, dy, 1, points);
    XYChart c = chart("sigmoid and its derivative: the gradient is at most 0.25", "x", "");
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    c.addSeries("sigmoid(x)", x, y).setMarker(SeriesMarkers.NONE);
    c.addSeries("sigmoid'(x) = s(x)(1 - s(x))", x, dy).setMarker(SeriesMarkers.NONE);
    return c;
  }

  private static XYChart chart(String title, String xTitle, String yTitle) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
        .build();
    Styler st = c.getStyler();
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setLegendPosition(Styler.LegendPosition.InsideNE);
    st.setAntiAlias(true);
    return c;
  }

  private static Path save(XYChart chart, Path file) throws IOException {
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    return file;
  }
}

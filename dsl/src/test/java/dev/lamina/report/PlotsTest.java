package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
  private static final int TRAIN_RGB = 0x1f77b4;
  private static final int TEST_RGB = 0xff7f0e;

  @TempDir Path dir;

  private static List<Double> curve(int epochs, double start, double end) {
    List<Double> values = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      values.add(end + (start - end) * Math.exp(-e / 10.0));
    }
    return values;
  }

  private static Map<String, List<Double>> history(boolean withValidation) {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", curve(40, 0.9, 0.45));
    h.put("accuracy", curve(40, 0.5, 0.78));
    if (withValidation) {
      h.put("val_loss", curve(40, 0.95, 0.5));
      h.put("val_accuracy", curve(40, 0.45, 0.74));
    }
    return h;
  }

  private static BufferedImage read(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG ImageIO can read").isNotNull();
    return image;
  }

  private static long pixels(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void writesAn800By600PngOfTheLoss() throws IOException {
    Path png = dir.resolve("loss.png");
    Plots.writeLoss(png, history(true));
    BufferedImage image = read(png);
    assertThat(image.getWidth()).isEqualTo(Plots.WIDTH).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(Plots.HEIGHT).isEqualTo(600);
  }

  @Test
  void drawsTrainAndTestLinesWhenValidationIsPresent() throws IOException {
    Path png = dir.resolve("loss.png");
    Plots.writeLoss(png, history(true));
    BufferedImage image = read(png);
    assertThat(pixels(image, TRAIN_RGB)).isGreaterThan(500);
    assertThat(pixels(image, TEST_RGB)).isGreaterThan(500);
  }

  @Test
  void drawsOnlyTheTrainLineWithoutValLoss() throws IOException {
    Path png = dir.resolve("loss.png");
    Plots.writeLoss(png, history(false));
    BufferedImage image = read(png);
    assertThat(pixels(image, TRAIN_RGB)).isGreaterThan(500);
    assertThat(pixels(image, TEST_RGB)).isZero();
  }

  @Test
  void hasAWhiteBackground() throws IOException {
    Path png = dir.resolve("loss.png");
    Plots.writeLoss(png, history(true));
    BufferedImage image = read(png);
    assertThat(image.getRGB(2, 2) & 0xffffff).isEqualTo(0xffffff);
    assertThat(image.getRGB(Plots.WIDTH - 3, Plots.HEIGHT - 3) & 0xffffff).isEqualTo(0xffffff);
  }

  @Test
  void putsTheLegendInTheUpperLeftCorner() throws IOException {
    // The legend's line samples sit near the top-left of the plot, far from the curves there.
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", curve(40, 0.2, 0.9));
    h.put("val_loss", curve(40, 0.25, 0.95));
    BufferedImage image = read(write(h, "loss"));
    BufferedImage corner = image.getSubimage(0, 0, Plots.WIDTH / 4, Plots.HEIGHT / 4);
    assertThat(pixels(corner, TRAIN_RGB)).isGreaterThan(10);
    assertThat(pixels(corner, TEST_RGB)).isGreaterThan(10);
  }

  private Path write(Map<String, List<Double>> h, String metric) {
    Path png = dir.resolve(metric + ".png");
    Plots.writeMetric(png, h, metric);
    return png;
  }

  @Test
  void drawsAMetricWithItsValidationTwin() throws IOException {
    BufferedImage image = read(write(history(true), "accuracy"));
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(pixels(image, TEST_RGB)).isGreaterThan(500);
  }

  @Test
  void drawsAHistoryOfOneEpoch() throws IOException {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", List.of(0.7));
    h.put("val_loss", List.of(0.72));
    BufferedImage image = read(write(h, "loss"));
    // One point has no line: it is drawn as a dot (beyond the legend's own sample).
    assertThat(pixels(image, TRAIN_RGB)).isGreaterThan(40);
    assertThat(pixels(image, TEST_RGB)).isGreaterThan(40);
  }

  @Test
  void skipsNanAndInfiniteValues() throws IOException {
    List<Double> loss = curve(20, 0.9, 0.45);
    loss.set(5, Double.NaN);
    loss.set(12, Double.POSITIVE_INFINITY);
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", loss);
    h.put("val_loss", Arrays.asList(0.9, null, Double.NaN, 0.7));
    BufferedImage image = read(write(h, "loss"));
    assertThat(pixels(image, TRAIN_RGB)).isGreaterThan(500);
  }

  @Test
  void drawsAnEmptyFrameWhenNothingIsFinite() throws IOException {
    Map<String, List<Double>> h = Map.of("loss", List.of(Double.NaN, Double.NaN));
    BufferedImage image = read(write(h, "loss"));
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(pixels(image, TRAIN_RGB)).isZero();
  }

  @Test
  void refusesAMetricTheHistoryLacksAndSuggestsOne() {
    assertThatThrownBy(() -> Plots.writeMetric(dir.resolve("x.png"), history(true), "acuracy"))
        .isInstanceOf(SpecException.class).hasMessageContaining("acuracy")
        .hasMessageContaining("Did you mean accuracy");
    assertThat(dir.resolve("x.png")).doesNotExist();
  }

  @Test
  void runsHeadless() throws IOException {
    Plots.writeLoss(dir.resolve("loss.png"), history(false));
    assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
  }

  @Test
  void rendersInAFreshJvmWhoseDisplayIsUnreachable() throws Exception {
    // Without java.awt.headless=true, AWT on Linux would try this X server and fail.
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), HeadlessPlotMain.class.getName())
        .redirectErrorStream(true);
    builder.environment().put("DISPLAY", ":99");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).contains("headless=true").containsPattern("bytes=[1-9]");
  }

  @Test
  void replacesAPreviousPlotAndLeavesNoTemporaryFile() throws IOException {
    Path png = dir.resolve("loss.png");
    Files.writeString(png, "old");
    Plots.writeLoss(png, history(true));
    assertThat(read(png).getHeight()).isEqualTo(600);
    assertThat(AtomicFileTest.listing(dir)).containsExactly("loss.png");
  }
}

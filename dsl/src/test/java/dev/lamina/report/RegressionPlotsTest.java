package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regression's plots: one figure for one target; one panel per target, each on its own scale
 * and in its target's colour, three to a row, for several.
 */
class RegressionPlotsTest {
  /** matplotlib's first four colours, the targets' markers in order. */
  private static final int[] COLORS = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728};

  @TempDir
  Path dir;

  /** Row-major values of {@code targets} columns whose scales differ by a factor of 100 per column. */
  private static double[][] data(int targets, int rows) {
    double[] actual = new double[rows * targets];
    double[] predicted = new double[rows * targets];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < targets; j++) {
        double scale = Math.pow(100, j);
        actual[r * targets + j] = scale * r;
        predicted[r * targets + j] = scale * (r + (r % 3 - 1) * 0.5);
      }
    }
    return new double[][] {predicted, actual};
  }

  private static int pixelsOf(BufferedImage img, int rgb, int x0, int y0, int w, int h) {
    int n = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void oneTargetIsOneFigureOfThePlotSize() throws IOException {
    double[][] d = data(1, 30);
    RegressionPlots.writePredictedVsActual(dir, List.of("y"), d[0], d[1]);
    BufferedImage img = ImageIO.read(dir.resolve(RegressionPlots.PREDICTED_VS_ACTUAL).toFile());
    assertThat(img.getWidth()).isEqualTo(Plots.WIDTH);
    assertThat(img.getHeight()).isEqualTo(Plots.HEIGHT);
    assertThat(pixelsOf(img, COLORS[0], 0, 0, img.getWidth(), img.getHeight())).isPositive();
  }

  @Test
  void threeTargetsAreThreePanelsSideBySideEachWithItsOwnTargetsPoints() throws IOException {
    double[][] d = data(3, 30);
    RegressionPlots.writeResiduals(dir, List.of("Weight", "Waist", "Pulse"), d[0], d[1]);
    BufferedImage img = ImageIO.read(dir.resolve(RegressionPlots.RESIDUALS).toFile());
    int w = RegressionPlots.panelWidth(3);
    int h = RegressionPlots.panelHeight(3);
    assertThat(img.getWidth()).isEqualTo(3 * w);
    assertThat(img.getHeight()).isEqualTo(h);
    for (int j = 0; j < 3; j++) {
      for (int k = 0; k < 3; k++) {
        int inPanel = pixelsOf(img, COLORS[k], j * w, 0, w, h);
        if (k == j) {
          assertThat(inPanel).as("target %d's points in its own panel", k).isPositive();
        } else {
          assertThat(inPanel).as("target %d's points in panel %d", k, j).isZero();
        }
      }
    }
  }

  @Test
  void aFourthTargetStartsASecondRow() throws IOException {
    double[][] d = data(4, 20);
    RegressionPlots.writePredictedVsActual(dir, List.of("a", "b", "c", "d"), d[0], d[1]);
    BufferedImage img = ImageIO.read(dir.resolve(RegressionPlots.PREDICTED_VS_ACTUAL).toFile());
    int w = RegressionPlots.panelWidth(4);
    int h = RegressionPlots.panelHeight(4);
    assertThat(img.getWidth()).isEqualTo(3 * w);
    assertThat(img.getHeight()).isEqualTo(2 * h);
    assertThat(pixelsOf(img, COLORS[3], 0, h, w, h)).isPositive();
    assertThat(pixelsOf(img, COLORS[3], w, h, 2 * w, h)).as("the empty cells stay blank").isZero();
  }
}

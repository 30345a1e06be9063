package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.random.Rng;
import org.junit.jupiter.api.Test;

/** {@link CurvePlots#thin}: few points for big test sets, none moved, nothing visible lost. */
class CurveThinningTest {
  /** A ROC-like staircase of n steps through the unit square, in random order of up and right. */
  private static double[][] staircase(int n, long seed) {
    Rng rng = new Rng(seed);
    double[] x = new double[n + 1];
    double[] y = new double[n + 1];
    int ups = 0;
    for (int i = 1; i <= n; i++) {
      boolean up = rng.nextDouble() < 0.5;
      ups += up ? 1 : 0;
      x[i] = (i - ups) / (double) n;
      y[i] = ups / (double) n;
    }
    return new double[][] {x, y};
  }

  @Test
  void aCurveOfTwoHundredThousandPointsKeepsAFewThousand() {
    double[][] c = staircase(200_000, 1);
    double[][] t = CurvePlots.thin(c[0], c[1]);
    assertThat(t[0].length).isLessThanOrEqualTo((int) (1 / CurvePlots.MIN_STEP) + 2).isGreaterThan(100);
  }

  @Test
  void theEndsAreKeptAndEveryKeptPointIsAnOriginalPoint() {
    double[][] c = staircase(50_000, 2);
    double[][] t = CurvePlots.thin(c[0], c[1]);
    int last = t[0].length - 1;
    assertThat(new double[] {t[0][0], t[1][0], t[0][last], t[1][last]})
        .containsExactly(c[0][0], c[1][0], c[0][c[0].length - 1], c[1][c[1].length - 1]);
    int j = 0;
    for (int i = 0; i < t[0].length; i++) {
      while (c[0][j] != t[0][i] || c[1][j] != t[1][i]) {
        j++; // throws past the end if a kept point is not in order among the originals
      }
    }
  }

  @Test
  void everyDroppedPointIsWithinHalfAPixelOfTheLastKeptPoint() {
    double[][] c = staircase(30_000, 3);
    double[][] t = CurvePlots.thin(c[0], c[1]);
    int k = 0;
    for (int i = 0; i < c[0].length; i++) {
      if (k + 1 < t[0].length && c[0][i] == t[0][k + 1] && c[1][i] == t[1][k + 1]) {
        k++;
      }
      assertThat(Math.abs(c[0][i] - t[0][k])).isLessThan(CurvePlots.MIN_STEP + 1e-12);
      assertThat(Math.abs(c[1][i] - t[1][k])).isLessThan(CurvePlots.MIN_STEP + 1e-12);
    }
  }

  @Test
  void smallCurvesAreDrawnAsTheyAre() {
    double[] x = {0, 0.5, 1};
    double[] y = {0, 0.7, 1};
    double[][] t = CurvePlots.thin(x, y);
    assertThat(t[0]).containsExactly(x);
    assertThat(t[1]).containsExactly(y);
  }
}

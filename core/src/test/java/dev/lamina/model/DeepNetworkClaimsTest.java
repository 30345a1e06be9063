package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.diagnose.Diagnostics;
import dev.lamina.diagnose.LayerStats;
import dev.lamina.train.Dataset;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/**
 * The deep-network claims of the article as statistical tests over seeds (one-sided one-sample
 * t-tests on log10 of the measured ratio, 20 seeds, alpha 0.001), measured with
 * {@link ArticleClaimsTest#errorNorms}; and the check that {@link Diagnostics} reports the same
 * error norms, so the inspect command shows what these tests prove.
 */
class DeepNetworkClaimsTest {
  private static final int SEEDS = 20;
  private static final double ALPHA = 0.001;

  /** log10(|dL/dz| of the input layer / of the last hidden layer) for each seed. */
  private static double[] logDecay(String activation, String init) {
    double[] r = new double[SEEDS];
    for (int s = 0; s < SEEDS; s++) {
      double[] d = ArticleClaimsTest.errorNorms(activation, init, 100 + s)[0];
      r[s] = Math.log10(d[0] / d[d.length - 1]);
    }
    return r;
  }

  /** log10(max / min |dL/dz| over the hidden layers) for each seed. */
  private static double[] logSpread(String activation, String init) {
    double[] r = new double[SEEDS];
    for (int s = 0; s < SEEDS; s++) {
      double[] d = ArticleClaimsTest.errorNorms(activation, init, 100 + s)[0];
      double min = Double.POSITIVE_INFINITY;
      double max = 0;
      for (double v : d) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      r[s] = Math.log10(max / min);
    }
    return r;
  }

  /** One-sided p-value that the mean of {@code sample} is below {@code bound}. */
  private static double pBelow(double[] sample, double bound) {
    double p = new TTest().tTest(bound, sample) / 2;
    double mean = java.util.Arrays.stream(sample).average().orElseThrow();
    return mean < bound ? p : 1 - p;
  }

  @Test
  void smallUniformInitShrinksTheTanhErrorByMoreThanThreeOrdersOfMagnitude() {
    assertThat(pBelow(logDecay("tanh", "random_uniform"), -3)).isLessThan(ALPHA);
  }

  @Test
  void smallUniformInitShrinksTheReluErrorByMoreThanThreeOrdersOfMagnitude() {
    assertThat(pBelow(logDecay("relu", "random_uniform"), -3)).isLessThan(ALPHA);
  }

  @Test
  void glorotKeepsTanhErrorsWithinAnOrderOfMagnitudeOverSeeds() {
    assertThat(pBelow(logSpread("tanh", "glorot_uniform"), 1)).isLessThan(ALPHA);
  }

  @Test
  void heKeepsReluErrorsWithinAnOrderOfMagnitudeOverSeeds() {
    assertThat(pBelow(logSpread("relu", "he_uniform"), 1)).isLessThan(ALPHA);
  }

  @Test
  void diagnosticsReportTheSameErrorNormsAsTheClaimTests() {
    long seed = 3;
    double[] expected = ArticleClaimsTest.errorNorms("tanh", "random_uniform", seed)[0];
    // Rebuild the same model and batch as errorNorms does and measure through the public API.
    Model m = Model.of(Fixtures.deep(10, 32, "tanh", "random_uniform", seed));
    dev.lamina.random.Rng rng = new dev.lamina.random.Rng(seed * 31);
    double[] x = new double[128 * 32];
    double[] y = new double[128];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    for (int r = 0; r < 128; r++) {
      y[r] = rng.nextDouble() < 0.5 ? 1 : 0;
    }
    List<LayerStats> stats = Diagnostics.inspect(m, new Dataset(x, 128, 32, y, 1, null)).layers();
    for (int l = 0; l < expected.length; l++) {
      assertThat(stats.get(l).errorNorm()).as("layer %d", l).isCloseTo(expected[l], within(1e-12 * expected[l]));
    }
  }
}

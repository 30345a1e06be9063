package dev.lamina.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.random.Rng;
import dev.lamina.spec.SpecException;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keras's orthogonal initializer: structure, sign convention, gain and the Haar marginal law. */
class OrthogonalTest {
  private static final double EXACT = 1e-10;

  static Stream<Arguments> shapesAndGains() {
    return Stream.of(
        Arguments.of(new int[] {8, 4}, 1.0), Arguments.of(new int[] {5, 5}, 1.0),
        Arguments.of(new int[] {64, 32}, 2.5), Arguments.of(new int[] {2, 3, 4}, 1.0),
        Arguments.of(new int[] {4, 8}, 1.0), Arguments.of(new int[] {3, 10}, 0.5),
        Arguments.of(new int[] {1, 5}, 1.0), Arguments.of(new int[] {7, 1}, 3.0));
  }

  @ParameterizedTest(name = "shape {0}, gain {1}")
  @MethodSource("shapesAndGains")
  void theNarrowSideIsOrthonormalTimesGain(int[] shape, double gain) {
    int cols = shape[shape.length - 1];
    int rows = Initializer.size(shape) / cols;
    double[] w = new double[rows * cols];
    new Orthogonal(gain, null).fill(w, shape, new Rng(Samples.SEED));

    // rows >= cols: W^T W = gain^2 I (columns orthonormal); else W W^T = gain^2 I (rows).
    boolean columns = rows >= cols;
    int k = Math.min(rows, cols);
    int len = Math.max(rows, cols);
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        double dot = 0;
        for (int t = 0; t < len; t++) {
          dot += columns ? w[t * cols + a] * w[t * cols + b] : w[a * cols + t] * w[b * cols + t];
        }
        assertThat(dot).as("<%d,%d>", a, b).isCloseTo(a == b ? gain * gain : 0, within(EXACT));
      }
    }
  }

  @Test
  void resultIsTheQFactorOfTheGaussianDrawWithPositiveDiagonal() {
    int rows = 6;
    int cols = 4;
    double[] w = new double[rows * cols];
    new Orthogonal().fill(w, new int[] {rows, cols}, new Rng(Samples.SEED));
    Rng same = new Rng(Samples.SEED);
    double[] a = new double[rows * cols];
    for (int i = 0; i < a.length; i++) {
      a[i] = same.nextGaussian();
    }

    // R = Q^T A must be upper triangular with a positive diagonal (Keras's sign fix).
    for (int i = 0; i < cols; i++) {
      for (int j = 0; j < cols; j++) {
        double r = 0;
        for (int t = 0; t < rows; t++) {
          r += w[t * cols + i] * a[t * cols + j];
        }
        if (i > j) {
          assertThat(r).as("R[%d][%d]", i, j).isCloseTo(0, within(EXACT));
        } else if (i == j) {
          assertThat(r).as("R[%d][%d]", i, j).isPositive();
        }
      }
    }
  }

  @Test
  void entriesFollowTheMarginalOfAUniformUnitVector() {
    // Each column of a Haar-random 400 x 250 semi-orthogonal matrix is uniform on the unit sphere
    // in R^400, so (w + 1) / 2 ~ Beta(399/2, 399/2) exactly.
    int rows = 400;
    int cols = 250;
    double[] w = new double[rows * cols];
    new Orthogonal().fill(w, new int[] {rows, cols}, new Rng(Samples.SEED));
    double[] shifted = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      shifted[i] = (w[i] + 1) / 2;
    }
    BetaDistribution marginal = new BetaDistribution(null, (rows - 1) / 2.0, (rows - 1) / 2.0);

    assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(marginal, shifted)).isGreaterThan(1e-3);
  }

  @Test
  void rankBelowTwoIsRefused() {
    assertThatThrownBy(() -> new Orthogonal().fill(new double[5], new int[] {5}, new Rng(1)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("rank 2")
        .hasMessageContaining("[5]");
  }
}

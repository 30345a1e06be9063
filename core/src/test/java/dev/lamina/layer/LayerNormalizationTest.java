package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.init.Initializers;
import dev.lamina.random.Rng;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/** LayerNormalization: each row normalized over its columns, identically in training and inference. */
class LayerNormalizationTest {
  private static final int ROWS = 4;
  private static final int WIDTH = 5;
  private static final double EPS = 1e-3;

  private static LayerNormalization layer() {
    LayerNormalization ln = new LayerNormalization("layer_normalization", WIDTH, EPS,
        Initializers.create(ComponentSpec.of("ones"), "g"), Initializers.create(ComponentSpec.of("zeros"), "b"));
    ln.initialize(1L);
    ln.allocate(ROWS);
    return ln;
  }

  private static double[] input(long seed) {
    Rng rng = new Rng(seed);
    double[] x = new double[ROWS * WIDTH];
    for (int i = 0; i < x.length; i++) {
      x[i] = 2 + 3 * rng.nextGaussian();
    }
    return x;
  }

  @Test
  void eachRowIsNormalizedWithItsOwnMeanAndBiasedVariance() {
    LayerNormalization ln = layer();
    double[] x = input(2);
    double[] y = ln.forward(x, ROWS, true);
    for (int r = 0; r < ROWS; r++) {
      double m = 0;
      for (int j = 0; j < WIDTH; j++) {
        m += x[r * WIDTH + j];
      }
      m /= WIDTH;
      double v = 0;
      for (int j = 0; j < WIDTH; j++) {
        v += (x[r * WIDTH + j] - m) * (x[r * WIDTH + j] - m);
      }
      v /= WIDTH;
      for (int j = 0; j < WIDTH; j++) {
        assertThat(y[r * WIDTH + j]).isCloseTo((x[r * WIDTH + j] - m) / Math.sqrt(v + EPS), within(1e-12));
      }
    }
  }

  @Test
  void trainingAndInferenceGiveTheSameOutput() {
    LayerNormalization ln = layer();
    double[] x = input(3);
    double[] train = ln.forward(x, ROWS, true).clone();
    assertThat(ln.forward(x, ROWS, false)).containsExactly(train, within(0.0));
  }

  @Test
  void gradientsMatchCentralDifferences() {
    LayerNormalization ln = layer();
    Rng rng = new Rng(9);
    for (int j = 0; j < WIDTH; j++) {
      ln.gamma().value()[j] = 0.5 + rng.nextDouble();
      ln.beta().value()[j] = rng.nextGaussian();
    }
    double[] x = input(4);
    double[] c = new double[ROWS * WIDTH];
    for (int i = 0; i < c.length; i++) {
      c[i] = rng.nextGaussian();
    }
    GradientCheck.ScalarFunction loss = ignored -> {
      double[] y = ln.forward(x, ROWS, true);
      double s = 0;
      for (int i = 0; i < c.length; i++) {
        s += c[i] * y[i] * y[i];
      }
      return s;
    };
    double[] y = ln.forward(x, ROWS, true);
    double[] dy = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      dy[i] = 2 * c[i] * y[i];
    }
    double[] dx = ln.backward(dy, ROWS, true).clone();
    double[] dGamma = ln.gamma().grad().clone();
    double[] dBeta = ln.beta().grad().clone();
    GradientCheck.assertMatches(dx, GradientCheck.numericGradient(loss, x), 1e-6, 1e-9, "d loss / d x");
    GradientCheck.assertMatches(dGamma, GradientCheck.numericGradient(loss, ln.gamma().value()), 1e-6, 1e-9, "d gamma");
    GradientCheck.assertMatches(dBeta, GradientCheck.numericGradient(loss, ln.beta().value()), 1e-6, 1e-9, "d beta");
  }
}

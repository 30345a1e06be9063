package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.init.Initializers;
import dev.lamina.random.Rng;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BatchNormalization against Keras 3's formulas: batch statistics (biased variance) in training,
 * moving statistics at inference, moving = moving * momentum + batch * (1 - momentum), and
 * central-difference gradients of the training-mode forward (a function of the whole batch).
 */
class BatchNormalizationTest {
  private static final int ROWS = 6;
  private static final int WIDTH = 3;
  private static final double EPS = 1e-3;
  private static final double MOMENTUM = 0.99;

  private static BatchNormalization layer(double momentum) {
    BatchNormalization bn = new BatchNormalization("batch_normalization", WIDTH, momentum, EPS,
        Initializers.create(ComponentSpec.of("ones"), "g"), Initializers.create(ComponentSpec.of("zeros"), "b"),
        Initializers.create(ComponentSpec.of("zeros"), "m"), Initializers.create(ComponentSpec.of("ones"), "v"));
    bn.initialize(1L);
    bn.allocate(ROWS);
    return bn;
  }

  private static double[] batch(long seed, double shift) {
    Rng rng = new Rng(seed);
    double[] x = new double[ROWS * WIDTH];
    for (int i = 0; i < x.length; i++) {
      x[i] = shift + (1 + i % WIDTH) * rng.nextGaussian();
    }
    return x;
  }

  private static double columnMean(double[] x, int j) {
    double s = 0;
    for (int r = 0; r < ROWS; r++) {
      s += x[r * WIDTH + j];
    }
    return s / ROWS;
  }

  /** numpy's {@code var} (ddof=0), what {@code ops.moments} returns. */
  private static double biasedVariance(double[] x, int j) {
    double m = columnMean(x, j);
    double s = 0;
    for (int r = 0; r < ROWS; r++) {
      s += (x[r * WIDTH + j] - m) * (x[r * WIDTH + j] - m);
    }
    return s / ROWS;
  }

  @Test
  void trainingNormalizesEachColumnWithTheBatchMeanAndBiasedVariance() {
    BatchNormalization bn = layer(MOMENTUM);
    double[] x = batch(3, 5.0);
    double[] y = bn.forward(x, ROWS, true);
    for (int j = 0; j < WIDTH; j++) {
      double m = columnMean(x, j);
      double v = biasedVariance(x, j);
      for (int r = 0; r < ROWS; r++) {
        assertThat(y[r * WIDTH + j]).isCloseTo((x[r * WIDTH + j] - m) / Math.sqrt(v + EPS), within(1e-12));
      }
    }
  }

  @Test
  void movingStatisticsFollowKerasUpdateRuleOverSeveralBatches() {
    BatchNormalization bn = layer(0.9);
    double[] expectedMean = {0, 0, 0};
    double[] expectedVar = {1, 1, 1};
    for (int step = 0; step < 4; step++) {
      double[] x = batch(10 + step, step);
      bn.forward(x, ROWS, true);
      for (int j = 0; j < WIDTH; j++) {
        expectedMean[j] = expectedMean[j] * 0.9 + columnMean(x, j) * (1 - 0.9);
        expectedVar[j] = expectedVar[j] * 0.9 + biasedVariance(x, j) * (1 - 0.9);
      }
    }
    assertThat(bn.movingMean().value()).containsExactly(expectedMean, within(1e-12));
    assertThat(bn.movingVariance().value()).containsExactly(expectedVar, within(1e-12));
  }

  @Test
  void inferenceUsesTheMovingStatisticsAndLeavesThemUnchanged() {
    BatchNormalization bn = layer(MOMENTUM);
    bn.gamma().value()[1] = 2.0;
    bn.beta().value()[2] = -0.5;
    bn.movingMean().value()[0] = 0.3;
    bn.movingVariance().value()[0] = 4.0;
    double[] x = batch(4, 1.0);
    double[] y = bn.forward(x, ROWS, false).clone();
    double[] gamma = {1, 2, 1};
    double[] beta = {0, 0, -0.5};
    double[] mm = {0.3, 0, 0};
    double[] mv = {4, 1, 1};
    for (int r = 0; r < ROWS; r++) {
      for (int j = 0; j < WIDTH; j++) {
        double expected = gamma[j] * (x[r * WIDTH + j] - mm[j]) / Math.sqrt(mv[j] + EPS) + beta[j];
        assertThat(y[r * WIDTH + j]).isCloseTo(expected, within(1e-12));
      }
    }
    assertThat(bn.movingMean().value()).containsExactly(0.3, 0, 0);
    assertThat(bn.movingVariance().value()).containsExactly(4.0, 1, 1);
  }

  @Test
  void trainingAndInferenceOutputsDifferUntilTheMovingStatisticsConverge() {
    BatchNormalization bn = layer(0.5);
    double[] x = batch(8, 3.0);
    double[] train = bn.forward(x, ROWS, true).clone();
    double[] infer = bn.forward(x, ROWS, false).clone();
    assertThat(Math.abs(train[0] - infer[0])).isGreaterThan(0.1);
    for (int i = 0; i < 60; i++) {
      bn.forward(x, ROWS, true);
    }
    // With momentum 0.5 the moving statistics reach the batch's after a few dozen steps.
    assertThat(bn.forward(x, ROWS, false)).containsExactly(train, within(1e-9));
  }

  @ParameterizedTest(name = "training = {0}")
  @ValueSource(booleans = {true, false})
  void gradientsMatchCentralDifferences(boolean training) {
    BatchNormalization bn = layer(MOMENTUM);
    Rng rng = new Rng(21);
    for (int j = 0; j < WIDTH; j++) {
      bn.gamma().value()[j] = 0.5 + rng.nextDouble();
      bn.beta().value()[j] = rng.nextGaussian();
      bn.movingMean().value()[j] = rng.nextGaussian();
      bn.movingVariance().value()[j] = 0.5 + rng.nextDouble();
    }
    double[] x = batch(5, 0.7);
    double[] c = new double[ROWS * WIDTH];
    for (int i = 0; i < c.length; i++) {
      c[i] = rng.nextGaussian();
    }
    // Loss = sum c_i * y_i * y_i: non-linear in the outputs, so the check sees every term.
    GradientCheck.ScalarFunction loss = ignored -> {
      double[] y = bn.forward(x, ROWS, training);
      double s = 0;
      for (int i = 0; i < c.length; i++) {
        s += c[i] * y[i] * y[i];
      }
      return s;
    };
    double[] y = bn.forward(x, ROWS, training);
    double[] dy = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      dy[i] = 2 * c[i] * y[i];
    }
    double[] dx = bn.backward(dy, ROWS, true).clone();
    double[] dGamma = bn.gamma().grad().clone();
    double[] dBeta = bn.beta().grad().clone();
    GradientCheck.assertMatches(dx, GradientCheck.numericGradient(loss, x), 1e-6, 1e-9, "d loss / d x");
    GradientCheck.assertMatches(dGamma, GradientCheck.numericGradient(loss, bn.gamma().value()), 1e-6, 1e-9, "d gamma");
    GradientCheck.assertMatches(dBeta, GradientCheck.numericGradient(loss, bn.beta().value()), 1e-6, 1e-9, "d beta");
  }

  @Test
  void withoutCenterAndScaleTheLayerHasNoTrainableTensorsButKeepsItsState() {
    BatchNormalization bn = new BatchNormalization("bn", WIDTH, MOMENTUM, EPS, null, null,
        Initializers.create(ComponentSpec.of("zeros"), "m"), Initializers.create(ComponentSpec.of("ones"), "v"));
    assertThat(bn.parameters()).isEmpty();
    assertThat(bn.state()).extracting(p -> p.name()).containsExactly("bn/moving_mean", "bn/moving_variance");
  }
}

package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.layer.Dense;
import dev.lamina.layer.Layer;
import dev.lamina.random.Rng;
import dev.lamina.train.Fit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The weight-initialization article's claims, as executable specifications. */
class ArticleClaimsTest {
  private static final int DEPTH = 10;
  private static final int WIDTH = 32;
  private static final int BATCH = 128;
  private static final long[] SEEDS = {1, 2, 3, 4, 5};

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"zeros", "ones", "constant"})
  void constantInitializationNeverBreaksSymmetry(String init) {
    double[][] x = Fixtures.features(200, 11, 2);
    double[] y = Fixtures.labels(x, 2);
    var spec = new dev.lamina.spec.ModelSpec("sym", 3L, List.of(
        Fixtures.dense(6, "tanh", init, 11), Fixtures.dense(6, "tanh", init), Fixtures.dense(1, "sigmoid", init)),
        new dev.lamina.spec.CompileSpec(dev.lamina.spec.ComponentSpec.of("adam"),
            dev.lamina.spec.ComponentSpec.of("binary_crossentropy"), List.of()));
    Model m = Model.of(spec);
    m.fit(x, y, Fit.epochs(5).batchSize(10));
    for (int l = 0; l < 2; l++) {
      Dense d = (Dense) m.layers().get(l);
      double[] w = d.kernel().value();
      int units = d.outputWidth();
      for (int i = 0; i < d.inputWidth(); i++) {
        for (int j = 1; j < units; j++) {
          assertThat(w[i * units + j]).as("layer %d unit %d equals unit 0", l, j).isEqualTo(w[i * units]);
        }
      }
    }
  }

  /**
   * One forward and backward pass of a deep equal-width network on a random batch; for each hidden
   * Dense layer (input layer first) the norm of the back-propagated error dLoss/dz (the "gradient"
   * of the vanishing-gradient story) and the norm of dLoss/da arriving from the layer above.
   */
  static double[][] errorNorms(String activation, String init, long seed) {
    Model m = Model.of(Fixtures.deep(DEPTH, WIDTH, activation, init, seed));
    Network net = m.network();
    LossHead head = m.head();
    Rng rng = new Rng(seed * 31);
    double[] x = new double[BATCH * WIDTH];
    double[] y = new double[BATCH];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    for (int r = 0; r < BATCH; r++) {
      y[r] = rng.nextDouble() < 0.5 ? 1 : 0;
    }
    net.allocate(BATCH);
    head.allocate(BATCH);
    head.loss(net.forward(x, BATCH, false), y, null, BATCH, true);
    head.backward(BATCH);
    List<Layer> layers = net.layers();
    int hidden = layers.size() - 1;
    double[] delta = new double[hidden];
    double[] arriving = new double[hidden];
    for (int l = 0; l < hidden; l++) {
      delta[l] = norm(((Dense) layers.get(l)).preActivationGradient(), BATCH * WIDTH);
      arriving[l] = norm(((Dense) layers.get(l + 1)).inputGradient(), BATCH * WIDTH);
    }
    return new double[][] {delta, arriving};
  }

  private static double norm(double[] v, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += v[i] * v[i];
    }
    return Math.sqrt(s);
  }

  @ParameterizedTest(name = "random_uniform with {0}")
  @ValueSource(strings = {"relu", "tanh"})
  void smallUniformInitMakesTheGradientVanishTowardsTheInput(String activation) {
    for (long seed : SEEDS) {
      double[] d = errorNorms(activation, "random_uniform", seed)[0];
      assertThat(d[0] / d[d.length - 1]).as("seed %d: |dL/dz| of the input layer / of the last hidden layer", seed)
          .isLessThan(1e-3);
    }
  }

  @Test
  void glorotKeepsTanhGradientsWithinAnOrderOfMagnitude() {
    for (long seed : SEEDS) {
      assertThat(spread(errorNorms("tanh", "glorot_uniform", seed)[0])).as("seed %d", seed).isLessThan(10);
    }
  }

  @Test
  void heKeepsReluGradientsWithinAnOrderOfMagnitude() {
    for (long seed : SEEDS) {
      assertThat(spread(errorNorms("relu", "he_uniform", seed)[0])).as("seed %d", seed).isLessThan(10);
    }
  }

  @ParameterizedTest(name = "sigmoid with {0}")
  @ValueSource(strings = {"random_uniform", "uniform_fan_in", "glorot_normal", "glorot_uniform", "he_normal", "he_uniform"})
  void sigmoidLosesAtLeastAFactorFourPerLayerThroughItsDerivative(String init) {
    for (long seed : SEEDS) {
      double[][] n = errorNorms("sigmoid", init, seed);
      for (int l = 0; l < n[0].length; l++) {
        assertThat(n[0][l] / n[1][l]).as("seed %d, layer %d: |dL/dz| / |dL/da|", seed, l).isLessThanOrEqualTo(0.25);
      }
      double[] d = n[0];
      assertThat(d[0] / d[d.length - 1]).as("seed %d: |dL/dz| input layer / last hidden layer", seed).isLessThan(1e-2);
    }
  }

  private static double spread(double[] n) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double v : n) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max / min;
  }
}

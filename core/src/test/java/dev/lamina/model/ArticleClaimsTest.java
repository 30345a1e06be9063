package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.layer.Dense;
import dev.lamina.layer.Layer;
import dev.lamina.random.Rng;
import dev.lamina.train.Fit;
import java.util.ArrayList;
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

  /** Norm of each Dense kernel's gradient from one backward pass, input layer first. */
  static double[] kernelGradientNorms(String activation, String init, long seed) {
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
    List<Double> norms = new ArrayList<>();
    for (Layer l : net.layers()) {
      if (l instanceof Dense d && d.outputWidth() == WIDTH) {
        double s = 0;
        for (double g : d.kernel().grad()) {
          s += g * g;
        }
        norms.add(Math.sqrt(s));
      }
    }
    return norms.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @ParameterizedTest(name = "random_uniform with {0}")
  @ValueSource(strings = {"relu", "tanh"})
  void smallUniformInitMakesTheGradientVanishTowardsTheInput(String activation) {
    for (long seed : SEEDS) {
      double[] n = kernelGradientNorms(activation, "random_uniform", seed);
      assertThat(n[0] / n[n.length - 1]).as("seed %d: input-layer / last-hidden gradient norm", seed).isLessThan(1e-3);
    }
  }

  @Test
  void glorotKeepsTanhGradientsWithinAnOrderOfMagnitude() {
    for (long seed : SEEDS) {
      assertThat(spread(kernelGradientNorms("tanh", "glorot_uniform", seed))).as("seed %d", seed).isLessThan(10);
    }
  }

  @Test
  void heKeepsReluGradientsWithinAnOrderOfMagnitude() {
    for (long seed : SEEDS) {
      assertThat(spread(kernelGradientNorms("relu", "he_uniform", seed))).as("seed %d", seed).isLessThan(10);
    }
  }

  @ParameterizedTest(name = "sigmoid with {0}")
  @ValueSource(strings = {"random_uniform", "uniform_fan_in", "glorot_normal", "glorot_uniform", "he_normal", "he_uniform"})
  void sigmoidLosesAtLeastAFactorFourPerLayer(String init) {
    for (long seed : SEEDS) {
      double[] n = kernelGradientNorms("sigmoid", init, seed);
      int layersCrossed = n.length - 1;
      double perLayer = Math.pow(n[0] / n[n.length - 1], 1.0 / layersCrossed);
      assertThat(perLayer).as("seed %d: geometric-mean gradient ratio per layer", seed).isLessThanOrEqualTo(0.25);
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

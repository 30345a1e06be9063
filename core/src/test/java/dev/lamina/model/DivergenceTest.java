package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Divergence;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A NaN or infinite loss or gradient stops training with a diagnosis, and the model keeps the last
 * finite weights.
 */
class DivergenceTest {
  private final double[][] x = Fixtures.features(200, 11, 8);
  private final double[] y = Fixtures.labels(x, 8);

  private static Model model(String activation, double lr) {
    return Model.of(new ModelSpec("nan", 1L, List.of(Fixtures.dense(4, activation, "ones", 11), Fixtures.dense(1, "linear", "ones")),
        new CompileSpec(ComponentSpec.of("sgd", "learning_rate", lr), ComponentSpec.of("mse"), List.of())));
  }

  @Test
  void anExplodingLearningRateStopsTrainingWithTheEpochAndBatch() {
    Model m = model("linear", 1e10);
    History h = m.fit(x, y, Fit.epochs(50).batchSize(10));
    Divergence d = m.lastDivergence();
    assertThat(d).isNotNull();
    assertThat(h.epochs()).isEqualTo(d.epoch() + 1);
    assertThat(d.message()).startsWith("training diverged at epoch " + (d.epoch() + 1) + ", batch " + d.batch() + ": the loss is ")
        .contains("The last finite weights are kept", "lower learning_rate (now 1.0E10, e.g. 1.0E9)", "clipnorm", "kernel_initializer")
        .doesNotContain("\n");
  }

  @Test
  void theWeightsKeptAreFinite() {
    Model m = model("linear", 1e10);
    m.fit(x, y, Fit.epochs(50).batchSize(10));
    for (double[] w : m.weights()) {
      for (double v : w) {
        assertThat(v).isFinite();
      }
    }
  }

  @Test
  void anOverflowingUpdatePutsBackTheWeightsOfTheEpochStart() {
    Model m = model("linear", Double.MAX_VALUE);
    double[][] before = m.weights();
    m.fit(x, y, Fit.epochs(3).batchSize(10).shuffle(false));
    Divergence d = m.lastDivergence();
    assertThat(d.where()).isEqualTo("weights");
    assertThat(d.epoch()).isZero();
    assertThat(d.batch()).isZero();
    assertThat(m.weights()).isDeepEqualTo(before);
  }

  @Test
  void theFirstLayerWithNonFiniteActivationsIsNamed() {
    // exp overflows in the first layer once the weights grow, while the loss was finite before.
    Model m = model("exponential", 1e4);
    m.fit(x, y, Fit.epochs(50).batchSize(10));
    Divergence d = m.lastDivergence();
    assertThat(d).isNotNull();
    assertThat(d.message()).contains("the first non-finite values were in the activations of layer dense (Dense)");
  }

  @Test
  void aHealthyFitHasNoDivergence() {
    Model m = model("relu", 0.01);
    m.fit(x, y, Fit.epochs(2).batchSize(10));
    assertThat(m.lastDivergence()).isNull();
  }
}

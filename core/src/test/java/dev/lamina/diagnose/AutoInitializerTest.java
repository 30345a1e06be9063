package dev.lamina.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.activation.Activations;
import dev.lamina.init.AutoInitializer;
import dev.lamina.layer.Dense;
import dev.lamina.model.Model;
import dev.lamina.spec.ComponentSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code kernel_initializer: auto}: the documented table, and what the built layers and summary show. */
class AutoInitializerTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "relu, he_uniform", "leaky_relu, he_uniform", "elu, he_uniform", "gelu, he_uniform", "swish, he_uniform",
      "silu, he_uniform", "selu, lecun_normal", "sigmoid, glorot_uniform", "tanh, glorot_uniform",
      "softmax, glorot_uniform", "linear, glorot_uniform", "softsign, glorot_uniform", "softplus, glorot_uniform"})
  void resolvesFromTheActivationAsTheTableSays(String activation, String expected) {
    assertThat(AutoInitializer.choiceFor(Activations.create(activation))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"relu, he_uniform", "selu, lecun_normal", "tanh, glorot_uniform"})
  void theBuiltLayerUsesTheResolvedInitializer(String activation, String expected) {
    Model m = Model.of(TinyNetwork.model(4, List.of(TinyNetwork.dense(8, activation, "auto").withInputDim(3),
        TinyNetwork.dense(1, "sigmoid", "auto"))));
    assertThat(((Dense) m.layers().get(0)).kernelInitializer().name()).isEqualTo(expected);
    assertThat(((Dense) m.layers().get(1)).kernelInitializer().name()).isEqualTo("glorot_uniform");
  }

  @Test
  void autoDrawsExactlyTheWeightsOfTheInitializerItResolvesTo() {
    Model auto = Model.of(TinyNetwork.model(4, List.of(TinyNetwork.dense(8, "relu", "auto").withInputDim(3))));
    Model he = Model.of(TinyNetwork.model(4, List.of(TinyNetwork.dense(8, "relu", "he_uniform").withInputDim(3))));
    assertThat(auto.weights()).isDeepEqualTo(he.weights());
  }

  @Test
  void theSummaryShowsWhatAutoResolvedTo() {
    Model m = Model.of(TinyNetwork.model(4, List.of(TinyNetwork.dense(8, "relu", ComponentSpec.of("Auto")).withInputDim(3),
        TinyNetwork.dense(1, "sigmoid", "auto"))));
    assertThat(m.summary()).contains("he_uniform (auto)").contains("glorot_uniform (auto)");
  }
}

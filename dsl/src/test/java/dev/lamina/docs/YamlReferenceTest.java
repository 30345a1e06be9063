package dev.lamina.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.activation.Activations;
import dev.lamina.init.Initializers;
import dev.lamina.layer.Regularizer;
import dev.lamina.loss.Losses;
import dev.lamina.metric.Metrics;
import dev.lamina.model.NetworkBuilder;
import dev.lamina.optim.Optimizers;
import dev.lamina.optim.Schedules;
import dev.lamina.spec.Registry;
import dev.lamina.train.Callbacks;
import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class YamlReferenceTest {
  static Stream<Registry<?>> registries() {
    return Stream.of(Initializers.REGISTRY, Activations.REGISTRY, Losses.REGISTRY, Optimizers.REGISTRY,
        Schedules.REGISTRY, Metrics.REGISTRY, Callbacks.REGISTRY, Regularizer.REGISTRY);
  }

  @ParameterizedTest
  @MethodSource("registries")
  void listsEveryRegisteredComponentWithItsExample(Registry<?> registry) {
    String md = YamlReference.markdown();
    for (String name : registry.names()) {
      assertThat(md).contains("| `" + name + "` |");
    }
  }

  @Test
  void listsEveryLayerTypeTheReaderKnows() {
    String md = YamlReference.markdown();
    for (String type : dev.lamina.layertype.LayerTypes.names()) {
      assertThat(md).contains("### " + type + "\n");
    }
  }

  @Test
  void defaultsComeFromTheFactories() {
    assertThat(YamlReference.markdown())
        .contains("`learning_rate`: number or schedule = 0.001")
        .contains("`scale`: number = 1.0<br>`mode`: string = fan_in");
  }

  @Test
  void everyComponentExampleInTheReferenceBuilds() {
    // The example column is valid YAML for the key it names; spot-check the required-argument ones.
    for (String example : List.of(
        "{exponential_decay: {initial_learning_rate: 0.01, decay_steps: 1000, decay_rate: 0.9}}",
        "{piecewise_constant_decay: {boundaries: [1000], values: [0.01, 0.001]}}")) {
      assertThat(YamlReference.markdown()).contains("learning_rate: " + example);
      ParsedSpec p = SpecReader.read("layers: [{dense: {units: 1, input_dim: 2}}]\ncompile: {loss: mse, optimizer: "
          + "{adam: {learning_rate: " + example + "}}}\n", "t.yaml");
      assertThat(dev.lamina.model.Model.of(p.spec().model()).isBuilt()).isTrue();
    }
  }
}

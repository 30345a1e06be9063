package dev.lamina.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.init.Initializers;
import dev.lamina.optim.Schedules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryDescribeTest {
  @Test
  void describeListsTheArgumentsAFactoryReadsWithTheirDefaults() {
    assertThat(Initializers.REGISTRY.describe("random_uniform")).containsExactly(
        new Args.Declared("minval", "number", -0.05, null),
        new Args.Declared("maxval", "number", 0.05, null),
        new Args.Declared("seed", "integer", null, null));
  }

  @Test
  void describeMarksArgumentsAComponentCannotDoWithoutAsRequiredAndKeepsTheRest() {
    List<Args.Declared> args = Schedules.REGISTRY.describe("exponential_decay");
    assertThat(args).filteredOn(Args.Declared::required).extracting(Args.Declared::key)
        .containsExactly("initial_learning_rate", "decay_steps", "decay_rate");
    assertThat(args).extracting(Args.Declared::key).contains("staircase");
  }

  @Test
  void describeResolvesAnySpellingOfTheName() {
    assertThat(Initializers.REGISTRY.describe("HeUniform")).extracting(Args.Declared::key).containsExactly("seed");
  }

  @Test
  void ordinaryArgumentsStillRefuseAMissingRequiredArgument() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Schedules.create(ComponentSpec.of("exponential_decay"), "lr"))
        .isInstanceOf(SpecException.class).hasMessageContaining("needs the argument 'initial_learning_rate'");
  }

  @Test
  void aChoiceRecordsItsAllowedValues() {
    Args a = new Args("", "x", Map.of());
    a.getChoice("mode", "auto", List.of("auto", "min"));
    assertThat(a.declared()).containsExactly(new Args.Declared("mode", "string", "auto", "auto, min"));
  }
}

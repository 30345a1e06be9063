package dev.lamina.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivationsRegistryTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "relu, relu", "ReLU, relu", "RELU, relu", "LeakyReLU, leaky_relu", "leakyRelu, leaky_relu",
      "leaky-relu, leaky_relu", "swish, silu", "Swish, silu", "SiLU, silu", "silu, silu", "GELU, gelu",
      "HardSigmoid, hard_sigmoid", "hardSigmoid, hard_sigmoid", "ELU, elu", "SELU, selu", "Softmax, softmax",
      "linear, linear", "exponential, exponential", "softplus, softplus", "softsign, softsign", "tanh, tanh",
      "sigmoid, sigmoid"})
  void resolvesKerasSpellingsAndAliases(String given, String canonical) {
    assertThat(Activations.REGISTRY.canonicalName(given, "activation")).isEqualTo(canonical);
    assertThat(Activations.create(given).name()).isEqualTo(canonical);
  }

  @Test
  void registersEveryKeras3ActivationThisLibraryPromises() {
    assertThat(Activations.REGISTRY.names()).containsExactlyInAnyOrder("relu", "sigmoid", "tanh", "softmax",
        "linear", "elu", "selu", "softplus", "softsign", "silu", "gelu", "hard_sigmoid", "exponential", "leaky_relu");
  }

  @Test
  void typedConstantsResolve() {
    for (ComponentSpec c : new ComponentSpec[] {Activations.RELU, Activations.SIGMOID, Activations.TANH,
        Activations.SOFTMAX, Activations.LINEAR, Activations.ELU, Activations.SELU, Activations.SOFTPLUS,
        Activations.SOFTSIGN, Activations.SILU, Activations.SWISH, Activations.GELU, Activations.HARD_SIGMOID,
        Activations.EXPONENTIAL, Activations.LEAKY_RELU}) {
      assertThat(Activations.create(c, "activation").name()).isEqualTo(Activations.REGISTRY.canonicalName(c.name(), ""));
    }
  }

  @Test
  void unknownNameSuggestsTheClosestOnes() {
    assertThatThrownBy(() -> Activations.create(ComponentSpec.of("rellu"), "layers[0].activation"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("layers[0].activation")
        .hasMessageContaining("unknown activation 'rellu'")
        .hasMessageContaining("Did you mean")
        .hasMessageContaining(" relu");
  }

  @Test
  void misspelledSigmoidSuggestsSigmoid() {
    assertThatThrownBy(() -> Activations.create("sigmod")).hasMessageContaining("Did you mean sigmoid");
  }

  @Test
  void unknownArgumentIsRejectedWithASuggestion() {
    assertThatThrownBy(() -> Activations.create(ComponentSpec.of("relu", "negative_slop", 0.1), "act"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("Did you mean negative_slope");
  }

  @Test
  void argumentsOfAnArgumentlessActivationAreRejected() {
    assertThatThrownBy(() -> Activations.create(ComponentSpec.of("sigmoid", "alpha", 1.0), "act"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("it takes no arguments");
  }

  @Test
  void keras2AlphaIsAcceptedForTheNegativeSlope() {
    Relu relu = (Relu) Activations.create(ComponentSpec.of("relu", "alpha", 0.25), "act");
    assertThat(relu.negativeSlope()).isEqualTo(0.25);
    LeakyRelu leaky = (LeakyRelu) Activations.create(ComponentSpec.of("leaky_relu", "alpha", 0.3), "act");
    assertThat(leaky.negativeSlope()).isEqualTo(0.3);
  }

  @Test
  void givingBothAlphaAndNegativeSlopeIsAnError() {
    assertThatThrownBy(() -> Activations.create(ComponentSpec.of("relu", "alpha", 0.1, "negative_slope", 0.2), "act"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void negativeMaxValueIsRejected() {
    assertThatThrownBy(() -> Activations.create(ComponentSpec.of("relu", "max_value", -1), "act"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("max_value")
        .hasMessageContaining("-1.0");
  }

  @Test
  void leakyReluFunctionDefaultsToKeras3FunctionSlope() {
    assertThat(((LeakyRelu) Activations.create("leaky_relu")).negativeSlope()).isEqualTo(0.2);
  }

  @Test
  void geluDefaultsToTheExactForm() {
    assertThat(((Gelu) Activations.create("gelu")).approximate()).isFalse();
    assertThat(((Gelu) Activations.create(ComponentSpec.of("gelu", "approximate", true), "")).approximate()).isTrue();
  }

  @Test
  void softmaxAcceptsOnlyTheLastAxis() {
    assertThat(Activations.create(ComponentSpec.of("softmax", "axis", -1), "").name()).isEqualTo("softmax");
    assertThatThrownBy(() -> Activations.create(ComponentSpec.of("softmax", "axis", 0), "act"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("axis");
  }

  private static Set<String> namesWhere(java.util.function.Predicate<Activation> p) {
    return Activations.REGISTRY.names().stream().filter(n -> p.test(Activations.create(n))).collect(Collectors.toSet());
  }

  @Test
  void everyActivationButSoftmaxIsElementwise() {
    assertThat(namesWhere(a -> !a.isElementwise())).containsExactly("softmax");
  }

  @Test
  void saturatingActivationsAreTheBoundedSquashers() {
    assertThat(namesWhere(Activation::saturates)).containsExactlyInAnyOrder("sigmoid", "tanh", "hard_sigmoid", "softsign");
  }

  @Test
  void reluFamilyIsReluLeakyEluGeluAndSilu() {
    assertThat(namesWhere(Activation::isReluFamily)).containsExactlyInAnyOrder("relu", "leaky_relu", "elu", "gelu", "silu");
  }
}

package dev.lamina.layertype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.Args;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.SpecException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The layer registry: one descriptor per type, found by every spelling, whose read and write agree. */
class LayerTypesTest {
  static Stream<LayerType<?>> types() {
    return LayerTypes.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void everySpellingFindsTheOneDescriptor(LayerType<?> type) {
    assertThat(LayerTypes.find(type.name())).isSameAs(type);
    assertThat(LayerTypes.find(type.kerasClassName())).isSameAs(type);
    assertThat(LayerTypes.forKerasClass(type.kerasClassName())).isSameAs(type);
    LayerSpec example = LayerTypes.example(type);
    assertThat(LayerTypes.of(example)).isSameAs(type);
    assertThat(example.type()).isEqualTo(type.name());
    assertThat(example.kerasClassName()).isEqualTo(type.kerasClassName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void argumentsReadBackToTheSameSpec(LayerType<?> type) {
    LayerSpec example = LayerTypes.example(type);
    Map<String, Object> args = new LinkedHashMap<>(LayerTypes.arguments(example));
    args.put("name", "layer_under_test");
    LayerSpec back = LayerTypes.read(type, new Args("", type.name(), args));
    assertThat(back.name()).isEqualTo("layer_under_test");
    Map<String, Object> again = new LinkedHashMap<>(LayerTypes.arguments(back));
    assertThat(again).isEqualTo(LayerTypes.arguments(example));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void everyArgumentIsDeclaredWithItsDefault(LayerType<?> type) {
    Set<String> declared = new HashSet<>();
    LayerTypes.describe(type).forEach(d -> declared.add(d.key()));
    assertThat(declared).contains("name").containsAll(LayerTypes.arguments(LayerTypes.example(type)).keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void anUnknownArgumentIsRefusedByName(LayerType<?> type) {
    Map<String, Object> args = new LinkedHashMap<>(type.example());
    args.put("no_such_argument", 1);
    assertThatThrownBy(() -> LayerTypes.read(type, new Args("layers[0]." + type.name(), type.name(), args)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("layers[0]." + type.name() + ".no_such_argument: unknown argument 'no_such_argument'");
  }

  @Test
  void namesAndKerasClassesAreUnique() {
    Set<String> names = new HashSet<>();
    Set<String> classes = new HashSet<>();
    for (LayerType<?> t : LayerTypes.ALL) {
      assertThat(names.add(t.name())).as(t.name()).isTrue();
      assertThat(classes.add(t.kerasClassName())).as(t.kerasClassName()).isTrue();
    }
  }

  @Test
  void anUnknownTypeIsNamedWithTheClosestKnownOnes() {
    assertThat(LayerTypes.find("LSTM")).isNull();
    assertThat(LayerTypes.unknown("batch_normalisation")).startsWith("unknown layer type 'batch_normalisation'")
        .contains("Did you mean batch_normalization");
  }

  @Test
  void aSpecWithoutDescriptorIsAnErrorNotASilentDefault() {
    LayerSpec stray = new LayerSpec() {
      @Override
      public String name() {
        return null;
      }

      @Override
      public String type() {
        return "stray";
      }

      @Override
      public String kerasClassName() {
        return "Stray";
      }
    };
    assertThatThrownBy(() -> LayerTypes.of(stray)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no registered LayerType");
  }
}

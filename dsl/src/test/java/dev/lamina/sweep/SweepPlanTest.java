package dev.lamina.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing the sweep section and planning its runs. */
class SweepPlanTest {
  private static Map<String, Object> raw(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void runsAreTheProductOfTheAxesInTheOrderWrittenTimesTheSeeds() {
    SweepSpec s = SweepSpec.parse(raw("kernel_initializer", List.of("a", "b"), "activation", List.of("relu", "tanh", "sigmoid"),
        "seeds", 2));
    List<SweepRun> runs = SweepPlanner.plan(s, 1);
    assertThat(runs).hasSize(12);
    assertThat(runs.get(0).values()).containsExactly("a", "relu");
    assertThat(runs.get(1).values()).containsExactly("a", "relu");
    assertThat(runs.get(2).values()).containsExactly("a", "tanh");
    assertThat(runs.get(11).values()).containsExactly("b", "sigmoid");
    assertThat(runs).extracting(SweepRun::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void everyCellUsesTheSameSeedForTheSameRepeat() {
    List<SweepRun> runs = SweepPlanner.plan(SweepSpec.parse(raw("activation", List.of("relu", "tanh"), "seeds", 3)), 5);
    for (int r = 0; r < 3; r++) {
      assertThat(runs.get(r).seed()).isEqualTo(runs.get(3 + r).seed()).isEqualTo(SweepPlanner.seedOf(5, r));
    }
    assertThat(runs.get(0).seed()).isNotEqualTo(runs.get(1).seed());
  }

  @Test
  void anUnknownFieldIsRefusedWithTheClosestName() {
    assertThatThrownBy(() -> SweepSpec.parse(raw("kernel_initialiser", List.of("a"))))
        .isInstanceOf(SpecException.class).hasMessageContaining("sweep.kernel_initialiser")
        .hasMessageContaining("Did you mean kernel_initializer");
  }

  @Test
  void seedsMustBeAPositiveWholeNumber() {
    assertThatThrownBy(() -> SweepSpec.parse(raw("activation", List.of("relu"), "seeds", 0)))
        .isInstanceOf(SpecException.class).hasMessageContaining("seeds must be a whole number of at least 1, got 0");
  }

  @Test
  void aMisspelledValueIsRefusedBeforeAnyTraining() {
    SweepSpec s = SweepSpec.parse(raw("kernel_initializer", List.of("he_uniform", "glorot_unifrom")));
    dev.lamina.runspec.RunSpec base = new dev.lamina.runspec.RunSpec(new dev.lamina.spec.ModelSpec("m", 1L,
        List.of(dev.lamina.spec.DenseSpec.of(1)), null), null, null, null);
    assertThatThrownBy(() -> SweepOverrides.validate(s, base)).isInstanceOf(SpecException.class)
        .hasMessageContaining("sweep.kernel_initializer[1]").hasMessageContaining("Did you mean glorot_uniform");
  }

  @Test
  void activationChangesHiddenLayersOnlyAndInitializerEveryLayer() {
    dev.lamina.spec.ModelSpec m = new dev.lamina.spec.ModelSpec("m", 1L, List.of(dev.lamina.spec.DenseSpec.of(4),
        dev.lamina.spec.DenseSpec.of(4), dev.lamina.spec.DenseSpec.of(1).withActivation(dev.lamina.spec.ComponentSpec.of("sigmoid"))), null);
    SweepSpec s = SweepSpec.parse(raw("kernel_initializer", List.of("he_uniform"), "activation", List.of("tanh")));
    var out = SweepOverrides.apply(new dev.lamina.runspec.RunSpec(m, null, null, null), s.axes(), List.of("he_uniform", "tanh"));
    var layers = out.model().layers();
    assertThat(((dev.lamina.spec.DenseSpec) layers.get(0)).activation().name()).isEqualTo("tanh");
    assertThat(((dev.lamina.spec.DenseSpec) layers.get(1)).activation().name()).isEqualTo("tanh");
    assertThat(((dev.lamina.spec.DenseSpec) layers.get(2)).activation().name()).isEqualTo("sigmoid");
    assertThat(layers).allMatch(l -> ((dev.lamina.spec.DenseSpec) l).kernelInitializer().name().equals("he_uniform"));
  }
}

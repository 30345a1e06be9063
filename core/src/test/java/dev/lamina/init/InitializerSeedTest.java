package dev.lamina.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.random.Rng;
import dev.lamina.spec.ComponentSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reproducibility: a seed fixes the weights; an initializer's own seed overrides the derived one. */
class InitializerSeedTest {
  private static final int[] SHAPE = {11, 6};
  /** Every initializer that draws random numbers. */
  static Stream<String> randomNames() {
    return Stream.of("random_uniform", "random_normal", "truncated_normal", "variance_scaling",
        "glorot_normal", "glorot_uniform", "he_normal", "he_uniform", "lecun_normal", "lecun_uniform",
        "orthogonal", "uniform_fan_in");
  }

  private static double[] fill(Initializer init, Rng rng) {
    double[] out = new double[Initializer.size(SHAPE)];
    init.fill(out, SHAPE, rng);
    return out;
  }

  @ParameterizedTest
  @MethodSource("randomNames")
  void sameSeedGivesIdenticalWeights(String name) {
    Initializer init = Initializers.create(name);

    assertThat(fill(init, new Rng(42))).containsExactly(fill(Initializers.create(name), new Rng(42)));
  }

  @ParameterizedTest
  @MethodSource("randomNames")
  void differentSeedsGiveDifferentWeights(String name) {
    Initializer init = Initializers.create(name);

    assertThat(fill(init, new Rng(42))).isNotEqualTo(fill(init, new Rng(43)));
  }

  @ParameterizedTest
  @MethodSource("randomNames")
  void ownSeedIsKeptAndOverridesTheDerivedStream(String name) {
    Initializer seeded = Initializers.create(ComponentSpec.of(name, "seed", 7), "");

    assertThat(seeded.seed()).isEqualTo(7L);
    assertThat(fill(seeded, Initializers.rngFor(seeded, 1, "dense/kernel")))
        .containsExactly(fill(seeded, Initializers.rngFor(seeded, 2, "dense_1/kernel")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"glorot_uniform", "random_normal", "orthogonal"})
  void withoutOwnSeedEachParameterPathGetsItsOwnStream(String name) {
    Initializer init = Initializers.create(name);

    assertThat(init.seed()).isNull();
    assertThat(fill(init, Initializers.rngFor(init, 1, "dense/kernel")))
        .isNotEqualTo(fill(init, Initializers.rngFor(init, 1, "dense_1/kernel")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zeros", "ones", "constant", "identity"})
  void deterministicInitializersHaveNoSeed(String name) {
    assertThat(Initializers.create(name).seed()).isNull();
  }
}

package dev.lamina.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.random.Rng;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Zeros, ones, constant and identity write exactly their values and draw nothing. */
class DeterministicInitializersTest {
  static Stream<Arguments> constants() {
    return Stream.of(
        Arguments.of(Initializers.ZEROS, 0.0), Arguments.of(Initializers.ONES, 1.0),
        Arguments.of(Initializers.CONSTANT, 0.0), Arguments.of(Initializers.constant(0.25), 0.25),
        Arguments.of(Initializers.constant(-3), -3.0));
  }

  @ParameterizedTest(name = "{0} writes {1}")
  @MethodSource("constants")
  void constantsWriteTheirValueEverywhere(ComponentSpec spec, double value) {
    double[] out = new double[12];
    Arrays.fill(out, Double.NaN);
    Samples.create(spec).fill(out, new int[] {3, 4}, new Rng(1));

    assertThat(out).containsOnly(value);
  }

  static Stream<Arguments> identities() {
    return Stream.of(
        Arguments.of(new int[] {3, 3}, new double[] {1.5, 0, 0, 0, 1.5, 0, 0, 0, 1.5}),
        Arguments.of(new int[] {2, 4}, new double[] {1.5, 0, 0, 0, 0, 1.5, 0, 0}),
        Arguments.of(new int[] {4, 2}, new double[] {1.5, 0, 0, 1.5, 0, 0, 0, 0}));
  }

  @ParameterizedTest(name = "shape {0}")
  @MethodSource("identities")
  void identityIsGainTimesEyeEvenWhenRectangular(int[] shape, double[] expected) {
    double[] out = new double[expected.length];
    Arrays.fill(out, Double.NaN);
    Samples.create(Initializers.identity(1.5)).fill(out, shape, new Rng(1));

    assertThat(out).containsExactly(expected);
  }

  @ParameterizedTest(name = "rank {0}")
  @ValueSource(ints = {1, 3})
  void identityRefusesRanksOtherThanTwo(int rank) {
    int[] shape = new int[rank];
    Arrays.fill(shape, 2);

    assertThatThrownBy(() -> new Identity().fill(new double[8], shape, new Rng(1)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("rank-2");
  }
}

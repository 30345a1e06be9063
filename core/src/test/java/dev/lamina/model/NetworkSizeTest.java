package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NetworkSize}: what is refused before a single weight is allocated, and with which words. */
class NetworkSizeTest {
  private static final long GB = 1L << 30;

  private static ModelSpec spec(int inputDim, int hidden, int out, String outActivation) {
    return new ModelSpec("n", 1L, List.of(Fixtures.dense(hidden, "relu", "he_uniform", inputDim),
        Fixtures.dense(out, outActivation, "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"), List.of()));
  }

  @Test
  void countsParametersExactlyInLongArithmetic() {
    // 11*6+6 + 6*1+1, the churn network's count as Keras gives it.
    assertThat(NetworkSize.check(spec(11, 6, 1, "sigmoid"), 11, 4 * GB)).isEqualTo(79);
    // Without input_dim and before the data is read, the first layer's kernel is not counted yet.
    ModelSpec noInputDim = new ModelSpec("n", 1L, List.of(Fixtures.dense(6, "relu", "he_uniform"),
        Fixtures.dense(1, "sigmoid", "glorot_uniform")), null);
    assertThat(NetworkSize.check(noInputDim, null, 4 * GB)).isEqualTo(7);
    assertThat(NetworkSize.check(noInputDim, 11, 4 * GB)).isEqualTo(79);
  }

  @Test
  void aCountBeyondIntegerRangeIsRefusedNotOverflowed() {
    assertThatThrownBy(() -> NetworkSize.check(spec(200_000, 200_000, 1, "sigmoid"), null, 64 * GB))
        .isInstanceOf(SpecException.class)
        .hasMessage("layers[0].dense.units: layer 0 (Dense, 200000 units on 200000 inputs) brings the network to "
            + "40,000,200,000 parameters, more than the 50,000,000 Lamina trains and saves; use fewer units");
  }

  @Test
  void aNetworkThatDoesNotFitHalfTheHeapIsRefusedWithTheRealLimitAndAHigherOne() {
    // 2,000 x 2,000 + 2,000 + 2,001 = 4,004,001 parameters; Adam: values, gradients, 2 slots = 4 x 8 bytes each.
    assertThatThrownBy(() -> NetworkSize.check(spec(2_000, 2_000, 1, "sigmoid"), 2_000, 64L << 20))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("needs about 123 MB of memory (4,004,001 parameters, their gradients and 2 optimizer slots)")
        .hasMessageContaining("more than half of the 64 MB heap")
        .hasMessageContaining("java -Xmx1g");
    assertThat(NetworkSize.check(spec(2_000, 2_000, 1, "sigmoid"), 2_000, 4 * GB)).isEqualTo(4_004_001);
  }

  @Test
  void softmaxOverOneUnitIsRefusedByTheModelItself() {
    assertThatThrownBy(() -> Model.of(spec(3, 4, 1, "softmax")))
        .isInstanceOf(SpecException.class).hasMessageStartingWith("layers[1].dense.units: the output layer has one "
            + "unit with softmax, which always outputs 1.0");
  }
}

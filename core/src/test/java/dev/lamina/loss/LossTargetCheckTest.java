package dev.lamina.loss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LossTargetCheckTest {
  @Test
  void binaryCrossentropyRejectsTwoWithAClearMessage() {
    assertThat(new BinaryCrossentropy().checkTarget(2, 1)).startsWith("labels must be 0 or 1 for binary_crossentropy, got 2");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, 1.5, 255})
  void binaryCrossentropyRejectsLabelsOutsideZeroOne(double y) {
    assertThat(new BinaryCrossentropy().checkTarget(y, 1)).contains("labels must be 0 or 1");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, 0.3})
  void binaryCrossentropyAcceptsHardAndSoftLabels(double y) {
    assertThat(new BinaryCrossentropy().checkTarget(y, 1)).isNull();
  }

  @Test
  void categoricalCrossentropyRejectsAClassIndexAndPointsToTheSparseLoss() {
    assertThat(new CategoricalCrossentropy().checkTarget(2, 3))
        .contains("got 2")
        .contains("sparse_categorical_crossentropy");
  }

  @Test
  void sparseCategoricalCrossentropyRejectsFractions() {
    assertThat(new SparseCategoricalCrossentropy().checkTarget(1.5, 3)).contains("whole class indices").contains("1.5");
  }

  @Test
  void sparseCategoricalCrossentropyRejectsAnIndexBeyondTheLastClass() {
    assertThat(new SparseCategoricalCrossentropy().checkTarget(3, 3)).contains("label 3 is out of range").contains("0..2");
  }

  @Test
  void sparseCategoricalCrossentropyRejectsNegativeIndices() {
    assertThat(new SparseCategoricalCrossentropy().checkTarget(-1, 3)).contains("out of range");
  }

  @Test
  void sparseCategoricalCrossentropyAcceptsTheLastClass() {
    assertThat(new SparseCategoricalCrossentropy().checkTarget(2, 3)).isNull();
  }

  static java.util.stream.Stream<String> allLosses() {
    return Losses.REGISTRY.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allLosses")
  void everyLossRejectsNaNAndInfinity(String name) {
    Loss loss = Losses.create(name);
    assertThat(loss.checkTarget(Double.NaN, 3)).contains("not a finite number");
    assertThat(loss.checkTarget(Double.POSITIVE_INFINITY, 3)).contains("not a finite number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mse", "mae", "huber"})
  void regressionLossesAcceptAnyFiniteTarget(String name) {
    assertThat(Losses.create(name).checkTarget(-1234.5, 1)).isNull();
  }
}

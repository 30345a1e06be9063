package dev.lamina.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossesRegistryTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "mse, mean_squared_error", "MSE, mean_squared_error", "MeanSquaredError, mean_squared_error",
      "mean_squared_error, mean_squared_error", "mae, mean_absolute_error", "MAE, mean_absolute_error",
      "MeanAbsoluteError, mean_absolute_error", "bce, binary_crossentropy", "BCE, binary_crossentropy",
      "BinaryCrossentropy, binary_crossentropy", "binaryCrossentropy, binary_crossentropy",
      "CategoricalCrossentropy, categorical_crossentropy", "cce, categorical_crossentropy",
      "SparseCategoricalCrossentropy, sparse_categorical_crossentropy", "scce, sparse_categorical_crossentropy",
      "huber, huber", "Huber, huber", "huber_loss, huber"})
  void resolvesKerasNamesAndAliases(String given, String canonical) {
    assertThat(Losses.create(given).name()).isEqualTo(canonical);
  }

  @Test
  void typedConstantsResolve() {
    for (ComponentSpec c : new ComponentSpec[] {Losses.BINARY_CROSSENTROPY, Losses.CATEGORICAL_CROSSENTROPY,
        Losses.SPARSE_CATEGORICAL_CROSSENTROPY, Losses.MEAN_SQUARED_ERROR, Losses.MEAN_ABSOLUTE_ERROR, Losses.HUBER}) {
      assertThat(Losses.create(c, "loss").name()).isEqualTo(c.name());
    }
  }

  @Test
  void unknownLossSuggestsTheClosestName() {
    assertThatThrownBy(() -> Losses.create(ComponentSpec.of("binary_crossentroppy"), "compile.loss"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("compile.loss")
        .hasMessageContaining("unknown loss 'binary_crossentroppy'")
        .hasMessageContaining("Did you mean")
        .hasMessageContaining("binary_crossentropy");
  }

  @Test
  void argumentsReachTheLoss() {
    BinaryCrossentropy bce = (BinaryCrossentropy) Losses.create(
        ComponentSpec.of("bce", "from_logits", true, "label_smoothing", 0.1), "loss");
    assertThat(bce.fromLogits()).isTrue();
    assertThat(bce.labelSmoothing()).isEqualTo(0.1);
    assertThat(((Huber) Losses.create(ComponentSpec.of("huber", "delta", 2.0), "loss")).delta()).isEqualTo(2.0);
  }

  @Test
  void labelSmoothingAboveOneIsRejected() {
    assertThatThrownBy(() -> Losses.create(ComponentSpec.of("categorical_crossentropy", "label_smoothing", 1.5), "loss"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("loss.label_smoothing")
        .hasMessageContaining("1.5");
  }

  @Test
  void nonPositiveHuberDeltaIsRejected() {
    assertThatThrownBy(() -> Losses.create(ComponentSpec.of("huber", "delta", 0), "loss"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("delta");
  }

  @Test
  void sparseCategoricalCrossentropyTakesNoLabelSmoothing() {
    assertThatThrownBy(() -> Losses.create(ComponentSpec.of("sparse_categorical_crossentropy", "label_smoothing", 0.1), "loss"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown argument 'label_smoothing'");
  }

  @Test
  void defaultsMatchKeras() {
    BinaryCrossentropy bce = (BinaryCrossentropy) Losses.create("binary_crossentropy");
    assertThat(bce.fromLogits()).isFalse();
    assertThat(bce.labelSmoothing()).isZero();
    assertThat(BinaryCrossentropy.EPSILON).isEqualTo(1e-7);
    assertThat(((Huber) Losses.create("huber")).delta()).isEqualTo(1.0);
  }
}

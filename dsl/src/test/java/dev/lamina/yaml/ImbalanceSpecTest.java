package dev.lamina.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.fluent.Lamina;
import dev.lamina.runspec.PredictSpec;
import dev.lamina.runspec.RunSpec;
import dev.lamina.runspec.ThresholdStrategy;
import dev.lamina.spec.BatchNormalizationSpec;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerNormalizationSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.table.DataSpec;
import dev.lamina.train.ClassWeight;
import dev.lamina.train.Fit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec forms of issue 10: class_weight, weighted_metrics, sample_weight, the normalization
 * layers and the threshold strategies, read from YAML, written back and read again unchanged.
 */
class ImbalanceSpecTest {
  private static final String BASE = """
      layers:
        - dense: {units: 4, input_dim: 3}
        - %s
        - dense: {units: 1, activation: sigmoid}
      compile: {optimizer: adam, loss: binary_crossentropy, metrics: [accuracy]}
      """;

  private static RunSpec read(String yaml) {
    return SpecReader.read(yaml, "m.yaml").spec();
  }

  private static RunSpec roundTrip(RunSpec spec) {
    return SpecWriterRoundTripTest.roundTrip(spec);
  }

  static Stream<LayerSpec> normalizationLayers() {
    return Stream.of(BatchNormalizationSpec.DEFAULT, LayerNormalizationSpec.DEFAULT,
        new BatchNormalizationSpec(0.9, 1e-5, false, true, null, ComponentSpec.of("random_normal"),
            ComponentSpec.of("constant", "value", 0.5), null, "bn"),
        new LayerNormalizationSpec(1e-6, true, false, ComponentSpec.of("ones"), null, "ln"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("normalizationLayers")
  void normalizationLayersSurviveARoundTrip(LayerSpec layer) {
    RunSpec spec = SpecWriterRoundTripTest.withLayer(layer);
    assertThat(roundTrip(spec)).isEqualTo(spec);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "batch_normalization | batch_normalization",
      "BatchNormalization | batch_normalization",
      "'{class_name: BatchNormalization, config: {momentum: 0.99}}' | batch_normalization",
      "layer_normalization | layer_normalization",
      "'{LayerNormalization: {epsilon: 0.001, axis: -1}}' | layer_normalization"})
  void normalizationLayersReadInEveryKerasSpelling(String written, String type) {
    LayerSpec layer = read(BASE.formatted(written)).model().layers().get(1);
    assertThat(layer.type()).isEqualTo(type);
    assertThat(layer).isIn(BatchNormalizationSpec.DEFAULT, LayerNormalizationSpec.DEFAULT);
  }

  @Test
  void batchNormalizationArgumentsAreRead() {
    LayerSpec layer = read(BASE.formatted("batch_normalization: {momentum: 0.9, epsilon: 0.01, center: false}"))
        .model().layers().get(1);
    assertThat(layer).isEqualTo(BatchNormalizationSpec.DEFAULT.withMomentum(0.9).withEpsilon(0.01).withCenterScale(false, true));
  }

  @Test
  void anAxisOtherThanTheLastIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> read(BASE.formatted("batch_normalization: {axis: 0}")))
        .hasMessageContaining("m.yaml:3").hasMessageContaining("axis must be -1");
  }

  @Test
  void aMomentumOutsideZeroOneIsRefused() {
    assertThatThrownBy(() -> read(BASE.formatted("batch_normalization: {momentum: 1.5}")))
        .hasMessageContaining("momentum must be in [0, 1]");
  }

  @Test
  void classWeightBalancedIsRead() {
    assertThat(read(BASE.formatted("elu") + "fit: {epochs: 2, class_weight: balanced}").fit().classWeight())
        .isEqualTo(ClassWeight.BALANCED);
  }

  @Test
  void classWeightMapIsReadByClassName() {
    assertThat(read(BASE.formatted("elu") + "fit: {epochs: 2, class_weight: {stayed: 1.0, left: 3.9}}").fit().classWeight())
        .isEqualTo(ClassWeight.named(Map.of("stayed", 1.0, "left", 3.9)));
  }

  @Test
  void classWeightMapIsReadByClassNumber() {
    assertThat(read(BASE.formatted("elu") + "fit: {epochs: 2, class_weight: {0: 1.0, 1: 3.9}}").fit().classWeight())
        .isEqualTo(ClassWeight.of(Map.of(0, 1.0, 1, 3.9)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "balancd | Did you mean balanced",
      "'{yes: }' | give class yes a weight",
      "'{1: -2.0}' | finite number >= 0"})
  void badClassWeightsAreRefusedWithTheFix(String written, String message) {
    assertThatThrownBy(() -> read(BASE.formatted("elu") + "fit: {epochs: 2, class_weight: " + written + "}"))
        .hasMessageContaining(message);
  }

  @Test
  void weightedMetricsAreRead() {
    String yaml = BASE.formatted("elu").replace("metrics: [accuracy]}", "metrics: [accuracy], weighted_metrics: [accuracy, auc]}");
    assertThat(read(yaml).model().compile().weightedMetrics()).containsExactly(ComponentSpec.of("accuracy"), ComponentSpec.of("auc"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"0.3 | FIXED | NaN", "best_f1 | BEST_F1 | NaN", "'{recall: 0.7}' | RECALL | 0.7"})
  void thresholdFormsAreRead(String written, ThresholdStrategy.Kind kind, double target) {
    PredictSpec p = read(BASE.formatted("elu") + "predict: {threshold: " + written + "}").predict();
    assertThat(p.strategy().kind()).isEqualTo(kind);
    assertThat(Double.valueOf(p.strategy().targetRecall())).isEqualTo(Double.valueOf(target));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "best_f | Did you mean best_f1",
      "'{recall: 1.5}' | target recall must be in (0, 1]",
      "1.5 | threshold must be in (0, 1)"})
  void badThresholdsAreRefusedWithTheFix(String written, String message) {
    assertThatThrownBy(() -> read(BASE.formatted("elu") + "predict: {threshold: " + written + "}"))
        .hasMessageContaining(message);
  }

  @Test
  void aSpecUsingEveryNewFormSurvivesARoundTrip() {
    ModelSpec model = new ModelSpec("imbalanced", 7L, List.of(DenseSpec.of(4).withInputDim(3), BatchNormalizationSpec.DEFAULT,
        LayerNormalizationSpec.DEFAULT, DenseSpec.of(1)), new CompileSpec(ComponentSpec.of("adam"),
        ComponentSpec.of("binary_crossentropy"), List.of(ComponentSpec.of("accuracy")),
        List.of(ComponentSpec.of("accuracy"), ComponentSpec.of("auc", "num_thresholds", 50))));
    DataSpec data = new DataSpec("d.csv", null, "y", List.of("id"), List.of(), List.of(), true, List.of(), "standard", 0.2,
        false, Map.of(), "weight");
    for (Fit fit : List.of(Fit.epochs(3).balancedClassWeight(), Fit.epochs(3).classWeight(Map.of(0, 0.5, 1, 2.0)))) {
      for (PredictSpec predict : List.of(new PredictSpec(0.4), PredictSpec.chosen(ThresholdStrategy.BEST_F1),
          PredictSpec.chosen(ThresholdStrategy.recall(0.8)))) {
        RunSpec spec = new RunSpec(model, data, fit, predict);
        assertThat(roundTrip(spec)).isEqualTo(spec);
      }
    }
  }

  @Test
  void theFluentBuilderWritesTheSameSpecAsTheYaml() {
    ModelSpec fluent = Lamina.sequential()
        .dense(4, d -> d.inputDim(3))
        .batchNormalization()
        .layerNormalization(l -> l.withEpsilon(1e-5))
        .dense(1, d -> d.activation("sigmoid"))
        .compile("adam", "binary_crossentropy", "accuracy")
        .weightedMetrics("accuracy")
        .spec();
    String yaml = """
        layers:
          - dense: {units: 4, input_dim: 3}
          - batch_normalization
          - layer_normalization: {epsilon: 0.00001}
          - dense: {units: 1, activation: sigmoid}
        compile: {optimizer: adam, loss: binary_crossentropy, metrics: [accuracy], weighted_metrics: [accuracy]}
        """;
    assertThat(read(yaml).model()).isEqualTo(fluent);
  }
}

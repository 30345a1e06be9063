package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.ClassWeight;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * class_weight and sample_weight against hand-computed Keras values: the weighted loss is still
 * divided by the number of rows (sum_over_batch_size), compiled {@code metrics} ignore the weights
 * and {@code weighted_metrics} use them (Keras 3's CompileMetrics).
 */
class ClassWeightTest {
  private static final ComponentSpec ONES = ComponentSpec.of("ones");
  private static final ComponentSpec ZEROS = ComponentSpec.of("zeros");

  private static Model linearMse() {
    DenseSpec d = new DenseSpec(1, ComponentSpec.of("linear"), true, ONES, ZEROS, null, null, 1, null);
    return Model.of(new ModelSpec("w", 1L, List.of(d), new CompileSpec(ComponentSpec.of("sgd", "learning_rate", 0.01),
        ComponentSpec.of("mse"), List.of())));
  }

  @Test
  void balancedWeightsAreRowsOverClassesTimesCount() {
    Dataset d = Dataset.of(new double[][] {{0}, {0}, {0}, {0}, {0}}, new double[] {0, 0, 0, 1, 0});
    assertThat(ClassWeight.BALANCED.perClass(d)).containsExactly(new double[] {5.0 / (2 * 4), 5.0 / (2 * 1)}, within(1e-15));
  }

  @Test
  void explicitWeightsMultiplySampleWeightsAndUnlistedClassesKeepOne() {
    Dataset d = Dataset.of(new double[][] {{0}, {0}, {0}}, new double[] {0, 1, 2}).withWeights(new double[] {2, 3, 4});
    assertThat(ClassWeight.of(Map.of(1, 5.0)).rowWeights(d)).containsExactly(2.0, 15.0, 4.0);
  }

  @Test
  void classNamesResolveToTheirNumbersInClassOrder() {
    ClassWeight named = ClassWeight.named(Map.of("virginica", 3.0, "setosa", 0.5));
    assertThat(named.resolve("species", List.of("setosa", "versicolor", "virginica")).weights())
        .isEqualTo(ClassWeight.of(Map.of(2, 3.0, 0, 0.5)).weights());
  }

  @Test
  void aNumberNamesTheNumericClassOfTheSameValue() {
    assertThat(ClassWeight.named(Map.of("1.0", 4.0)).resolve("y", List.of("0", "1")).weights()).isEqualTo(Map.of("1", 4.0));
  }

  @Test
  void aNameTheEngineCannotNumberIsRefusedUntilResolved() {
    Dataset d = Dataset.of(new double[][] {{0}, {0}}, new double[] {0, 1});
    assertThatThrownBy(() -> ClassWeight.named(Map.of("left", 2.0)).rowWeights(d))
        .hasMessageContaining("class_weight names the class 'left', but the engine numbers classes 0, 1, ...");
  }

  @Test
  void oneHotTargetsTakeTheClassOfTheirLargestColumn() {
    Dataset d = Dataset.of(new double[][] {{0}, {0}}, new double[][] {{0, 0, 1}, {1, 0, 0}});
    assertThat(ClassWeight.of(Map.of(2, 7.0)).rowWeights(d)).containsExactly(7.0, 1.0);
  }

  @Test
  void weightedLossAndGradientStepMatchHandComputedValues() {
    // pred = x (kernel 1, bias 0); errors 1, 2, 2; class 1 weighs 3.
    Model m = linearMse();
    History h = m.fit(Dataset.of(new double[][] {{1}, {2}, {3}}, new double[] {0, 0, 1}), null,
        Fit.epochs(1).batchSize(3).shuffle(false).classWeight(Map.of(1, 3.0)));
    // loss = (1*1 + 1*4 + 3*4) / 3 rows (sum_over_batch_size, not / sum of weights)
    assertThat(h.last("loss")).isCloseTo(17.0 / 3, within(1e-12));
    // dL/dk = sum 2 w e x / 3 = (2 + 8 + 36) / 3; dL/db = sum 2 w e / 3 = (2 + 4 + 12) / 3
    assertThat(m.parameters().get(0).value()[0]).isCloseTo(1 - 0.01 * 46.0 / 3, within(1e-12));
    assertThat(m.parameters().get(1).value()[0]).isCloseTo(-0.01 * 6.0, within(1e-12));
  }

  @Test
  void sampleWeightsAloneWeightTheLossTheSameWay() {
    Model m = linearMse();
    Dataset d = Dataset.of(new double[][] {{1}, {2}, {3}}, new double[] {0, 0, 1}).withWeights(new double[] {1, 1, 3});
    History h = m.fit(d, null, Fit.epochs(1).batchSize(3).shuffle(false));
    assertThat(h.last("loss")).isCloseTo(17.0 / 3, within(1e-12));
  }

  @Test
  void compiledMetricsIgnoreWeightsWhileWeightedMetricsUseThem() {
    DenseSpec d = new DenseSpec(1, ComponentSpec.of("sigmoid"), true, ONES, ZEROS, null, null, 1, null);
    Model m = Model.of(new ModelSpec("m", 1L, List.of(d), new CompileSpec(ComponentSpec.of("sgd"),
        ComponentSpec.of("binary_crossentropy"), List.of(ComponentSpec.of("accuracy")), List.of(ComponentSpec.of("accuracy")))));
    // Predictions before the step: x > 0 is class 1. Rows right: yes (w1), yes (w3), yes (w3), no (w3).
    History h = m.fit(Dataset.of(new double[][] {{-1}, {1}, {2}, {-2}}, new double[] {0, 1, 1, 1}), null,
        Fit.epochs(1).batchSize(4).shuffle(false).classWeight(Map.of(0, 1.0, 1, 3.0)));
    assertThat(h.last("accuracy")).isEqualTo(0.75);
    assertThat(h.last("weighted_accuracy")).isCloseTo(7.0 / 10, within(1e-12));
    assertThat(m.metricNames()).containsExactly("accuracy", "weighted_accuracy");
  }

  @Test
  void validationRowsAreNotClassWeighted() {
    Model weighted = linearMse();
    double[][] x = {{1}, {2}, {3}, {1}, {2}};
    double[] y = {0, 0, 1, 1, 0};
    History h = weighted.fit(Dataset.of(x, y), null,
        Fit.epochs(1).batchSize(5).shuffle(false).validationSplit(0.4).classWeight(ClassWeight.BALANCED));
    // val_loss is the plain mse of the last two rows after the step, as evaluate computes it.
    double expected = weighted.evaluate(new double[][] {{1}, {2}}, new double[] {1, 0}).get("loss");
    assertThat(h.last("val_loss")).isCloseTo(expected, within(1e-12));
  }
}

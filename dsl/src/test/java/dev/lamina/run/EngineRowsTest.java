package dev.lamina.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.model.Model;
import dev.lamina.table.DataException;
import dev.lamina.train.Dataset;
import dev.lamina.yaml.SpecReader;
import org.junit.jupiter.api.Test;

/** How prepared rows reach the engine: targets as the model's loss reads them, weights attached. */
class EngineRowsTest {
  private static final double[] X = {1, 2, 3, 4, 5, 6};
  private static final double[] CLASSES = {2, 0, 1};
  private static final double[] WEIGHTS = {0.5, 1, 2};

  private static Model model(String loss, int units) {
    Model m = Model.of(SpecReader.read("""
        layers: [{dense: {units: %d, activation: softmax}}]
        compile: {optimizer: adam, loss: %s}
        """.formatted(units, loss), "spec.yaml").spec().model());
    m.ensureBuilt(2);
    return m;
  }

  @Test
  void categoricalCrossentropyReadsOneHotRows() {
    Dataset d = EngineRows.of(model("categorical_crossentropy", 3), X, 3, 2, CLASSES, null);
    assertThat(d.targetCols()).isEqualTo(3);
    assertThat(d.y()).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0);
    assertThat(d.weights()).isNull();
  }

  @Test
  void sparseCategoricalCrossentropyReadsClassIndexes() {
    Dataset d = EngineRows.of(model("sparse_categorical_crossentropy", 3), X, 3, 2, CLASSES, WEIGHTS);
    assertThat(d.targetCols()).isEqualTo(1);
    assertThat(d.y()).containsExactly(CLASSES);
    assertThat(d.weights()).containsExactly(WEIGHTS);
  }

  @Test
  void aClassIndexBeyondTheOutputsIsADataError() {
    assertThatThrownBy(() -> EngineRows.of(model("categorical_crossentropy", 2), X, 3, 2, CLASSES, null))
        .isInstanceOf(DataException.class).hasMessageContaining("target value 2.0 of training row 0 is not a class index below 2");
  }

  @Test
  void reEncodingADatasetKeepsItsFeaturesAndWeights() {
    Dataset rows = new Dataset(X, 3, 2, CLASSES, 1, WEIGHTS);
    Dataset d = EngineRows.of(model("categorical_crossentropy", 3), rows);
    assertThat(d.x()).isSameAs(X);
    assertThat(d.weights()).containsExactly(WEIGHTS);
    assertThat(d.targetCols()).isEqualTo(3);
  }
}

package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.DropoutSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.train.Fit;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadInputTest {
  private static ModelSpec withHidden(DenseSpec hidden) {
    return new ModelSpec("bad", 1L, List.of(hidden, Fixtures.dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"), List.of()));
  }

  @Test
  void unitsMustBePositive() {
    assertThatThrownBy(() -> DenseSpec.of(0)).isInstanceOf(SpecException.class)
        .hasMessageContaining("units must be a positive whole number, got 0");
  }

  @Test
  void dropoutRateMustBeBelowOne() {
    assertThatThrownBy(() -> new DropoutSpec(1.0, null, null)).hasMessageContaining("dropout rate must be in [0, 1), got 1.0");
  }

  @Test
  void unknownActivationNamesTheLayerAndSuggestsTheClosestName() {
    assertThatThrownBy(() -> Model.of(withHidden(Fixtures.dense(6, "rleu", "he_uniform", 11))))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("layer 0 (Dense)")
        .hasMessageContaining("unknown activation 'rleu'")
        .hasMessageContaining("Did you mean relu")
        .extracting(e -> ((SpecException) e).path()).isEqualTo("layers[0].dense.activation");
  }

  @Test
  void unknownInitializerSuggestsTheClosestName() {
    assertThatThrownBy(() -> Model.of(withHidden(Fixtures.dense(6, "relu", "he_unifrom", 11))))
        .hasMessageContaining("unknown initializer 'he_unifrom'").hasMessageContaining("he_uniform");
  }

  @Test
  void unknownOptimizerSuggestsTheClosestName() {
    ModelSpec spec = new ModelSpec("bad", 1L, List.of(Fixtures.dense(1, "sigmoid", "zeros", 3)),
        new CompileSpec(ComponentSpec.of("adma"), ComponentSpec.of("binary_crossentropy"), List.of()));
    assertThatThrownBy(() -> Model.of(spec)).hasMessageContaining("unknown optimizer 'adma'").hasMessageContaining("adam");
  }

  @Test
  void inputOfTheWrongWidthNamesTheExpectedWidthAndTheFix() {
    Model m = Model.of(Fixtures.churn("he_uniform", 1));
    double[][] x = Fixtures.features(10, 12, 1);
    assertThatThrownBy(() -> m.fit(x, Fixtures.labels(x, 1), Fit.epochs(1)))
        .hasMessageContaining("layer 0 (Dense) expects 11 input columns")
        .hasMessageContaining("the data has 12");
  }

  @Test
  void nanInFeaturesNamesRowAndColumn() {
    Model m = Model.of(Fixtures.churn("he_uniform", 1));
    double[][] x = Fixtures.features(10, 11, 1);
    x[4][7] = Double.NaN;
    assertThatThrownBy(() -> m.fit(x, Fixtures.labels(x, 1), Fit.epochs(1)))
        .hasMessageContaining("x row 4, column 7 is NaN");
  }

  @Test
  void infiniteLabelIsRefused() {
    Model m = Model.of(Fixtures.churn("he_uniform", 1));
    double[][] x = Fixtures.features(10, 11, 1);
    double[] y = Fixtures.labels(x, 1);
    y[3] = Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> m.fit(x, y, Fit.epochs(1))).hasMessageContaining("y row 3").hasMessageContaining("Infinity");
  }

  @Test
  void labelsOutsideZeroOneAreRefusedForBinaryCrossentropy() {
    Model m = Model.of(Fixtures.churn("he_uniform", 1));
    double[][] x = Fixtures.features(10, 11, 1);
    double[] y = Fixtures.labels(x, 1);
    y[2] = 2;
    assertThatThrownBy(() -> m.fit(x, y, Fit.epochs(1))).hasMessageContaining("y row 2").hasMessageContaining("binary_crossentropy");
  }

  @Test
  void inputDimThatDisagreesWithTheDataIsAClearError() {
    assertThatThrownBy(() -> Model.of(Fixtures.churn("he_uniform", 1), 12))
        .hasMessageContaining("expects 11 input columns");
  }

  @Test
  void validationSplitThatLeavesNoTrainingRowsIsRefused() {
    Model m = Model.of(Fixtures.churn("he_uniform", 1));
    double[][] x = Fixtures.features(3, 11, 1);
    assertThatThrownBy(() -> m.fit(x, Fixtures.labels(x, 1), Fit.epochs(1).validationSplit(0.7)))
        .hasMessage("fit.validation_split: validation_split 0.7 leaves no training rows out of 3 training rows; with 3"
            + " training rows validation_split must be above 0 and at most 0.6666 (1 - 1/3), or 0 for no validation"
            + " rows");
  }

  @Test
  void theHighestValidationSplitTheMessageStatesLeavesOneTrainingRowAndSomeValidationRows() {
    for (int rows = 2; rows <= 300; rows++) {
      double most = Fit.largestValidationSplit(rows).doubleValue();
      int splitAt = Fit.epochs(1).validationSplit(most).validationStart(rows);
      assertThat(splitAt).as("%d rows, validation_split %s", rows, most).isBetween(1, rows - 1);
      double next = most + 0.0001;
      assertThat(Fit.epochs(1).validationSplit(next).validationStart(rows)).as("%d rows, validation_split %s", rows, next)
          .isLessThan(1);
    }
  }
}

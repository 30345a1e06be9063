package dev.lamina.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.table.DataException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TrainingChecks} on the data it is given (the spec-side checks are in the bad-input corpus). */
class TrainingChecksTest {
  @Test
  void sampleWeightsThatAreAllZeroAreRefusedNamingTheColumn() {
    assertThatThrownBy(() -> TrainingChecks.targets("w.csv", List.of("label"), "weight", new double[] {0, 1, 1},
        new double[] {0, 0, 0})).isInstanceOf(DataException.class)
        .hasMessage("w.csv, column 'weight': every training row has sample_weight 0, so the loss is 0 and nothing is"
            + " learned; give the rows to learn from a positive weight");
  }

  @Test
  void twoClassesAndOneNonZeroWeightAreFine() {
    assertThatCode(() -> TrainingChecks.targets("w.csv", List.of("label"), "weight", new double[] {0, 1, 1},
        new double[] {0, 2, 0})).doesNotThrowAnyException();
    assertThatCode(() -> TrainingChecks.targets("w.csv", List.of("label"), null, new double[] {1, 0}, null))
        .doesNotThrowAnyException();
  }
}

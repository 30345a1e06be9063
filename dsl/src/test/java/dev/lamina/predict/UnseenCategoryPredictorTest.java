package dev.lamina.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.table.DataException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Predictor} follows the saved model's {@code handle_unknown}: under {@code ignore} an
 * unseen category is all zeros (the drop_first encoding of France, Geography's first level, so the
 * row scores as its French twin, bit for bit); under {@code error} it is a {@link DataException}
 * naming the column and the value.
 */
class UnseenCategoryPredictorTest {
  @TempDir
  static Path dir;
  static Predictor ignoring;
  static Predictor refusing;
  static Map<String, Object> row;

  @BeforeAll
  static void load() {
    ignoring = Predictor.load(TrainedModels.churnIgnoringUnseenGeography(dir, 2));
    refusing = Predictor.load(TrainedModels.churn(dir, 1));
    row = TrainedModels.rows(TrainedModels.CHURN_CSV, 1).get(0);
  }

  @Test
  void anUnseenCategoryScoresAsAllZerosUnderIgnore() {
    Prediction italy = ignoring.predict(TrainedModels.with(row, "Geography", "Italy"));
    assertThat(italy.outputs()).isEqualTo(ignoring.predict(TrainedModels.with(row, "Geography", "France")).outputs());
    assertThat(italy.outputs()).isNotEqualTo(ignoring.predict(TrainedModels.with(row, "Geography", "Germany")).outputs());
  }

  @Test
  void manyRowsWithUnseenCategoriesScoreAsOne() {
    List<Prediction> all = ignoring.predictAll(List.of(TrainedModels.with(row, "Geography", "Italy"), row, TrainedModels.with(row, "Geography", "Mars")));
    assertThat(all.get(0).outputs()).isEqualTo(all.get(2).outputs());
    assertThat(all.get(1).outputs()).isEqualTo(ignoring.predict(row).outputs());
  }

  @Test
  void aColumnLeftAtErrorRefusesNamingColumnAndValue() {
    assertThatThrownBy(() -> ignoring.predict(TrainedModels.with(row, "Gender", "Other")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("column 'Gender': 'Other' is a category the model never saw in training");
  }

  @Test
  void aModelTrainedWithoutTheSettingRefuses() {
    assertThatThrownBy(() -> refusing.predict(TrainedModels.with(row, "Geography", "Italy")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("column 'Geography': 'Italy' is a category the model never saw in training");
  }
}

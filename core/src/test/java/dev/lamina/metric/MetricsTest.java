package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsTest {
  @ParameterizedTest(name = "{0} with width {1}, sparse {2} -> {3}")
  @CsvSource({
      "accuracy, 1, false, BinaryAccuracy",
      "accuracy, 1, true, BinaryAccuracy",
      "accuracy, 3, true, SparseCategoricalAccuracy",
      "accuracy, 3, false, CategoricalAccuracy",
      "acc, 1, false, BinaryAccuracy",
      "acc, 4, true, SparseCategoricalAccuracy"})
  void accuracyResolvesAsKerasCompileAndKeepsTheKey(String key, int width, boolean sparse, String type) {
    Metric m = Metrics.create(ComponentSpec.of(key), "compile.metrics[0]", width, sparse);
    assertThat(m.getClass().getSimpleName()).isEqualTo(type);
    assertThat(m.name()).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "precision, precision", "Precision, precision", "recall, recall", "Recall, recall",
      "auc, auc", "AUC, auc", "BinaryAccuracy, binary_accuracy", "binary_accuracy, binary_accuracy",
      "CategoricalAccuracy, categorical_accuracy", "sparse_categorical_accuracy, sparse_categorical_accuracy"})
  void namedMetricsReportUnderTheirKerasName(String written, String key) {
    assertThat(Metrics.create(ComponentSpec.of(written), "m", 1, false).name()).isEqualTo(key);
  }

  @Test
  void nameArgumentReplacesTheKey() {
    Metric m = Metrics.create(ComponentSpec.of("auc", "curve", "PR", "name", "pr_auc"), "m", 1, false);
    assertThat(m.name()).isEqualTo("pr_auc");
    assertThat(((Auc) m).curve()).isEqualTo(Auc.Curve.PR);
  }

  @Test
  void accuracyArgumentsReachTheResolvedMetric() {
    Metric m = Metrics.create(ComponentSpec.of("accuracy", "threshold", 0.7), "m", 1, false);
    assertThat(((BinaryAccuracy) m).threshold()).isEqualTo(0.7);
    assertThat(m.name()).isEqualTo("accuracy");
  }

  @Test
  void typedConstantsBuild() {
    assertThat(((Precision) Metrics.create(Metrics.precision(0.3), "m", 1, false)).threshold()).isEqualTo(0.3);
    assertThat(((Recall) Metrics.create(Metrics.recall(0.6), "m", 1, false)).threshold()).isEqualTo(0.6);
    assertThat(((Auc) Metrics.create(Metrics.auc(50, Auc.Curve.PR), "m", 1, false)).numThresholds()).isEqualTo(50);
    assertThat(Metrics.create(Metrics.ACCURACY, "m", 2, false)).isInstanceOf(CategoricalAccuracy.class);
    assertThat(Metrics.create(Metrics.AUC, "m", 1, false)).isInstanceOf(Auc.class);
  }

  @Test
  void thresholdsMayBeAOneElementList() {
    Metric m = Metrics.create(ComponentSpec.of("precision", "thresholds", List.of(0.25)), "m", 1, false);
    assertThat(((Precision) m).threshold()).isEqualTo(0.25);
  }

  @Test
  void unknownMetricSuggestsAccuracy() {
    assertThatThrownBy(() -> Metrics.create(ComponentSpec.of("acuracy"), "compile.metrics[1]", 1, false))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("compile.metrics[1]: unknown metric 'acuracy'.")
        .hasMessageContaining("Did you mean accuracy");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "auc num_thresholds=1 | num_thresholds | integer > 1",
      "auc curve=ROCK | curve | ROC or PR",
      "auc summation_method=riemann | summation_method | interpolation, minoring or majoring",
      "precision thresholds=1.5 | thresholds | [0, 1]",
      "recall class_id=-2 | class_id | >= 0",
      "binary_accuracy treshold=0.5 | treshold | Did you mean threshold"})
  void badArgumentIsRejectedAtItsPath(String spec, String key, String hint) {
    String[] parts = spec.split(" ");
    String[] kv = parts[1].split("=");
    Object value = kv[1].matches("-?[0-9.]+") ? (Object) Double.parseDouble(kv[1]) : kv[1];
    if (key.equals("num_thresholds") || key.equals("class_id")) {
      value = (int) Double.parseDouble(kv[1]);
    }
    ComponentSpec c = ComponentSpec.of(parts[0], kv[0], value);
    assertThatThrownBy(() -> Metrics.create(c, "m", 1, false))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("m." + key + ":")
        .hasMessageContaining(hint);
  }

  @Test
  void severalThresholdsAreRefusedWithAHint() {
    ComponentSpec c = ComponentSpec.of("precision", "thresholds", List.of(0.3, 0.7));
    assertThatThrownBy(() -> Metrics.create(c, "m", 1, false))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("only one threshold");
  }

  @Test
  void isKnownCoversTheAccuracyShortcut() {
    assertThat(Metrics.isKnown("accuracy")).isTrue();
    assertThat(Metrics.isKnown("acc")).isTrue();
    assertThat(Metrics.isKnown("AUC")).isTrue();
    assertThat(Metrics.isKnown("f1")).isFalse();
  }

  @Test
  void classMetricsPreferHigherValuesAndRegressionErrorsLowerOnes() {
    List<String> higher = List.of("r2_score", "cosine_similarity");
    for (String name : Metrics.knownNames()) {
      Metric m = Metrics.create(ComponentSpec.of(name), "m", 2, false);
      assertThat(m.higherIsBetter()).as(name).isEqualTo(!m.regression() || higher.contains(name));
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "mae, mae, RowErrorMean", "mean_absolute_error, mean_absolute_error, RowErrorMean",
      "MeanAbsoluteError, mean_absolute_error, RowErrorMean", "mse, mse, RowErrorMean",
      "MeanSquaredError, mean_squared_error, RowErrorMean", "rmse, rmse, RootMeanSquaredError",
      "root_mean_squared_error, root_mean_squared_error, RootMeanSquaredError",
      "RootMeanSquaredError, root_mean_squared_error, RootMeanSquaredError", "mape, mape, RowErrorMean",
      "MeanAbsolutePercentageError, mean_absolute_percentage_error, RowErrorMean", "msle, msle, RowErrorMean",
      "mean_squared_logarithmic_error, mean_squared_logarithmic_error, RowErrorMean", "r2, r2, R2Score",
      "r2_score, r2_score, R2Score", "R2Score, r2_score, R2Score", "log_cosh, log_cosh, RowErrorMean",
      "LogCoshError, log_cosh, RowErrorMean", "cosine_similarity, cosine_similarity, RowErrorMean",
      "CosineSimilarity, cosine_similarity, RowErrorMean"})
  void regressionMetricsResolveByKerasNamesAndKeepASnakeCaseSpelling(String written, String key, String type) {
    Metric m = Metrics.create(ComponentSpec.of(written), "compile.metrics[0]", 1, false);
    assertThat(m.getClass().getSimpleName()).isEqualTo(type);
    assertThat(m.name()).isEqualTo(key);
    assertThat(m.regression()).isTrue();
  }

  @Test
  void typedRegressionConstantsBuild() {
    for (ComponentSpec c : List.of(Metrics.MAE, Metrics.MSE, Metrics.RMSE, Metrics.MAPE, Metrics.MSLE, Metrics.R2,
        Metrics.LOG_COSH, Metrics.COSINE_SIMILARITY)) {
      assertThat(Metrics.create(c, "m", 1, false).regression()).as(c.name()).isTrue();
    }
  }

  @Test
  void r2RefusesAnAggregationItDoesNotKnow() {
    assertThatThrownBy(() -> Metrics.create(ComponentSpec.of("r2", "class_aggregation", "mean"), "m", 3, false))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("m.class_aggregation:")
        .hasMessageContaining("uniform_average");
  }
}

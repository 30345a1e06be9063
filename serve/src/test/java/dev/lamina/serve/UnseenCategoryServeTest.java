package dev.lamina.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.predict.ModelServer;
import dev.lamina.predict.Predictor;
import dev.lamina.predict.ServeOptions;
import dev.lamina.predict.TrainedModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server follows each model's {@code handle_unknown}: an unseen category is scored (as all
 * zeros) by a model trained with {@code ignore}, and is a 400 naming the column and value for a
 * model trained with the default {@code error}; on both endpoints.
 */
class UnseenCategoryServeTest {
  @TempDir
  static Path dir;
  static ModelServer.Running server;
  static Http http;
  static Predictor ignoring;
  static Map<String, Object> row;

  @BeforeAll
  static void start() {
    ignoring = Predictor.load(TrainedModels.churnIgnoringUnseenGeography(dir, 1));
    Map<String, Predictor> models = new LinkedHashMap<>();
    models.put("ignoring", ignoring);
    models.put("refusing", Predictor.load(TrainedModels.churn(dir, 1)));
    server = ModelServer.find().start(new ServeOptions("127.0.0.1", 0, 1_000_000, 100, false, models));
    http = new Http(server.port());
    row = TrainedModels.rows(TrainedModels.CHURN_CSV, 1).get(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aModelTrainedWithIgnoreScoresAnUnseenCategoryAsAllZeros() {
    Http.Answer a = http.post("/v1/models/ignoring/predict", Http.json(Map.of("rows", List.of(TrainedModels.with(row, "Geography", "Italy")))));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    double expected = ignoring.predict(TrainedModels.with(row, "Geography", "France")).probability();
    assertThat(a.json().path("predictions").get(0).path("p_1").doubleValue()).isEqualTo(expected);
    Http.Answer v2 = http.post("/v2/models/ignoring/infer",
        ModelServerTest.inferBody(ignoring, List.of(TrainedModels.with(row, "Geography", "Italy")), true));
    assertThat(v2.status()).as(v2.body()).isEqualTo(200);
    JsonNode p = v2.json().path("outputs").get(0).path("data");
    assertThat(p.get(0).doubleValue()).isEqualTo(expected);
  }

  @Test
  void aModelTrainedWithErrorAnswers400NamingColumnAndValue() {
    Http.Answer a = http.post("/v1/models/refusing/predict", Http.json(Map.of("rows", List.of(TrainedModels.with(row, "Geography", "Italy")))));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error()).contains("rows[0], column 'Geography': 'Italy' is a category the model never saw in training");
    Http.Answer gender = http.post("/v1/models/ignoring/predict", Http.json(Map.of("rows", List.of(TrainedModels.with(row, "Gender", "X")))));
    assertThat(gender.status()).isEqualTo(400);
    assertThat(gender.error()).contains("column 'Gender': 'X' is a category the model never saw in training");
  }
}

package dev.lamina.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.predict.InputColumn;
import dev.lamina.predict.ModelServer;
import dev.lamina.predict.Predictor;
import dev.lamina.predict.ServeOptions;
import dev.lamina.predict.TrainedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on a free port with two models (the churn example and a named three-class model):
 * every endpoint answers as the protocol says and as {@code predict}'s CSV says, and every bad
 * request gets its 4xx with a JSON error while the server keeps serving.
 */
class ModelServerTest {
  static final int MAX_ROWS = 500;
  static final long MAX_BODY = 200_000;

  @TempDir
  static Path dir;
  static Path churnRun;
  static Path irisRun;
  static Path linnerudRun;
  static Path labelsRun;
  static Path zeroRun;
  static Path diabetesRun;
  static ModelServer.Running server;
  static Http http;
  static Predictor churn;
  static List<Map<String, Object>> rows;
  static List<String> csv;

  @BeforeAll
  static void start() throws Exception {
    churnRun = TrainedModels.churn(dir, 3);
    irisRun = TrainedModels.threeClasses(dir.resolve("iris"));
    zeroRun = positiveClassZero(dir.resolve("zero"));
    diabetesRun = TrainedModels.diabetes(dir, 5);
    churn = Predictor.load(churnRun);
    Map<String, Predictor> models = new LinkedHashMap<>();
    models.put("churn", churn);
    models.put("iris", Predictor.load(irisRun));
    models.put("zero", Predictor.load(zeroRun));
    models.put("diabetes", Predictor.load(diabetesRun));
    linnerudRun = TrainedModels.example(dir, "linnerud/model.yaml", 5);
    labelsRun = TrainedModels.labelsWithThresholds(dir, 1, 0.3, 0.7);
    models.put("linnerud", Predictor.load(linnerudRun));
    models.put("labels", Predictor.load(labelsRun));
    server = ModelServer.find().start(new ServeOptions("127.0.0.1", 0, MAX_BODY, MAX_ROWS, false, models));
    http = new Http(server.port());
    Path some = dir.resolve("some.csv");
    Files.write(some, Files.readAllLines(TrainedModels.CHURN_CSV).subList(0, 41));
    rows = TrainedModels.rows(some, 40);
    csv = TrainedModels.predictCsv(churnRun, some, dir.resolve("some.predictions.csv"));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void healthAndServerMetadata() {
    assertThat(http.get("/v2/health/live").json().path("live").asBoolean()).isTrue();
    assertThat(http.get("/v2/health/ready").json().path("ready").asBoolean()).isTrue();
    JsonNode meta = http.get("/v2").json();
    assertThat(meta.path("name").asText()).isEqualTo("lamina");
    assertThat(meta.path("extensions").isArray()).isTrue();
  }

  @Test
  void modelMetadataListsOneInputPerRawColumnAndTheOutputs() {
    Http.Answer a = http.get("/v2/models/churn");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.type()).startsWith("application/json");
    JsonNode m = a.json();
    assertThat(m.path("name").asText()).isEqualTo("churn");
    List<String> inputs = new ArrayList<>();
    for (JsonNode in : m.path("inputs")) {
      inputs.add(in.path("name").asText() + ":" + in.path("datatype").asText() + ":" + in.path("shape"));
    }
    assertThat(inputs).containsExactly("CreditScore:FP64:[-1,1]", "Geography:BYTES:[-1,1]", "Gender:BYTES:[-1,1]",
        "Age:FP64:[-1,1]", "Tenure:FP64:[-1,1]", "Balance:FP64:[-1,1]", "NumOfProducts:FP64:[-1,1]",
        "HasCrCard:FP64:[-1,1]", "IsActiveMember:FP64:[-1,1]", "EstimatedSalary:FP64:[-1,1]");
    assertThat(m.path("outputs").get(0).path("name").asText()).isEqualTo("probability");
    assertThat(m.path("outputs").get(0).path("shape").toString()).isEqualTo("[-1,1]");
    assertThat(m.path("outputs").get(1).path("name").asText()).isEqualTo("label");
    assertThat(m.path("parameters").path("kind").asText()).isEqualTo("binary");
    // The one probability column is of the positive class, named as the CSV names it.
    assertThat(m.path("parameters").path("positive_class").asText()).isEqualTo("1");
    JsonNode iris = http.get("/v2/models/iris").json();
    assertThat(iris.path("parameters").has("positive_class")).isFalse();
    assertThat(iris.path("outputs").get(0).path("shape").toString()).isEqualTo("[-1,3]");
    assertThat(iris.path("parameters").path("output_names").toString()).isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
    assertThat(http.get("/v2/models/iris/ready").json().path("ready").asBoolean()).isTrue();
  }

  @Test
  void inferAnswersWithTheProbabilitiesOfPredictsCsv() {
    Http.Answer a = http.post("/v2/models/churn/infer", inferBody(rows, true));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    JsonNode out = a.json();
    assertThat(out.path("model_name").asText()).isEqualTo("churn");
    assertThat(out.path("id").asText()).isEqualTo("req-1");
    JsonNode p = out.path("outputs").get(0);
    assertThat(p.path("name").asText()).isEqualTo("probability");
    assertThat(p.path("datatype").asText()).isEqualTo("FP64");
    assertThat(p.path("shape").toString()).isEqualTo("[40,1]");
    JsonNode labels = out.path("outputs").get(1);
    assertThat(labels.path("shape").toString()).isEqualTo("[40]");
    for (int i = 0; i < 40; i++) {
      String[] cells = csv.get(i + 1).split(",");
      assertThat(p.path("data").get(i).doubleValue()).isEqualTo(Double.parseDouble(cells[1]));
      assertThat(labels.path("data").get(i).asText()).isEqualTo(cells[2]);
    }
    // shape [N] instead of [N, 1], nested data, and only the output asked for
    Http.Answer flat = http.post("/v2/models/churn/infer", inferBody(rows, false).replace("\"inputs\"",
        "\"outputs\": [{\"name\": \"probability\"}], \"inputs\""));
    assertThat(flat.status()).as(flat.body()).isEqualTo(200);
    assertThat(flat.json().path("outputs")).hasSize(1);
    assertThat(flat.json().path("outputs").get(0).path("data")).isEqualTo(p.path("data"));
  }

  @Test
  void v1PredictAnswersWithTheColumnsOfPredictsCsv() {
    Http.Answer a = http.post("/v1/models/churn/predict", Http.json(Map.of("rows", rows)));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    JsonNode ps = a.json().path("predictions");
    assertThat(ps).hasSize(40);
    assertSameAsCsv(ps, csv, 40);
    List<Map<String, Object>> irisRows = TrainedModels.rows(dir.resolve("iris").resolve("iris.csv"), 30);
    List<String> irisCsv = TrainedModels.predictCsv(irisRun, dir.resolve("iris").resolve("iris.csv"),
        dir.resolve("iris.predictions.csv"));
    JsonNode ips = http.post("/v1/models/iris/predict", Http.json(Map.of("rows", irisRows))).json().path("predictions");
    assertSameAsCsv(ips, irisCsv, 30);
    for (int i = 0; i < 30; i++) {
      assertThat(ips.get(i).path("label").asText()).isIn("setosa", "versicolor", "virginica");
    }
  }

  @Test
  void aMultiOutputRegressionAnswersOneValuePerTargetAsPredictsCsv() {
    Path csvFile = TrainedModels.EXAMPLES.resolve("linnerud/linnerud.csv");
    List<Map<String, Object>> lrows = TrainedModels.rows(csvFile, 20);
    List<String> lcsv = TrainedModels.predictCsv(linnerudRun, csvFile, dir.resolve("linnerud.predictions.csv"));
    JsonNode meta = http.get("/v2/models/linnerud").json();
    assertThat(meta.path("outputs").get(0).path("name").asText()).isEqualTo("value");
    assertThat(meta.path("outputs").get(0).path("shape").toString()).isEqualTo("[-1,3]");
    assertThat(meta.path("parameters").path("output_names").toString()).isEqualTo("[\"Weight\",\"Waist\",\"Pulse\"]");
    Http.Answer a = http.post("/v2/models/linnerud/infer", inferBody(Predictor.load(linnerudRun), lrows, true));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    JsonNode v = a.json().path("outputs").get(0);
    assertThat(v.path("shape").toString()).isEqualTo("[20,3]");
    for (int i = 0; i < 20; i++) {
      Map<String, String> row = TrainedModels.csvRow(lcsv, i);
      assertThat(v.path("data").get(i * 3).doubleValue()).isEqualTo(Double.parseDouble(row.get("Weight_predicted")));
      assertThat(v.path("data").get(i * 3 + 2).doubleValue()).isEqualTo(Double.parseDouble(row.get("Pulse_predicted")));
    }
    JsonNode ps = http.post("/v1/models/linnerud/predict", Http.json(Map.of("rows", lrows))).json().path("predictions");
    assertSameAsCsv(ps, lcsv, 20);
  }

  @Test
  void aMultiLabelModelAnswersAProbabilityAndADecisionPerLabelAsPredictsCsv() {
    Http.Answer a = http.post("/v2/models/labels/infer", inferBody(Predictor.load(labelsRun), rows, true));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<String> lcsv = TrainedModels.predictCsv(labelsRun, dir.resolve("some.csv"), dir.resolve("labels.predictions.csv"));
    JsonNode p = a.json().path("outputs").get(0);
    JsonNode decided = a.json().path("outputs").get(1);
    assertThat(p.path("shape").toString()).isEqualTo("[40,2]");
    assertThat(decided.path("datatype").asText()).isEqualTo("INT64");
    assertThat(decided.path("shape").toString()).isEqualTo("[40,2]");
    for (int i = 0; i < 40; i++) {
      Map<String, String> row = TrainedModels.csvRow(lcsv, i);
      assertThat(p.path("data").get(i * 2).doubleValue()).isEqualTo(Double.parseDouble(row.get("p_Exited")));
      assertThat(decided.path("data").get(i * 2 + 1).asText()).isEqualTo(row.get("IsActiveMember_predicted"));
      // Each label at its own threshold: Exited at 0.3, IsActiveMember at 0.7.
      assertThat(decided.path("data").get(i * 2).asInt()).isEqualTo(p.path("data").get(i * 2).doubleValue() > 0.3 ? 1 : 0);
      assertThat(decided.path("data").get(i * 2 + 1).asInt())
          .isEqualTo(p.path("data").get(i * 2 + 1).doubleValue() > 0.7 ? 1 : 0);
    }
    JsonNode ps = http.post("/v1/models/labels/predict", Http.json(Map.of("rows", rows))).json().path("predictions");
    assertSameAsCsv(ps, lcsv, 40);
    for (int i = 0; i < 40; i++) {
      JsonNode one = ps.get(i);
      assertThat(one.path("Exited_predicted").asInt()).isEqualTo(one.path("p_Exited").doubleValue() > 0.3 ? 1 : 0);
      assertThat(one.path("IsActiveMember_predicted").asInt())
          .isEqualTo(one.path("p_IsActiveMember").doubleValue() > 0.7 ? 1 : 0);
    }
    JsonNode meta = http.get("/v2/models/labels").json().path("parameters");
    assertThat(meta.path("thresholds").toString()).isEqualTo("{\"Exited\":0.3,\"IsActiveMember\":0.7}");
    assertThat(meta.has("threshold")).isFalse();
  }

  @Test
  void aModelWhosePositiveClassIsZeroAnswersWithItsProbabilityAndLabelAsPredictDoes() {
    List<String> zeroCsv = TrainedModels.predictCsv(zeroRun, dir.resolve("some.csv"), dir.resolve("zero.predictions.csv"));
    JsonNode ps = http.post("/v1/models/zero/predict", Http.json(Map.of("rows", rows))).json().path("predictions");
    assertSameAsCsv(ps, zeroCsv, 40);
    for (int i = 0; i < 40; i++) {
      // p_0: the probability of the positive class, 0 here, as predict's column names it.
      assertThat(ps.get(i).path("label").asText()).isEqualTo(ps.get(i).path("p_0").doubleValue() > 0.5 ? "0" : "1");
      assertThat(ps.get(i).has("p_1")).isFalse();
    }
    assertThat(http.get("/v2/models/zero").json().path("parameters").path("positive_class").asText()).isEqualTo("0");
  }

  /** The churn example trained with {@code positive_class: 0}: its one output is the probability of staying. */
  private static Path positiveClassZero(Path d) throws Exception {
    Files.createDirectories(d);
    Path spec = d.resolve("zero.yaml");
    Files.writeString(spec, Files.readString(TrainedModels.CHURN_SPEC)
        .replace("../../data/churn.csv", TrainedModels.CHURN_CSV.toString())
        .replace("  target: Exited", "  target: Exited\n  positive_class: 0"));
    java.io.StringWriter err = new java.io.StringWriter();
    int code = dev.lamina.cli.Main.execute(new String[] {spec.toString(), "--epochs", "2", "--quiet", "--out",
        d.resolve("run").toString()}, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    assertThat(Predictor.load(d.resolve("run")).task().classes()).containsExactly("1", "0");
    return d.resolve("run");
  }

  @Test
  void aRegressionModelAnswersBothEndpointsWithTheValuesOfPredictsCsv() {
    List<Map<String, Object>> dRows = TrainedModels.rows(TrainedModels.DIABETES_CSV, 25);
    List<String> dCsv = TrainedModels.predictCsv(diabetesRun, TrainedModels.DIABETES_CSV,
        dir.resolve("diabetes.predictions.csv"));
    JsonNode meta = http.get("/v2/models/diabetes").json();
    assertThat(meta.path("parameters").path("kind").asText()).isEqualTo("regression");
    assertThat(meta.path("outputs").get(0).path("shape").toString()).isEqualTo("[-1,1]");
    Http.Answer v1 = http.post("/v1/models/diabetes/predict", Http.json(Map.of("rows", dRows)));
    assertThat(v1.status()).as(v1.body()).isEqualTo(200);
    assertSameAsCsv(v1.json().path("predictions"), dCsv, 25);
    assertThat(v1.body()).doesNotContain("probab").doesNotContain("class").doesNotContain("threshold");
    Http.Answer v2 = http.post("/v2/models/diabetes/infer", inferBody(Predictor.load(diabetesRun), dRows, true));
    assertThat(v2.status()).as(v2.body()).isEqualTo(200);
    JsonNode values = v2.json().path("outputs").get(0);
    assertThat(values.path("shape").toString()).isEqualTo("[25,1]");
    for (int i = 0; i < 25; i++) {
      assertThat(values.path("data").get(i).doubleValue()).isEqualTo(Double.parseDouble(dCsv.get(i + 1).split(",")[1]));
    }
    assertThat(v2.body()).doesNotContain("probab").doesNotContain("label");
  }

  /** Each JSON prediction holds the CSV row's columns with the same values (and a label). */
  private static void assertSameAsCsv(JsonNode predictions, List<String> csv, int rows) {
    assertThat(predictions).hasSize(rows);
    for (int i = 0; i < rows; i++) {
      JsonNode p = predictions.get(i);
      TrainedModels.csvRow(csv, i).forEach((column, cell) -> {
        JsonNode v = p.path(column);
        Object value = v.isNumber() && !v.isIntegralNumber() ? (Object) v.doubleValue() : v.asText();
        assertThat(TrainedModels.sameCell(value, cell)).as("%s: %s vs the CSV's %s", column, v, cell).isTrue();
      });
    }
  }

  @Test
  void everyBadRequestGetsItsStatusAndAJsonErrorAndTheServerKeepsServing() {
    Map<String, Object> row = rows.get(0);
    expect(http.post("/v1/models/churn/predict", "{\"rows\": [{"), 400, "malformed JSON (line 1, column");
    expect(http.post("/v1/models/churn/predict", "[1, 2]"), 400, "the body must be a JSON object, got array");
    expect(http.post("/v1/models/churn/predict", ""), 400, "the request has no body");
    expect(http.post("/v1/models/churn/predict", "{\"rows\": 3}"), 400, "the body needs 'rows'");
    expect(http.post("/v1/models/churn/predict", "{\"rows\": []}"), 400, "'rows' is empty");
    expect(http.post("/v1/models/churn/predict", "{\"rows\": [7]}"), 400, "rows[0] is 7; each row is an object");
    expect(http.post("/v1/models/churn/predict", "{\"rows\": [1], \"rows\": [2]}"), 400, "Duplicate field 'rows'");
    expect(http.post("/v1/models/churn/predict", Http.json(Map.of("rows", List.of(row, with(row, "Age", "old"))))),
        400, "rows[1], column 'Age': 'old' is not a number");
    expect(http.post("/v1/models/churn/predict", Http.json(Map.of("rows", List.of(with(row, "Age", List.of(1)))))),
        400, "rows[0], column 'Age': '[1]' is neither a number nor text");
    Map<String, Object> noAge = new LinkedHashMap<>(row);
    noAge.remove("Age");
    expect(http.post("/v1/models/churn/predict", Http.json(Map.of("rows", List.of(noAge)))), 400,
        "rows[0], column 'Age': the row has no value for this column");
    expect(http.post("/v1/models/churn/predict", Http.json(Map.of("rows", List.of(with(row, "Geography", "Mars"))))),
        400, "rows[0], column 'Geography': 'Mars' is a category the model never saw in training");
    expect(http.post("/v1/models/churn/predict", Http.json(Map.of("rows", java.util.Collections.nCopies(MAX_ROWS + 1, row)))),
        413, "more than this server's limit of " + MAX_ROWS);
    expect(http.post("/v1/models/churn/predict", "{\"rows\": [\"" + "x".repeat((int) MAX_BODY) + "\"]}"), 413,
        "over this server's limit of " + MAX_BODY + " bytes");
    expect(http.post("/v1/models/chrun/predict", "{}"), 404,
        "no model named 'chrun'; this server has [churn, iris, zero, diabetes, linnerud, labels]. Did you mean churn?");
    expect(http.get("/v2/models/nope"), 404, "no model named 'nope'");
    expect(http.get("/v2/nothing"), 404, "no endpoint /v2/nothing");
    expect(http.get("/v2/models/churn/explain"), 404, "no endpoint");
    expect(http.get("/v2/models/churn/infer"), 405, "GET is not allowed here; use POST");
    expect(http.method("DELETE", "/v2/health/live"), 405, "use GET");
    // the protocol's tensors
    String good = inferBody(rows.subList(0, 2), true);
    expect(http.post("/v2/models/churn/infer", "{}"), 400, "'inputs' must be a non-empty array");
    expect(http.post("/v2/models/churn/infer", good.replace("\"Age\"", "\"age\"")), 400,
        "model has no input 'age'");
    expect(http.post("/v2/models/churn/infer", dropInput(good, "Tenure")), 400,
        "the model needs the input [Tenure], which the request does not have");
    expect(http.post("/v2/models/churn/infer", good.replaceFirst("\"FP64\"", "\"FP99\"")), 400,
        "'datatype' must be FP64");
    expect(http.post("/v2/models/churn/infer", good.replace("\"Spain\"", "1")), 400,
        "BYTES data are strings");
    expect(http.post("/v2/models/churn/infer", good.replace("\"shape\":[2,1]", "\"shape\":[3,1]")), 400,
        "'data' holds 2 values, its shape needs 3");
    expect(http.post("/v2/models/churn/infer", good.replace("\"shape\":[2,1]", "\"shape\":[2,2]")), 400,
        "'shape' must be [N, 1] or [N]");
    expect(http.post("/v2/models/churn/infer", good.replace("\"shape\":[2,1]", "\"shape\":[" + (MAX_ROWS + 1) + ",1]")),
        413, "rows is more than this server's limit");
    expect(http.post("/v2/models/churn/infer", good.replace("\"Spain\"", "\"Mars\"")), 400,
        "input 'Geography': 'Mars' is a category the model never saw in training");
    expect(http.post("/v2/models/churn/infer", good.replace("\"inputs\"",
        "\"outputs\":[{\"name\":\"prob\"}],\"inputs\"")), 400, "outputs[0]: no output named 'prob'");
    assertThat(http.get("/v2/health/ready").status()).isEqualTo(200);
    assertThat(http.post("/v2/models/churn/infer", good).status()).isEqualTo(200);
  }

  @Test
  void metricsCountRequestsErrorsRowsAndLatencyPerModel() {
    http.post("/v1/models/iris/predict", "{\"rows\": []}");
    http.post("/v1/models/iris/predict", Http.json(Map.of("rows",
        TrainedModels.rows(dir.resolve("iris").resolve("iris.csv"), 7))));
    Http.Answer m = http.get("/metrics");
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.type()).startsWith("text/plain; version=0.0.4");
    assertThat(m.body()).contains("# TYPE lamina_requests_total counter")
        .containsPattern("lamina_requests_total\\{model=\"iris\",endpoint=\"predict\",code=\"400\"} [1-9]")
        .containsPattern("lamina_requests_total\\{model=\"iris\",endpoint=\"predict\",code=\"200\"} [1-9]")
        .containsPattern("lamina_rows_total\\{model=\"iris\"} [1-9]")
        .contains("# TYPE lamina_request_duration_seconds histogram")
        .containsPattern("lamina_request_duration_seconds_bucket\\{model=\"iris\",le=\"\\+Inf\"} [1-9]")
        .containsPattern("lamina_request_duration_seconds_count\\{model=\"iris\"} [1-9]");
  }

  /** A V2 request for {@code rows}: one tensor per input column, shape [N, 1] or [N] with nested data. */
  static String inferBody(List<Map<String, Object>> rows, boolean column) {
    return inferBody(churn, rows, column);
  }

  /** A V2 infer body for {@code model}: one tensor per raw input column, shape [N, 1] or [N]. */
  static String inferBody(Predictor model, List<Map<String, Object>> rows, boolean column) {
    List<Object> inputs = new ArrayList<>();
    for (InputColumn c : model.inputs()) {
      List<Object> data = new ArrayList<>();
      for (Map<String, Object> r : rows) {
        Object v = c.numeric() ? (Object) Double.parseDouble((String) r.get(c.name())) : r.get(c.name());
        data.add(column ? v : List.of(v));
      }
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", c.name());
      t.put("shape", column ? List.of(rows.size(), 1) : List.of(rows.size()));
      t.put("datatype", c.numeric() ? "FP64" : "BYTES");
      t.put("data", data);
      inputs.add(t);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", "req-1");
    body.put("inputs", inputs);
    return Http.json(body);
  }

  private static String dropInput(String body, String name) {
    JsonNode n = new Http.Answer(200, "", body).json();
    List<Object> kept = new ArrayList<>();
    for (JsonNode t : n.path("inputs")) {
      if (!t.path("name").asText().equals(name)) {
        kept.add(t);
      }
    }
    return Http.json(Map.of("inputs", kept));
  }

  private static Map<String, Object> with(Map<String, Object> row, String column, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(row);
    m.put(column, value);
    return m;
  }

  private static void expect(Http.Answer a, int status, String error) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.type()).startsWith("application/json");
    assertThat(a.error()).contains(error);
  }
}

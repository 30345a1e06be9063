package dev.lamina.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import dev.lamina.table.DataException;
import dev.lamina.task.Thresholds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A predictor scores raw rows as the {@code predict} command does, from many threads, with clear errors. */
class PredictorTest {
  @TempDir
  static Path dir;
  static Path churnRun;
  static Predictor churn;
  static List<Map<String, Object>> churnRows;
  /** The churn multi-label example deciding Exited at 0.3 and IsActiveMember at 0.7. */
  static Path labelsRun;

  @BeforeAll
  static void train() {
    labelsRun = TrainedModels.labelsWithThresholds(dir, 1, 0.3, 0.7);
    churnRun = TrainedModels.churn(dir, 3);
    churn = Predictor.load(churnRun);
    churnRows = TrainedModels.rows(TrainedModels.CHURN_CSV, 1000);
  }

  @Test
  void describesTheChurnModelsInputsAndOutputs() {
    assertThat(churn.name()).isEqualTo("churn-he-uniform");
    assertThat(churn.task()).isInstanceOf(dev.lamina.task.Binary.class);
    assertThat(churn.inputs()).extracting(InputColumn::name).containsExactly("CreditScore", "Geography", "Gender",
        "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary");
    assertThat(churn.inputs()).filteredOn(c -> !c.numeric()).extracting(InputColumn::name)
        .containsExactly("Geography", "Gender");
    assertThat(churn.featureCount()).isEqualTo(11);
    assertThat(churn.outputNames()).containsExactly("0", "1");
    assertThat(churn.thresholds()).isEqualTo(Thresholds.of(0.5));
    assertThat(Predictor.load(churnRun.resolve("model.lamina")).predict(churnRows.get(0)))
        .isEqualTo(churn.predict(churnRows.get(0)));
  }

  @Test
  void binaryPredictionsEqualThePredictCommandsCsvRowForRow() {
    Path some = dir.resolve("some.csv");
    writeFirstLines(TrainedModels.CHURN_CSV, some, 301);
    List<String> csv = TrainedModels.predictCsv(churnRun, some, dir.resolve("some.predictions.csv"));
    assertThat(csv.get(0)).startsWith("row,p_1,predicted_class");
    List<Prediction> ps = churn.predictAll(TrainedModels.rows(some, 300));
    assertThat(ps).hasSize(csv.size() - 1);
    for (int i = 0; i < ps.size(); i++) {
      Prediction p = ps.get(i);
      assertSameAsCsv(p, TrainedModels.csvRow(csv, i), i);
      assertThat(p.probability()).isEqualTo(p.output(0));
      assertThat(p.label()).isEqualTo(p.fields().get("predicted_class").toString());
      assertThat(p.probabilities()).containsOnlyKeys("0", "1");
      assertThat(p.probabilities().get("0")).isEqualTo(1 - p.probability());
    }
  }

  static void assertSameAsCsv(Prediction p, Map<String, String> csvRow, int i) {
    assertThat(p.fields().keySet()).as("row %d", i).containsExactlyElementsOf(csvRow.keySet());
    csvRow.forEach((column, cell) -> assertThat(TrainedModels.sameCell(p.fields().get(column), cell))
        .as("row %d column %s: %s vs the CSV's %s", i, column, p.fields().get(column), cell).isTrue());
  }

  @Test
  void numbersBooleansAndTextGiveTheSameFeaturesAsTheCsvsText() {
    Map<String, Object> text = churnRows.get(4);
    Map<String, Object> typed = new HashMap<>(text);
    typed.put("CreditScore", Integer.parseInt((String) text.get("CreditScore")));
    typed.put("Age", Double.parseDouble((String) text.get("Age")));
    typed.put("Balance", new java.math.BigDecimal((String) text.get("Balance")));
    typed.put("HasCrCard", text.get("HasCrCard").equals("1"));
    typed.put("IsActiveMember", Long.parseLong((String) text.get("IsActiveMember")));
    typed.put("Unused", List.of("extra keys are ignored"));
    assertThat(churn.predict(typed).outputs()).containsExactly(churn.predict(text).outputs());
  }

  @Test
  void aBadValueIsAnErrorNamingTheRowColumnAndValue() {
    List<Map<String, Object>> rows = new ArrayList<>(churnRows.subList(0, 3));
    rows.set(2, with(rows.get(2), "Age", "forty"));
    assertThatThrownBy(() -> churn.predictAll(rows)).isInstanceOf(DataException.class)
        .hasMessageStartingWith("row 3, column 'Age': 'forty' is not a number");
    assertThatThrownBy(() -> churn.predict(with(churnRows.get(0), "Geography", "Atlantis")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("column 'Geography': 'Atlantis' is a category the model never saw in training")
        .hasMessageContaining("[France, Germany, Spain]");
    assertThatThrownBy(() -> churn.predict(with(churnRows.get(0), "Age", null)))
        .isInstanceOf(DataException.class).hasMessageContaining("column 'Age': the value is missing");
    assertThatThrownBy(() -> churn.predict(with(churnRows.get(0), "Age", Double.POSITIVE_INFINITY)))
        .isInstanceOf(DataException.class).hasMessageContaining("column 'Age'").hasMessageContaining("infinite");
    assertThatThrownBy(() -> churn.predict(with(churnRows.get(0), "Age", List.of(1, 2))))
        .isInstanceOf(DataException.class).hasMessageContaining("column 'Age': '[1, 2]' is neither a number nor text")
        .hasMessageContaining("give a number, text, true/false or null");
    Map<String, Object> misspelt = new LinkedHashMap<>(churnRows.get(0));
    misspelt.put("Tenur", misspelt.remove("Tenure"));
    assertThatThrownBy(() -> churn.predict(misspelt)).isInstanceOf(DataException.class)
        .hasMessageContaining("row 1, column 'Tenure': the row has no value for this column")
        .hasMessageEndingWith("Did you mean Tenur?");
  }

  @Test
  void manyThreadsScoringAtOnceGiveBitForBitTheSingleThreadedResults() throws Exception {
    List<Prediction> alone = churn.predictAll(churnRows);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<double[]>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int first = t * 37;
        futures.add(pool.submit(() -> {
          List<double[]> mine = new ArrayList<>();
          for (int k = 0; k < 3; k++) {
            // single rows, odd-sized lists and lists longer than one pass, all interleaved with the other threads
            for (int i = first; i < churnRows.size(); i += 1 + k * 5) {
              mine.add(churn.predict(churnRows.get(i)).outputs());
            }
            for (Prediction p : churn.predictAll(churnRows.subList(first, churnRows.size()))) {
              mine.add(p.outputs());
            }
          }
          return mine;
        }));
      }
      for (int t = 0; t < 8; t++) {
        int first = t * 37;
        List<double[]> expected = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
          for (int i = first; i < churnRows.size(); i += 1 + k * 5) {
            expected.add(alone.get(i).outputs());
          }
          for (int i = first; i < churnRows.size(); i++) {
            expected.add(alone.get(i).outputs());
          }
        }
        List<double[]> got = futures.get(t).get();
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
          assertThat(Double.doubleToRawLongBits(got.get(i)[0])).isEqualTo(Double.doubleToRawLongBits(expected.get(i)[0]));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void multiClassPredictionsCarryClassNamesAndEqualThePredictCommand() {
    Path run = TrainedModels.threeClasses(dir.resolve("iris"));
    Predictor iris = Predictor.load(run);
    assertThat(iris.task()).isInstanceOf(dev.lamina.task.MultiClass.class);
    assertThat(iris.outputNames()).containsExactly("setosa", "versicolor", "virginica");
    Path csv = dir.resolve("iris").resolve("iris.csv");
    List<String> lines = TrainedModels.predictCsv(run, csv, dir.resolve("iris.predictions.csv"));
    List<Prediction> ps = iris.predictAll(TrainedModels.rows(csv, 300));
    assertThat(ps).hasSize(300);
    for (int i = 0; i < ps.size(); i++) {
      Prediction p = ps.get(i);
      assertSameAsCsv(p, TrainedModels.csvRow(lines, i), i);
      assertThat(p.label()).isEqualTo(iris.outputNames().get(p.classIndex()));
      assertThat(p.probability()).isEqualTo(p.output(p.classIndex()));
      assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
          org.assertj.core.data.Offset.offset(1e-12));
    }
    // a missing x1 takes the fitted mean, as in the CSV (row 1 has an empty x1)
    assertThat(iris.predict(with(TrainedModels.rows(csv, 1).get(0), "x1", null)).outputs())
        .containsExactly(ps.get(0).outputs());
  }

  @Test
  void multiOutputRegressionPredictionsCarryOneValuePerTargetAndEqualThePredictCommand() {
    Path run = TrainedModels.example(dir, "linnerud/model.yaml", 5);
    Predictor linnerud = Predictor.load(run);
    assertThat(linnerud.task()).isInstanceOf(dev.lamina.task.Regression.class);
    assertThat(linnerud.outputNames()).containsExactly("Weight", "Waist", "Pulse");
    Path csv = TrainedModels.EXAMPLES.resolve("linnerud/linnerud.csv");
    List<String> lines = TrainedModels.predictCsv(run, csv, dir.resolve("linnerud.predictions.csv"));
    List<Prediction> ps = linnerud.predictAll(TrainedModels.rows(csv, 20));
    assertThat(ps).hasSize(20);
    for (int i = 0; i < ps.size(); i++) {
      Prediction p = ps.get(i);
      assertSameAsCsv(p, TrainedModels.csvRow(lines, i), i);
      assertThat(p.values()).containsOnlyKeys("Weight", "Waist", "Pulse");
      assertThat(p.values().get("Pulse")).isEqualTo(p.output(2));
      assertThatThrownBy(p::probabilities).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void multiLabelPredictionsCarryAProbabilityAndADecisionPerLabelAndEqualThePredictCommand() {
    Path run = labelsRun;
    Predictor labels = Predictor.load(run);
    assertThat(labels.thresholds().byLabel(labels.task())).containsExactly(Map.entry("Exited", 0.3),
        Map.entry("IsActiveMember", 0.7));
    assertThat(labels.task()).isInstanceOf(dev.lamina.task.MultiLabel.class);
    assertThat(labels.outputNames()).containsExactly("Exited", "IsActiveMember");
    Path some = dir.resolve("some-labels.csv");
    writeFirstLines(TrainedModels.CHURN_CSV, some, 201);
    List<String> lines = TrainedModels.predictCsv(run, some, dir.resolve("labels.predictions.csv"));
    assertThat(lines.get(0)).isEqualTo(
        "row,p_Exited,Exited_predicted,Exited,p_IsActiveMember,IsActiveMember_predicted,IsActiveMember");
    List<Prediction> ps = labels.predictAll(TrainedModels.rows(some, 200));
    for (int i = 0; i < ps.size(); i++) {
      Prediction p = ps.get(i);
      assertSameAsCsv(p, TrainedModels.csvRow(lines, i), i);
      assertThat(p.probabilities()).containsOnlyKeys("Exited", "IsActiveMember");
      List<String> on = new java.util.ArrayList<>();
      if (p.output(0) > 0.3) {
        on.add("Exited");
      }
      if (p.output(1) > 0.7) {
        on.add("IsActiveMember");
      }
      assertThat(p.labels()).isEqualTo(on);
      assertThat(p.decision(0)).isEqualTo(p.output(0) > 0.3);
      assertThat(p.decision(1)).isEqualTo(p.output(1) > 0.7);
    }
  }

  @Test
  void otherThresholdsGiveTheSameProbabilitiesAndDecideAtTheNewThresholds() {
    Predictor labels = Predictor.load(labelsRun);
    List<Map<String, Object>> some = TrainedModels.rows(TrainedModels.CHURN_CSV, 300);
    List<Prediction> saved = labels.predictAll(some);
    Predictor exited = labels.withThresholds(Thresholds.of(Map.of("Exited", 0.6)));
    Predictor all = labels.withThresholds(Thresholds.of(0.45));
    assertThat(exited.thresholds().forOutputs(exited.task())).containsExactly(0.6, 0.7);
    assertThat(all.thresholds().forOutputs(all.task())).containsExactly(0.45, 0.45);
    assertThat(labels.thresholds().forOutputs(labels.task())).containsExactly(0.3, 0.7);
    List<Prediction> e = exited.predictAll(some);
    List<Prediction> a = all.predictAll(some);
    boolean changed = false;
    for (int i = 0; i < some.size(); i++) {
      double p0 = saved.get(i).output(0);
      double p1 = saved.get(i).output(1);
      assertThat(e.get(i).outputs()).isEqualTo(saved.get(i).outputs());
      assertThat(e.get(i).fields()).containsEntry("Exited_predicted", p0 > 0.6 ? 1 : 0)
          .containsEntry("IsActiveMember_predicted", p1 > 0.7 ? 1 : 0);
      assertThat(a.get(i).fields()).containsEntry("Exited_predicted", p0 > 0.45 ? 1 : 0)
          .containsEntry("IsActiveMember_predicted", p1 > 0.45 ? 1 : 0);
      changed |= saved.get(i).decision(0) != e.get(i).decision(0);
    }
    assertThat(changed).as("some row's Exited decision moves from 0.3 to 0.6").isTrue();
  }

  @Test
  void thresholdsThatDoNotFitTheModelAreRefusedByName() {
    Predictor labels = Predictor.load(labelsRun);
    assertThatThrownBy(() -> labels.withThresholds(Thresholds.of(Map.of("Exitted", 0.4))))
        .isInstanceOf(SpecException.class).hasMessageEndingWith("Did you mean Exited?");
    assertThatThrownBy(() -> churn.withThresholds(Thresholds.of(Map.of("Exited", 0.4))))
        .isInstanceOf(SpecException.class).hasMessageContaining("is for a multi-label model");
    Predictor strict = churn.withThresholds(Thresholds.of(0.9));
    for (Map<String, Object> row : TrainedModels.rows(TrainedModels.CHURN_CSV, 100)) {
      Prediction p = strict.predict(row);
      assertThat(p.label()).isEqualTo(p.probability() > 0.9 ? "1" : "0");
    }
  }

  @Test
  void regressionPredictionsAreValuesPerTargetAndEqualThePredictCommand() {
    Path run = TrainedModels.diabetes(dir, 5);
    Predictor diabetes = Predictor.load(run);
    assertThat(diabetes.task()).isInstanceOf(dev.lamina.task.Regression.class);
    assertThat(diabetes.outputNames()).containsExactly("progression");
    List<String> lines = TrainedModels.predictCsv(run, TrainedModels.DIABETES_CSV, dir.resolve("diabetes.predictions.csv"));
    assertThat(lines.get(0)).isEqualTo("row,progression_predicted,progression");
    List<Prediction> ps = diabetes.predictAll(TrainedModels.rows(TrainedModels.DIABETES_CSV, 442));
    assertThat(ps).hasSize(442);
    for (int i = 0; i < ps.size(); i++) {
      Prediction p = ps.get(i);
      assertSameAsCsv(p, TrainedModels.csvRow(lines, i), i);
      assertThat(p.fields()).containsOnlyKeys("progression_predicted");
      assertThat(p.output(0)).isEqualTo(p.fields().get("progression_predicted"));
    }
  }

  @Test
  void anImportedKerasModelScoresFeaturesAsKerasDid() throws Exception {
    Path shared = Path.of(System.getProperty("lamina.shared", "../../shared"), "datasets", "keras");
    Predictor keras = Predictor.load(shared.resolve("churn_keras3.keras"));
    assertThat(keras.hasPipeline()).isFalse();
    assertThat(keras.task()).isInstanceOf(dev.lamina.task.Binary.class);
    List<String> inputs = java.nio.file.Files.readAllLines(shared.resolve("churn_keras3_inputs.csv"));
    List<String> reference = java.nio.file.Files.readAllLines(shared.resolve("churn_keras3_reference_probabilities.csv"));
    for (int i = 1; i <= 50; i++) {
      String[] cells = inputs.get(i).split(",");
      double[] x = new double[keras.featureCount()];
      for (int j = 0; j < x.length; j++) {
        x[j] = Double.parseDouble(cells[j]);
      }
      double expected = Double.parseDouble(reference.get(i).split(",")[1]);
      assertThat(keras.predict(x).probability()).as("row %d", i).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    }
    assertThatThrownBy(() -> keras.predict(churnRows.get(0))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no data pipeline").hasMessageContaining("give its 12 features to predict(double[])");
    assertThatThrownBy(() -> keras.predict(new double[3])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 1 x 12 = 12 feature values, got 3");
  }

  private static Map<String, Object> with(Map<String, Object> row, String column, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(row);
    m.put(column, value);
    return m;
  }

  private static void writeFirstLines(Path from, Path to, int lines) {
    try {
      java.nio.file.Files.write(to, java.nio.file.Files.readAllLines(from).subList(0, lines));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

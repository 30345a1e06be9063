package dev.lamina.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.layer.BatchNormalization;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import dev.lamina.random.Rng;
import dev.lamina.report.ConfusionMatrix;
import dev.lamina.runspec.PredictSpec;
import dev.lamina.runspec.RunSpec;
import dev.lamina.runspec.ThresholdStrategy;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataException;
import dev.lamina.task.Thresholds;
import dev.lamina.yaml.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs on a small imbalanced CSV: the test report, the threshold chosen on validation rows
 * only, the sample-weight column, normalization layers saved and loaded, the multi-class report.
 */
class ImbalancedRunTest {
  private static final String HEADER = "id,x1,x2,w,y";

  @TempDir
  Path dir;

  /** About 20% positives; the label follows x1 + x2 with noise. */
  private static String csv(int rows, long seed, boolean scramble) {
    Rng rng = new Rng(seed);
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < rows; i++) {
      double x1 = rng.nextGaussian();
      double x2 = rng.nextGaussian();
      int y = x1 + x2 + 0.7 * rng.nextGaussian() > 1.2 ? 1 : 0;
      if (scramble) {
        x1 = -x1 * 3;
        y = 1 - y;
      }
      sb.append(i).append(',').append(x1).append(',').append(x2).append(',').append(1 + (i % 3)).append(',')
          .append(y).append('\n');
    }
    return sb.toString();
  }

  private RunResult run(String name, String data, String extraLayers, String fit, String predict) throws IOException {
    Path spec = dir.resolve(name + ".yaml");
    Files.writeString(spec, """
        name: %s
        seed: 5
        data: {%s}
        layers:
          - dense: {units: 6, activation: relu}
        %s
          - dense: {units: 1, activation: sigmoid}
        compile: {optimizer: {adam: {learning_rate: 0.01}}, loss: binary_crossentropy, metrics: [accuracy]}
        fit: {%s}
        predict: {%s}
        """.formatted(name, data, extraLayers, fit, predict));
    RunSpec rs = SpecReader.read(spec).spec();
    return Runner.run(rs, spec, new RunOptions(dir.resolve("runs").resolve(name), null, null, null, true, false),
        List.of(), s -> { });
  }

  private void writeCsv(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text);
  }

  @Test
  void binaryRunReportsTheConfusionMatrixRatiosAndCurvesOnTheTestRows() throws IOException {
    writeCsv("d.csv", csv(600, 1, false));
    RunResult r = run("report", "csv: d.csv, target: y, drop: [id, w]", "", "epochs: 5, batch_size: 16", "threshold: 0.5");
    Map<String, Object> m = r.metrics();
    ConfusionMatrix cm = ConfusionMatrix.fromMap(m.get(TestReport.CONFUSION_MATRIX));
    assertThat(cm.labels()).containsExactly("0", "1");
    long tn = cm.count(0, 0);
    long fp = cm.count(0, 1);
    long fn = cm.count(1, 0);
    long tp = cm.count(1, 1);
    assertThat(tn + fp + fn + tp).isEqualTo(120);
    assertThat((double) m.get(TestReport.PRECISION)).isEqualTo(tp + fp == 0 ? 0 : (double) tp / (tp + fp));
    assertThat((double) m.get(TestReport.RECALL)).isEqualTo((double) tp / (tp + fn));
    assertThat((double) m.get(TestReport.ROC_AUC)).isBetween(0.8, 1.0);
    assertThat((double) m.get(TestReport.PR_AUC)).isBetween(0.4, 1.0);
    assertThat((double) m.get(TestReport.ACCURACY_AT_THRESHOLD)).isCloseTo((double) m.get("test_accuracy"), within(1e-12));
    for (String f : List.of("roc.png", "pr.png", "confusion_matrix.png", "thresholds.csv", "metrics.json")) {
      assertThat(r.outDir().resolve(f)).isNotEmptyFile();
    }
    assertThat(Files.readAllLines(r.outDir().resolve("thresholds.csv"))).hasSize(100)
        .first().isEqualTo("threshold,precision,recall,f1,flagged");
    assertThat(Files.readString(r.outDir().resolve("metrics.json"))).contains("\"labels\": [\"0\", \"1\"]",
        "\"matrix\": [[" + tn + ", " + fp + "], [" + fn + ", " + tp + "]]");
  }

  @Test
  void theChosenThresholdIgnoresTheTestRows() throws IOException {
    writeCsv("train.csv", csv(600, 2, false));
    writeCsv("test.csv", csv(200, 3, false));
    writeCsv("test-scrambled.csv", csv(200, 3, true));
    String fit = "epochs: 5, batch_size: 16, validation_split: 0.3";
    RunResult honest = run("honest", "csv: train.csv, test_csv: test.csv, test_split: 0, target: y, drop: [id, w]", "", fit,
        "threshold: best_f1");
    RunResult scrambled = run("scrambled", "csv: train.csv, test_csv: test-scrambled.csv, test_split: 0, target: y, drop: [id, w]",
        "", fit, "threshold: best_f1");
    double chosen = (double) honest.metrics().get("threshold");
    assertThat(chosen).isNotEqualTo(PredictSpec.DEFAULT_THRESHOLD).isBetween(0.0, 1.0);
    assertThat((double) scrambled.metrics().get("threshold")).isEqualTo(chosen);
    // The test rows did change what the report says, so the equal thresholds are not an accident.
    assertThat(scrambled.metrics().get(TestReport.F1)).isNotEqualTo(honest.metrics().get(TestReport.F1));
    assertThat(honest.metrics().get("threshold_strategy")).isEqualTo("best_f1");
  }

  @Test
  void theChosenThresholdIsTheBestF1OfTheValidationRowsAndIsSavedForPredict() throws IOException {
    writeCsv("d.csv", csv(600, 4, false));
    RunResult r = run("recall", "csv: d.csv, target: y, drop: [id, w]", "", "epochs: 5, batch_size: 16, validation_split: 0.3",
        "threshold: {recall: 0.9}");
    SavedModel saved = ModelFile.read(r.outDir());
    assertThat(saved.thresholds()).isEqualTo(Thresholds.of((double) r.metrics().get("threshold")));
    assertThat(saved.spec().predict().strategy()).isEqualTo(ThresholdStrategy.recall(0.9));
  }

  @Test
  void aChosenThresholdWithoutAValidationSplitIsRefusedBeforeTraining() throws IOException {
    writeCsv("d.csv", csv(200, 5, false));
    assertThatThrownBy(() -> run("noval", "csv: d.csv, target: y, drop: [id, w]", "", "epochs: 1", "threshold: best_f1"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("chosen on the validation split, never on the test rows")
        .hasMessageContaining("validation_split: 0.2");
  }

  @Test
  void theSampleWeightColumnWeightsTheLossAndIsNotAFeature() throws IOException {
    writeCsv("d.csv", csv(300, 6, false));
    RunResult r = run("weights", "csv: d.csv, target: y, drop: [id], sample_weight: w", "", "epochs: 2, class_weight: balanced",
        "threshold: 0.5");
    assertThat(r.model().inputWidth()).isEqualTo(2);
  }

  @Test
  void aNegativeSampleWeightIsADataErrorNamingRowAndColumn() throws IOException {
    writeCsv("d.csv", HEADER + "\n1,0.5,0.5,1,0\n2,0.1,0.2,-1,1\n3,0.3,0.3,1,0\n4,0.2,0.1,1,1\n5,0.9,0.9,1,0\n");
    assertThatThrownBy(() -> run("neg", "csv: d.csv, target: y, drop: [id], sample_weight: w", "", "epochs: 1", "threshold: 0.5"))
        .isInstanceOf(DataException.class).hasMessageContaining("w").hasMessageContaining("finite number >= 0");
  }

  @Test
  void normalizationLayersAreSavedWithTheirMovingStatisticsAndPredictTheSame() throws IOException {
    writeCsv("d.csv", csv(400, 7, false));
    RunResult r = run("bn", "csv: d.csv, target: y, drop: [id, w]", "  - batch_normalization\n  - layer_normalization",
        "epochs: 3, batch_size: 16", "threshold: 0.5");
    SavedModel saved = ModelFile.read(r.outDir());
    BatchNormalization trained = (BatchNormalization) r.model().layers().get(1);
    BatchNormalization loaded = (BatchNormalization) saved.model().layers().get(1);
    assertThat(loaded.movingMean().value()).containsExactly(trained.movingMean().value());
    assertThat(loaded.movingVariance().value()).containsExactly(trained.movingVariance().value());
    double[][] x = {{0.3, -1.2}, {2.0, 0.5}};
    assertThat(saved.model().predict(x)).isDeepEqualTo(r.model().predict(x));
    assertThat(r.model().summary()).contains("Non-trainable params: 12 ");
  }

  @Test
  void multiClassRunsReportTheConfusionMatrixAndPerClassRatios() throws IOException {
    Rng rng = new Rng(8);
    StringBuilder sb = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < 300; i++) {
      double x1 = rng.nextGaussian();
      double x2 = rng.nextGaussian();
      sb.append(x1).append(',').append(x2).append(',').append(x1 > 0.5 ? 2 : x2 > 0 ? 1 : 0).append('\n');
    }
    writeCsv("m.csv", sb.toString());
    Path spec = dir.resolve("multi.yaml");
    Files.writeString(spec, """
        name: multi
        seed: 3
        data: {csv: m.csv, target: y}
        layers:
          - dense: {units: 8, activation: relu}
          - dense: {units: 3, activation: softmax}
        compile: {optimizer: adam, loss: sparse_categorical_crossentropy, metrics: [accuracy]}
        fit: {epochs: 3}
        """);
    RunResult r = Runner.run(SpecReader.read(spec).spec(), spec, new RunOptions(dir.resolve("runs/multi"), null, null, null,
        true, false), List.of(), s -> { });
    ConfusionMatrix cm = ConfusionMatrix.fromMap(r.metrics().get(TestReport.CONFUSION_MATRIX));
    assertThat(cm.labels()).containsExactly("0", "1", "2");
    long total = 0;
    for (int t = 0; t < 3; t++) {
      for (int p = 0; p < 3; p++) {
        total += cm.count(t, p);
      }
    }
    assertThat(total).isEqualTo(60);
    assertThat(List.copyOf(((Map<?, ?>) r.metrics().get(TestReport.RECALL_PER_CLASS)).keySet())).isEqualTo(List.of("0", "1", "2"));
    assertThat(List.copyOf(((Map<?, ?>) r.metrics().get(TestReport.PRECISION_PER_CLASS)).keySet())).isEqualTo(List.of("0", "1", "2"));
    assertThat(r.outDir().resolve("confusion_matrix.png")).isNotEmptyFile();
    assertThat(r.outDir().resolve("roc.png")).doesNotExist();
  }
}

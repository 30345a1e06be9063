package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.cli.CliFixture.Result;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import dev.lamina.predict.TrainedModels;
import dev.lamina.task.Thresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-label model with a threshold per label, end to end through the command line: the churn
 * multi-label example (labels Exited and IsActiveMember) with
 * {@code predict: {threshold: {Exited: 0.3, IsActiveMember: 0.7}}}. Every 0/1 column of
 * {@code predictions.csv} is its p column compared with that label's threshold, the per-label
 * scores of {@code metrics.json} are those of these 0/1 columns, the model file keeps the
 * thresholds, and {@code predict} uses them unless {@code --threshold} overrides all of them or
 * some by name.
 */
class PerLabelThresholdsTest {
  private static final double EXITED = 0.3;
  private static final double ACTIVE = 0.7;
  private static final String HEADER =
      "row,p_Exited,Exited_predicted,Exited,p_IsActiveMember,IsActiveMember_predicted,IsActiveMember";

  @TempDir
  static Path tmp;
  static Path run;
  static Path rows;

  @BeforeAll
  static void train() throws IOException {
    run = TrainedModels.labelsWithThresholds(tmp, 2, EXITED, ACTIVE);
    List<String> churn = Files.readAllLines(TrainedModels.CHURN_CSV);
    rows = Files.write(tmp.resolve("some.csv"), churn.subList(0, 501));
  }

  /** The rows of a predictions file, as numbers (row, p, decision, truth, p, decision, truth). */
  private static List<double[]> table(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo(HEADER);
    return lines.subList(1, lines.size()).stream()
        .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
  }

  /** Checks that each label's 0/1 column is its p column above {@code exited} and {@code active}. */
  private static void decidedAt(List<double[]> table, double exited, double active) {
    for (double[] r : table) {
      assertThat(r[2]).as("row %s Exited", (long) r[0]).isEqualTo(r[1] > exited ? 1.0 : 0.0);
      assertThat(r[5]).as("row %s IsActiveMember", (long) r[0]).isEqualTo(r[4] > active ? 1.0 : 0.0);
    }
  }

  private static long count(List<double[]> table, int column) {
    return table.stream().filter(r -> r[column] == 1).count();
  }

  @Test
  void predictionsCsvDecidesEachLabelAtItsOwnThreshold() throws IOException {
    List<double[]> test = table(run.resolve("predictions.csv"));
    assertThat(test).hasSize(2000);
    decidedAt(test, EXITED, ACTIVE);
    // The thresholds matter: some rows are decided otherwise than at 0.5, for each label.
    assertThat(test).anyMatch(r -> r[1] > EXITED && r[1] <= 0.5);
    assertThat(test).anyMatch(r -> r[4] > 0.5 && r[4] <= ACTIVE);
  }

  @Test
  void metricsJsonShowsEachLabelsThresholdAndScoresAtIt() throws IOException {
    JsonNode m = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
    assertThat(m.get("thresholds").toString()).isEqualTo("{\"Exited\":0.3,\"IsActiveMember\":0.7}");
    assertThat(m.has("threshold")).isFalse();
    List<double[]> test = table(run.resolve("predictions.csv"));
    String[] labels = {"Exited", "IsActiveMember"};
    for (int j = 0; j < 2; j++) {
      int p = 2 + 3 * j;
      int y = 3 + 3 * j;
      double tp = test.stream().filter(r -> r[p] == 1 && r[y] == 1).count();
      double fp = test.stream().filter(r -> r[p] == 1 && r[y] == 0).count();
      double fn = test.stream().filter(r -> r[p] == 0 && r[y] == 1).count();
      double precision = tp + fp == 0 ? 0 : tp / (tp + fp);
      double recall = tp / (tp + fn);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      assertThat(m.get("test_precision_per_label").get(labels[j]).asDouble()).as(labels[j])
          .isCloseTo(precision, within(1e-12));
      assertThat(m.get("test_recall_per_label").get(labels[j]).asDouble()).as(labels[j]).isCloseTo(recall, within(1e-12));
      assertThat(m.get("test_f1_per_label").get(labels[j]).asDouble()).as(labels[j]).isCloseTo(f1, within(1e-12));
    }
  }

  @Test
  void theModelFileKeepsEveryLabelsThreshold() {
    SavedModel saved = ModelFile.read(run);
    assertThat(saved.thresholds().named()).containsExactly(Map.entry("Exited", EXITED), Map.entry("IsActiveMember", ACTIVE));
    assertThat(saved.spec().predict().thresholds())
        .isEqualTo(Thresholds.of(Map.of("Exited", EXITED, "IsActiveMember", ACTIVE)));
  }

  @Test
  void predictUsesTheSavedThresholdsAndSaysSo() throws IOException {
    Path out = tmp.resolve("saved.csv");
    Result r = CliFixture.run("predict", run.toString(), rows.toString(), "--out", out.toString());
    assertThat(r.err()).isEmpty();
    List<double[]> scored = table(out);
    decidedAt(scored, EXITED, ACTIVE);
    assertThat(r.out()).isEqualTo("scored 500 rows: Exited: " + count(scored, 2) + " of 500 predicted positive at"
        + " threshold 0.3; IsActiveMember: " + count(scored, 5) + " of 500 predicted positive at threshold 0.7 -> "
        + out + System.lineSeparator());
  }

  @Test
  void oneThresholdOnTheCommandLineOverridesEveryLabel() throws IOException {
    Path out = tmp.resolve("all.csv");
    Result r = CliFixture.run("predict", run.toString(), rows.toString(), "--out", out.toString(), "--threshold", "0.45");
    assertThat(r.code()).isZero();
    decidedAt(table(out), 0.45, 0.45);
    assertThat(r.out()).contains("predicted positive at threshold 0.45; IsActiveMember: ")
        .doesNotContain("threshold 0.3", "threshold 0.7");
  }

  @Test
  void namedThresholdsOnTheCommandLineOverrideThoseLabelsOnly() throws IOException {
    Path out = tmp.resolve("some-labels.csv");
    Result r = CliFixture.run("predict", run.toString(), rows.toString(), "--out", out.toString(),
        "--threshold", "Exited=0.6");
    assertThat(r.code()).isZero();
    decidedAt(table(out), 0.6, ACTIVE);
  }

  @Test
  void anUnknownLabelOnTheCommandLineIsAUsageErrorWithTheClosestLabel() {
    Result r = CliFixture.run("predict", run.toString(), rows.toString(), "--out", tmp.resolve("x.csv").toString(),
        "--threshold", "Exitd=0.4");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: --threshold: 'Exitd' is not a label of this model; the labels are Exited,"
        + " IsActiveMember (the target columns, as data.target names them). Did you mean Exited?");
    assertThat(tmp.resolve("x.csv")).doesNotExist();
  }

  @Test
  void aThresholdOutsideZeroToOneOnTheCommandLineIsAUsageError() {
    Result r = CliFixture.run("predict", run.toString(), rows.toString(), "--threshold", "Exited=1.5");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--threshold", "a threshold must be in (0, 1), got 1.5");
  }
}

package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.cli.CliFixture.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each task end to end through the command line: train an example of examples/, read its run
 * folder, then score the data again with {@code predict} on the saved model.
 */
class TaskEndToEndTest {
  @TempDir
  Path tmp;

  private Path train(String example, String... extra) {
    return trainSpec(example + "/model.yaml", extra);
  }

  private Path trainSpec(String spec, String... extra) {
    Path out = tmp.resolve(spec.replace('/', '-'));
    String[] args = new String[4 + extra.length];
    args[0] = CliFixture.root().resolve("examples/" + spec).toString();
    args[1] = "--out";
    args[2] = out.toString();
    args[3] = "--quiet";
    System.arraycopy(extra, 0, args, 4, extra.length);
    Result r = CliFixture.run(args);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    return out;
  }

  private static String header(Path csv) throws IOException {
    return Files.readAllLines(csv).get(0);
  }

  @Test
  void aRegressionReportsErrorsAndNeverAClassAProbabilityOrAThreshold() throws IOException {
    Path run = train("diabetes", "--epochs", "30");
    String metrics = Files.readString(run.resolve("metrics.json"));
    assertThat(metrics).contains("\"task\": \"regression\"", "\"test_mae\"", "\"test_rmse\"", "\"test_r2\"");
    assertThat(header(run.resolve("predictions.csv"))).isEqualTo("row,progression_predicted,progression");
    // The example's early stopping says what it did.
    assertThat(metrics).contains("\"early_stopping\": {", "\"monitor\": \"val_mae\"", "\"best_epoch\": ",
        "\"restored_best_weights\": true");
    assertThat(run.resolve("predicted_vs_actual.png")).isNotEmptyFile();
    assertThat(run.resolve("residuals.png")).isNotEmptyFile();
    assertThat(run.resolve("roc.png")).doesNotExist();
    Path scored = tmp.resolve("scored.csv");
    Result p = CliFixture.run("predict", run.toString(), CliFixture.root().resolve("examples/diabetes/diabetes.csv").toString(),
        "--out", scored.toString());
    assertThat(p.code()).isZero();
    assertThat(p.out()).startsWith("scored 442 rows (MAE ").contains(", RMSE ", ", R2 ", "against the file's progression");
    assertThat(header(scored)).isEqualTo("row,progression_predicted,progression");
    for (String text : List.of(metrics, p.out(), header(scored), Files.readString(run.resolve("history.csv")))) {
      String lower = text.toLowerCase(Locale.ROOT);
      assertThat(lower).doesNotContain("probabilit", "class", "threshold", "positive");
    }
    Result t = CliFixture.run("predict", run.toString(), CliFixture.root().resolve("examples/diabetes/diabetes.csv")
        .toString(), "--out", scored.toString(), "--threshold", "0.3");
    assertThat(t.code()).isEqualTo(2);
    assertThat(t.err()).startsWith("error: --threshold: this model is a regression of 'progression' and has no"
        + " threshold; remove --threshold");
  }

  @Test
  void aNamedMultiClassModelShowsItsClassNames() throws IOException {
    Path run = train("iris", "--epochs", "40");
    assertThat(Files.readString(run.resolve("metrics.json"))).contains("\"task\": \"multi_class\"");
    List<String> rows = Files.readAllLines(run.resolve("predictions.csv"));
    assertThat(rows.get(0)).isEqualTo("row,p_setosa,p_versicolor,p_virginica,predicted_class,true_label");
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      assertThat(List.of("setosa", "versicolor", "virginica")).contains(f[4], f[5]);
    }
    Path scored = tmp.resolve("iris-scored.csv");
    Result p = CliFixture.run("predict", run.toString(), CliFixture.root().resolve("examples/iris/iris.csv").toString(),
        "--out", scored.toString());
    assertThat(p.out()).matches("scored 150 rows: \\d+ setosa, \\d+ versicolor, \\d+ virginica -> .*\\R");
    Result t = CliFixture.run("predict", run.toString(), CliFixture.root().resolve("examples/iris/iris.csv").toString(),
        "--out", scored.toString(), "--threshold", "0.3");
    assertThat(t.code()).isEqualTo(2);
    assertThat(t.err()).startsWith("error: --threshold: this model is a 3-class classifier of 'species', which"
        + " predicts the most probable class and has no threshold; remove --threshold");
  }

  @Test
  void aMultiOutputRegressionHasOneOutputPerTargetAndScoresEachTarget() throws IOException {
    Path run = train("linnerud", "--epochs", "20");
    String metrics = Files.readString(run.resolve("metrics.json"));
    assertThat(metrics).contains("\"task\": \"regression\"", "\"test_mae\"", "\"test_r2\"",
        "\"test_mae_per_target\": {", "\"test_rmse_per_target\": {", "\"test_r2_per_target\": {", "\"Weight\": ",
        "\"Waist\": ", "\"Pulse\": ");
    List<String> rows = Files.readAllLines(run.resolve("predictions.csv"));
    assertThat(rows.get(0)).isEqualTo("row,Weight_predicted,Weight,Waist_predicted,Waist,Pulse_predicted,Pulse");
    assertThat(rows).hasSize(1 + 5); // test_split 0.25 of 20 rows
    Path scored = tmp.resolve("linnerud-scored.csv");
    Result p = CliFixture.run("predict", run.toString(),
        CliFixture.root().resolve("examples/linnerud/linnerud.csv").toString(), "--out", scored.toString());
    assertThat(p.code()).isZero();
    assertThat(p.out()).matches("scored 20 rows \\(MAE [0-9.]+, RMSE [0-9.]+, R2 -?[0-9.]+ against the file's Weight,"
        + " Waist, Pulse, averaged; Weight: MAE [0-9.]+, RMSE [0-9.]+, R2 -?[0-9.]+; Waist: MAE .*; Pulse: MAE .*\\)"
        + " -> .*\\R");
    assertThat(header(scored)).isEqualTo(rows.get(0));
    for (String text : List.of(metrics, p.out(), header(scored))) {
      assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("probabilit", "class", "threshold", "positive");
    }
  }

  @Test
  void aSavedMultiOutputModelScoresAFileWithoutItsTargets() throws IOException {
    Path run = train("linnerud", "--epochs", "5");
    Path inputs = tmp.resolve("exercises.csv");
    Files.writeString(inputs, "Jumps,Situps,Chins\n60,162,5\n101,101,12\n");
    Path scored = tmp.resolve("exercises-scored.csv");
    Result p = CliFixture.run("predict", run.toString(), inputs.toString(), "--out", scored.toString());
    assertThat(p.code()).isZero();
    assertThat(p.out()).startsWith("scored 2 rows -> ");
    List<String> rows = Files.readAllLines(scored);
    assertThat(rows.get(0)).isEqualTo("row,Weight_predicted,Waist_predicted,Pulse_predicted");
    assertThat(rows.get(1).split(",")).hasSize(4);
  }

  @Test
  void aMultiLabelModelScoresEachLabelAtItsThresholdAndTheirMacroAverage() throws IOException {
    Path run = trainSpec("churn/multi-label.yaml", "--epochs", "2");
    String metrics = Files.readString(run.resolve("metrics.json"));
    assertThat(metrics).contains("\"task\": \"multi_label\"", "\"thresholds\": {\n    \"Exited\": 0.35,\n"
        + "    \"IsActiveMember\": 0.5\n  }", "\"test_f1_macro\": ",
        "\"test_roc_auc_macro\": ", "\"test_precision_macro\": ", "\"test_recall_macro\": ");
    for (String score : List.of("precision", "recall", "f1", "roc_auc")) {
      assertThat(metrics).contains("\"test_" + score + "_per_label\": {\n    \"Exited\": ");
    }
    List<String> rows = Files.readAllLines(run.resolve("predictions.csv"));
    assertThat(rows.get(0)).isEqualTo(
        "row,p_Exited,Exited_predicted,Exited,p_IsActiveMember,IsActiveMember_predicted,IsActiveMember");
    assertThat(rows).hasSize(1 + 2000);
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      // The example decides Exited at its own 0.35 and IsActiveMember at the default 0.5.
      assertThat(f[2]).isEqualTo(Double.parseDouble(f[1]) > 0.35 ? "1" : "0");
      assertThat(f[5]).isEqualTo(Double.parseDouble(f[4]) > 0.5 ? "1" : "0");
    }
    Path scored = tmp.resolve("labels-scored.csv");
    Result p = CliFixture.run("predict", run.toString(), CliFixture.root().resolve("data/churn.csv").toString(),
        "--out", scored.toString());
    assertThat(p.code()).isZero();
    assertThat(p.out()).matches("scored 10000 rows: Exited: \\d+ of 10000 predicted positive at threshold 0.35;"
        + " IsActiveMember: \\d+ of 10000 predicted positive at threshold 0.5 -> .*\\R");
    assertThat(header(scored)).isEqualTo(rows.get(0));
  }
}

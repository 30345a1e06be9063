package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring raw rows with a saved run gives exactly what the training run gave. */
class PredictCommandTest {
  @TempDir
  static Path run;

  @BeforeAll
  static void train() {
    CliFixture.Result r = CliFixture.run(CliFixture.root().resolve("examples/churn/model.yaml").toString(),
        "--out", run.toString(), "--epochs", "3", "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void predictOnTheTrainingFileReproducesTheRunsTestPredictionsExactly(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("scored.csv");
    CliFixture.Result r = CliFixture.run("predict", run.toString(), CliFixture.root().resolve("data/churn.csv").toString(),
        "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("scored 10000 rows");
    java.util.Map<String, String> scored = new java.util.HashMap<>();
    for (String line : Files.readAllLines(out).subList(1, 10001)) {
      scored.put(line.substring(0, line.indexOf(',')), line);
    }
    List<String> test = Files.readAllLines(run.resolve("predictions.csv"));
    for (String line : test.subList(1, test.size())) {
      assertThat(scored.get(line.substring(0, line.indexOf(',')))).isEqualTo(line);
    }
  }

  @Test
  void theTargetColumnMayBeAbsent(@TempDir Path tmp) throws IOException {
    Path csv = tmp.resolve("new.csv");
    List<String> lines = Files.readAllLines(CliFixture.root().resolve("data/churn.csv")).subList(0, 6);
    Files.write(csv, lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
    CliFixture.Result r = CliFixture.run("predict", run.resolve("model.lamina").toString(), csv.toString(),
        "--out", tmp.resolve("p.csv").toString(), "--threshold", "0.3");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> p = Files.readAllLines(tmp.resolve("p.csv"));
    assertThat(p.get(0)).isEqualTo("row,p_1,predicted_class");
    assertThat(p).hasSize(6);
  }

  @Test
  void rowsWhoseOptionalTargetIsUnusableAreScoredAndCountedNotRefused(@TempDir Path tmp) throws IOException {
    List<String> lines = Files.readAllLines(CliFixture.root().resolve("data/churn.csv")).subList(0, 6);
    Path clean = tmp.resolve("clean.csv");
    Files.write(clean, lines);
    Path odd = tmp.resolve("odd.csv");
    String[] labels = {"?", "1", "", "left", "0"};
    List<String> changed = new java.util.ArrayList<>(List.of(lines.get(0)));
    for (int i = 1; i < 6; i++) {
      changed.add(lines.get(i).substring(0, lines.get(i).lastIndexOf(',') + 1) + labels[i - 1]);
    }
    Files.write(odd, changed);
    CliFixture.Result base = CliFixture.run("predict", run.toString(), clean.toString(), "--out",
        tmp.resolve("clean-p.csv").toString());
    CliFixture.Result r = CliFixture.run("predict", run.toString(), odd.toString(), "--out",
        tmp.resolve("odd-p.csv").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    String counts = base.out().substring(0, base.out().indexOf(" -> "));
    assertThat(r.out()).isEqualTo(counts + "; 3 rows have no usable value in Exited (missing, or not a class the"
        + " model knows; first at row 1): scored all the same, with an empty true value -> " + tmp.resolve("odd-p.csv")
        + "\n");
    List<String> expected = Files.readAllLines(tmp.resolve("clean-p.csv"));
    List<String> got = Files.readAllLines(tmp.resolve("odd-p.csv"));
    for (int i = 1; i < 6; i++) {
      String scores = expected.get(i).substring(0, expected.get(i).lastIndexOf(',') + 1);
      String truth = labels[i - 1].equals("0") || labels[i - 1].equals("1") ? labels[i - 1] : "";
      assertThat(got.get(i)).isEqualTo(scores + truth);
    }
  }

  @Test
  void aRegressionIsScoredAgainstTheRowsWhoseTrueValueIsKnown(@TempDir Path tmp) throws IOException {
    Path diabetes = CliFixture.root().resolve("examples/diabetes");
    CliFixture.Result trained = CliFixture.run(diabetes.resolve("model.yaml").toString(), "--out",
        tmp.resolve("run").toString(), "--epochs", "3", "--quiet");
    assertThat(trained.code()).as(trained.err()).isZero();
    List<String> lines = Files.readAllLines(diabetes.resolve("diabetes.csv"));
    List<String> odd = new java.util.ArrayList<>(List.of(lines.get(0)));
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      odd.add(i % 5 == 0 ? line.substring(0, line.lastIndexOf(',') + 1) + "?" : line);
    }
    Files.write(tmp.resolve("odd.csv"), odd);
    CliFixture.Result r = CliFixture.run("predict", tmp.resolve("run").toString(), tmp.resolve("odd.csv").toString(),
        "--out", tmp.resolve("p.csv").toString());
    assertThat(r.code()).as(r.err()).isZero();
    // The MAE of the rows that have a true value, computed here from the written predictions.
    double sum = 0;
    int n = 0;
    for (String line : Files.readAllLines(tmp.resolve("p.csv")).subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      if (!c[2].isEmpty()) {
        sum += Math.abs(Double.parseDouble(c[1]) - Double.parseDouble(c[2]));
        n++;
      }
    }
    assertThat(n).isEqualTo(lines.size() - 1 - (lines.size() - 1) / 5);
    assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "MAE %.4f", sum / n))
        .contains("; " + (lines.size() - 1) / 5 + " rows have no usable value in progression (missing, or not a number"
            + " the model knows; first at row 5): scored all the same, with an empty true value, and left out of the"
            + " MAE, RMSE and R2 -> ");
  }

  @Test
  void anUnseenCategoryNamesRowColumnAndTheKnownLevels(@TempDir Path tmp) throws IOException {
    Path csv = tmp.resolve("new.csv");
    List<String> lines = Files.readAllLines(CliFixture.root().resolve("data/churn.csv")).subList(0, 3);
    Files.write(csv, List.of(lines.get(0), lines.get(1), lines.get(2).replace("France", "Italy").replace("Germany", "Italy")
        .replace("Spain", "Italy")));
    CliFixture.Result r = CliFixture.run("predict", run.toString(), csv.toString(), "--out", tmp.resolve("p.csv").toString());
    assertThat(r.code()).isEqualTo(ExitCode.DATA);
    assertThat(r.err()).contains("row 2").contains("Geography").contains("Italy").contains("France");
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(tmp.resolve("p.csv")).doesNotExist();
  }

  @Test
  void aCorruptModelFileIsReportedAsCorruptWithExitCodeThree(@TempDir Path tmp) throws IOException {
    Path model = tmp.resolve("model.lamina");
    byte[] b = Files.readAllBytes(run.resolve("model.lamina"));
    b[b.length / 2] ^= 0x20;
    Files.write(model, b);
    CliFixture.Result r = CliFixture.run("predict", model.toString(), CliFixture.root().resolve("data/churn.csv").toString());
    assertThat(r.code()).isEqualTo(ExitCode.DATA);
    assertThat(r.err()).contains("model file " + model + " is corrupt (checksum mismatch)");
  }

  @Test
  void aTruncatedModelFileIsReportedAsCorrupt(@TempDir Path tmp) throws IOException {
    Path model = tmp.resolve("model.lamina");
    byte[] b = Files.readAllBytes(run.resolve("model.lamina"));
    Files.write(model, java.util.Arrays.copyOf(b, b.length / 3));
    CliFixture.Result r = CliFixture.run("predict", model.toString(), CliFixture.root().resolve("data/churn.csv").toString());
    assertThat(r.code()).isEqualTo(ExitCode.DATA);
    assertThat(r.err()).contains("is corrupt");
  }
}

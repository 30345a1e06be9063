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
    assertThat(p.get(0)).isEqualTo("row,probability,predicted_class");
    assertThat(p).hasSize(6);
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

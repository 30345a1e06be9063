package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.persist.ModelFile;
import dev.lamina.predict.TrainedModels;
import dev.lamina.run.CsvScorer;
import dev.lamina.run.RunOptions;
import dev.lamina.run.Runner;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Regression;
import dev.lamina.task.Thresholds;
import dev.lamina.yaml.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch scoring on Spark (local[2]) gives the rows, row numbers and numbers of {@code builder.jar predict}. */
@Tag("spark")
class SparkPredictTest {
  @TempDir
  static Path dir;
  private static JavaSparkContext sc;
  private static Path model;

  @BeforeAll
  static void trainAModel() throws Exception {
    Path spec = TestSpark.writeSpec(dir, TestSpark.GRID, 2);
    Runner.run(SpecReader.read(spec).spec(), spec, new RunOptions(dir.resolve("run"), null, null, null, true, false),
        List.of(), s -> { });
    model = dir.resolve("run").resolve("model.lamina");
    sc = TestSpark.context("local[2]", "SparkPredictTest");
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.close();
    }
  }

  private static List<String> localPredictions(Path csv) throws Exception {
    Path out = dir.resolve("local-" + csv.getFileName());
    CsvScorer.predict(ModelFile.read(model), csv, out, Thresholds.of(0.5));
    return Files.readAllLines(out);
  }

  /** Every part's header once, then the data rows of the parts in order. */
  private static List<String> joinedParts(Path outDir) throws Exception {
    List<String> all = new ArrayList<>();
    try (Stream<Path> parts = Files.list(outDir)) {
      for (Path p : parts.sorted().toList()) {
        List<String> lines = Files.readAllLines(p);
        if (all.isEmpty()) {
          all.add(lines.get(0));
        }
        assertThat(lines.get(0)).as(p + " header").isEqualTo(all.get(0));
        all.addAll(lines.subList(1, lines.size()));
      }
    }
    return all;
  }

  @Test
  void thePartsHoldExactlyTheLinesOfTheLocalPredictions() throws Exception {
    Path out = dir.resolve("churn-parts");
    SparkPredict.Summary s = SparkPredict.score(sc, model, TestSpark.CHURN, out, null, 3);
    assertThat(s.rows()).isEqualTo(10_000);
    assertThat(joinedParts(out)).isEqualTo(localPredictions(TestSpark.CHURN));
  }

  @Test
  void onePartIsWrittenPerInputPartition() throws Exception {
    Path out = dir.resolve("four-parts");
    SparkPredict.Summary s = SparkPredict.score(sc, model, TestSpark.CHURN, out, null, 4);
    try (Stream<Path> parts = Files.list(out)) {
      assertThat(parts.map(p -> p.getFileName().toString()).sorted().toList())
          .hasSize(s.parts()).allMatch(n -> n.matches("part-\\d{5}\\.csv"));
    }
    assertThat(s.parts()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void blankLinesAndAMissingTargetColumnNumberRowsAsTheLocalPredictorDoes() throws Exception {
    List<String> lines = Files.readAllLines(TestSpark.CHURN);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int target = header.indexOf("Exited");
    List<String> edited = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      List<String> cells = new ArrayList<>(List.of(lines.get(i).split(",", -1)));
      cells.remove(target);
      edited.add(String.join(",", cells));
      if (i % 97 == 5) {
        edited.add("");
      }
    }
    Path csv = dir.resolve("no-target-with-blanks.csv");
    Files.write(csv, edited);
    Path out = dir.resolve("blank-parts");
    SparkPredict.score(sc, model, csv, out, null, 3);
    assertThat(joinedParts(out)).isEqualTo(localPredictions(csv));
  }

  @Test
  void aMultiLabelModelsPartsDecideEachLabelAtItsOwnThresholdAsTheLocalPredictorDoes() throws Exception {
    Path labels = TrainedModels.labelsWithThresholds(dir.resolve("labels"), 1, 0.3, 0.7);
    Path out = dir.resolve("labels-parts");
    SparkPredict.Summary s = SparkPredict.score(sc, labels, TestSpark.CHURN, out, null, 3);
    assertThat(s.task()).isEqualTo(new MultiLabel(List.of("Exited", "IsActiveMember")));
    Path local = dir.resolve("labels-local.csv");
    CsvScorer.predict(ModelFile.read(labels), TestSpark.CHURN, local, ModelFile.read(labels).thresholds());
    List<String> parts = joinedParts(out);
    assertThat(parts).isEqualTo(Files.readAllLines(local));
    assertThat(parts.get(0))
        .isEqualTo("row,p_Exited,Exited_predicted,Exited,p_IsActiveMember,IsActiveMember_predicted,IsActiveMember");

    Path exited = dir.resolve("labels-exited");
    SparkPredict.score(sc, labels, TestSpark.CHURN, exited, Thresholds.parse("Exited=0.6"), 2);
    for (String row : joinedParts(exited).subList(1, 10_001)) {
      String[] f = row.split(",");
      assertThat(f[2]).as(row).isEqualTo(Double.parseDouble(f[1]) > 0.6 ? "1" : "0");
      assertThat(f[5]).as(row).isEqualTo(Double.parseDouble(f[4]) > 0.7 ? "1" : "0");
    }
  }

  @Test
  void aRegressionsPartsHoldItsValuesAsTheLocalPredictorDoes() throws Exception {
    Path diabetes = TrainedModels.diabetes(dir, 2);
    Path out = dir.resolve("diabetes-parts");
    SparkPredict.Summary s = SparkPredict.score(sc, diabetes, TrainedModels.DIABETES_CSV, out, null, 2);
    assertThat(s.task()).isEqualTo(new Regression(List.of("progression")));
    assertThat(s.positives()).isZero();
    Path local = dir.resolve("diabetes-local.csv");
    CsvScorer.predict(ModelFile.read(diabetes), TrainedModels.DIABETES_CSV, local, Thresholds.DEFAULT);
    assertThat(joinedParts(out)).isEqualTo(Files.readAllLines(local)).first()
        .isEqualTo("row,progression_predicted,progression");
  }
}

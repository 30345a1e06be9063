package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.cli.Main;
import dev.lamina.persist.ModelFile;
import dev.lamina.predict.TrainedModels;
import dev.lamina.run.CsvScorer;
import dev.lamina.run.PredictSummary;
import dev.lamina.run.RunOptions;
import dev.lamina.run.Runner;
import dev.lamina.table.ExampleTables;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Regression;
import dev.lamina.task.Thresholds;
import dev.lamina.yaml.SpecReader;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    return localPredictions(model, csv);
  }

  private static List<String> localPredictions(Path modelFile, Path csv) throws Exception {
    Path out = dir.resolve("local-" + modelFile.getParent().getFileName() + "-" + csv.getFileName());
    CsvScorer.predict(ModelFile.read(modelFile), csv, out, Thresholds.of(0.5));
    return Files.readAllLines(out);
  }

  /** Trains an example spec of the repository for a few epochs; returns its model.lamina. */
  private static Path trainExample(String spec, String name) {
    Path out = dir.resolve(name);
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {Path.of("../examples", spec).toString(), "--epochs", "5", "--quiet", "--out",
        out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return out.resolve("model.lamina");
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

  /** An example trained for a few epochs, scored on Spark: the joined parts must be predict's file, line for line. */
  private record Scored(SparkPredict.Summary summary, List<String> lines) {}

  private static Scored scoreExample(String spec, Path csv, int partitions) throws Exception {
    String name = Path.of(spec).getParent().toString();
    Path trained = trainExample(spec, name);
    Path out = dir.resolve(name + "-parts");
    SparkPredict.Summary s = SparkPredict.score(sc, trained, csv, out, null, partitions);
    List<String> joined = joinedParts(out);
    assertThat(joined).isEqualTo(localPredictions(trained, csv));
    PredictSummary local = CsvScorer.predict(ModelFile.read(trained), csv, dir.resolve(name + "-local.csv"),
        Thresholds.of(0.5));
    assertThat(s.rows()).isEqualTo(local.rows());
    assertThat(s.scored().counts()).containsExactly(local.counts());
    return new Scored(s, joined);
  }

  @Test
  void aNamedMultiClassModelWritesTheClassNamesAsPredictDoes() throws Exception {
    Scored iris = scoreExample("iris/model.yaml", ExampleTables.IRIS, 3);
    assertThat(iris.lines().get(0)).isEqualTo("row,p_setosa,p_versicolor,p_virginica,predicted_class,true_label");
    assertThat(iris.lines().subList(1, iris.lines().size()))
        .allMatch(l -> l.matches(".*,(setosa|versicolor|virginica),(setosa|versicolor|virginica)"));
    assertThat(iris.summary().scored().describe()).startsWith("scored 150 rows: ").contains(" setosa, ").contains(" virginica");
  }

  @Test
  void aMultiOutputRegressionWritesOnePredictionAndTrueValuePerTargetAsPredictDoes() throws Exception {
    Scored linnerud = scoreExample("linnerud/model.yaml", ExampleTables.LINNERUD, 2);
    assertThat(linnerud.lines().get(0)).isEqualTo("row,Weight_predicted,Weight,Waist_predicted,Waist,Pulse_predicted,Pulse");
    // Rows only: the MAE, RMSE and R2 that predict adds are not summed over partitions.
    assertThat(linnerud.summary().scored().describe()).isEqualTo("scored 20 rows");
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

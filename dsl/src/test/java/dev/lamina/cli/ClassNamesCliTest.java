package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.cli.CliFixture.Result;
import dev.lamina.report.ConfusionMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named multi-class run through the command line (examples/iris, the species as text) shows
 * its class names in the confusion matrix (console table, {@code metrics.json},
 * {@code confusion_matrix.png}) and in the per-class scores; the counts agree with the run's own
 * {@code predictions.csv}, counted here independently.
 */
class ClassNamesCliTest {
  private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

  @TempDir
  static Path tmp;

  private static Path run;
  private static Result trained;
  private static Map<?, ?> metrics;

  @BeforeAll
  static void trainIris() throws IOException {
    run = tmp.resolve("iris");
    trained = CliFixture.run(CliFixture.root().resolve("examples/iris/model.yaml").toString(), "--out", run.toString(),
        "--epochs", "20", "--quiet");
    assertThat(trained.err()).isEmpty();
    assertThat(trained.code()).isZero();
    metrics = new ObjectMapper().readValue(run.resolve("metrics.json").toFile(), Map.class);
  }

  /** counts[t][p] of the rows of predictions.csv whose true label is SPECIES[t] and prediction SPECIES[p]. */
  private static long[][] countedFromPredictions() throws IOException {
    long[][] counts = new long[3][3];
    List<String> rows = Files.readAllLines(run.resolve("predictions.csv"));
    assertThat(rows.get(0)).endsWith(",predicted_class,true_label");
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      counts[SPECIES.indexOf(f[f.length - 1])][SPECIES.indexOf(f[f.length - 2])]++;
    }
    return counts;
  }

  @Test
  void metricsJsonHoldsTheConfusionMatrixLabelledWithTheClassNames() throws IOException {
    ConfusionMatrix cm = ConfusionMatrix.fromMap(metrics.get("test_confusion_matrix"));
    assertThat(cm.target()).isEqualTo("species");
    assertThat(cm.labels()).isEqualTo(SPECIES);
    assertThat(cm.counts()).isDeepEqualTo(countedFromPredictions());
  }

  @Test
  void theConsolePrintsTheMatrixAsATableAboveTheResultLine() throws IOException {
    long[][] c = countedFromPredictions();
    StringBuilder expected = new StringBuilder("confusion matrix of species (rows: true class, columns: predicted):\n")
        .append("            setosa  versicolor  virginica\n");
    for (int t = 0; t < 3; t++) {
      expected.append(String.format("%-10s%8d%12d%11d%n", SPECIES.get(t), c[t][0], c[t][1], c[t][2]));
    }
    assertThat(trained.out()).startsWith(expected.toString());
    String last = trained.out().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).startsWith("test_loss: ").doesNotContain("test_confusion_matrix");
  }

  @Test
  void perClassScoresAreKeyedByClassNameInTheFileAndOnTheConsole() {
    for (String key : List.of("test_precision_per_class", "test_recall_per_class", "test_f1_per_class")) {
      assertThat(List.copyOf(((Map<?, ?>) metrics.get(key)).keySet())).as(key).isEqualTo(SPECIES);
      assertThat(trained.out()).contains(key + ": {setosa: ");
    }
    assertThat(trained.out()).doesNotContain("[D@", "[J@", "[I@");
  }

  @Test
  void thePerClassRecallIsTheDiagonalOverTheRowSums() throws IOException {
    long[][] c = countedFromPredictions();
    Map<?, ?> recall = (Map<?, ?>) metrics.get("test_recall_per_class");
    for (int t = 0; t < 3; t++) {
      double expected = (double) c[t][t] / (c[t][0] + c[t][1] + c[t][2]);
      assertThat(((Number) recall.get(SPECIES.get(t))).doubleValue()).isEqualTo(expected);
    }
  }

  @Test
  void theRunFolderHasTheConfusionMatrixPlot() throws IOException {
    byte[] png = Files.readAllBytes(run.resolve("confusion_matrix.png"));
    assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(javax.imageio.ImageIO.read(run.resolve("confusion_matrix.png").toFile()).getWidth()).isEqualTo(800);
  }

  /** The iris example with {@code class_weight} set to {@code weights}, written beside the run. */
  private static Path irisWithClassWeight(String name, String weights) throws IOException {
    Path example = CliFixture.root().resolve("examples/iris");
    String spec = Files.readString(example.resolve("model.yaml"))
        .replace("csv: iris.csv", "csv: " + example.resolve("iris.csv").toAbsolutePath())
        .replace("  batch_size: 16\n", "  batch_size: 16\n  class_weight: " + weights + "\n");
    assertThat(spec).contains("class_weight: " + weights);
    return Files.writeString(tmp.resolve(name), spec);
  }

  @Test
  void inspectDuringTrainingWeighsClassesByName() throws IOException {
    Path spec = irisWithClassWeight("weighted.yaml", "{virginica: 2.0}");
    Result r = CliFixture.run("inspect", spec.toString(), "--during-training", "--epochs", "1", "--json");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void aClassNameTheTargetLacksIsOneLineAtItsLineAndColumn() throws IOException {
    Path spec = irisWithClassWeight("misspelt.yaml", "{virginca: 2.0}");
    Result r = CliFixture.run(spec.toString(), "--out", tmp.resolve("misspelt").toString(), "--quiet");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).isEqualTo("error: " + spec + ":20:28: fit.class_weight.virginca: class_weight names the class"
        + " 'virginca', but the target 'species' has the classes setosa, versicolor, virginica; name only those, as the"
        + " target column writes them (a weight for another class would be ignored). Did you mean virginica?"
        + System.lineSeparator());
  }
}

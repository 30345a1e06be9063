package dev.lamina.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.run.CsvScorer;
import dev.lamina.run.RunTask;
import dev.lamina.task.Binary;
import dev.lamina.task.MultiClass;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Regression;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models saved before the task type (resources {@code before-tasks/}, made by the builder of
 * commit d6f9cd8, see its README) still load, get the task their loss and target imply, and
 * predict the same numbers as that version did; and a multi-label model saved before per-label
 * thresholds ({@code before-per-label-thresholds/}, commit d5f8fbe) decides every label at its one
 * saved threshold, as that version did.
 */
class OldModelFileTest {
  /** Outputs may differ from the old build's only by the order of a sum in a kernel. */
  private static final double TOLERANCE = 1e-12;

  @TempDir
  Path tmp;

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("churn", "data/churn.csv", new Binary("Exited", List.of("0", "1")), 200),
        Arguments.of("diabetes", "examples/diabetes/diabetes.csv", new Regression(List.of("progression")), 442),
        Arguments.of("iris", "examples/iris/iris.csv",
            new MultiClass("species", List.of("setosa", "versicolor", "virginica")), 150));
  }

  private static Path root() {
    String p = System.getProperty("lamina.root");
    return p != null ? Path.of(p) : Path.of("..").toAbsolutePath().normalize();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = OldModelFileTest.class.getResourceAsStream(name.contains("/") ? name : "before-tasks/" + name)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void anOldModelLoadsWithItsTaskAndPredictsTheSameNumbers(String name, String data, Task task, int rows)
      throws IOException {
    Path model = Files.write(tmp.resolve(name + ".lamina"), resource(name + ".lamina"));
    List<String> lines = Files.readAllLines(root().resolve(data));
    Path csv = Files.write(tmp.resolve(name + ".csv"), lines.subList(0, rows + 1));
    SavedModel saved = ModelFile.read(model);
    assertThat(RunTask.of(saved)).isEqualTo(task);

    Path out = tmp.resolve(name + ".predictions.csv");
    CsvScorer.predict(saved, csv, out, saved.thresholds());
    List<double[]> now = outputs(Files.readAllLines(out), task.outputs());
    List<double[]> before = outputs(List.of(new String(resource(name + ".predictions.csv"), StandardCharsets.UTF_8)
        .split("\n")), task.outputs());
    assertThat(now).hasSize(rows).hasSameSizeAs(before);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < task.outputs(); j++) {
        assertThat(now.get(i)[j]).as("row %d output %d", i + 1, j)
            .isCloseTo(before.get(i)[j], within(TOLERANCE * Math.max(1, Math.abs(before.get(i)[j]))));
      }
    }
  }

  @Test
  void aMultiLabelModelSavedWithOneThresholdDecidesEveryLabelAtItAndPredictsTheSame() throws IOException {
    String dir = "before-per-label-thresholds/";
    Path model = Files.write(tmp.resolve("labels.lamina"), resource(dir + "labels.lamina"));
    List<String> lines = Files.readAllLines(root().resolve("data/churn.csv"));
    Path csv = Files.write(tmp.resolve("labels.csv"), lines.subList(0, 201));
    SavedModel saved = ModelFile.read(model);
    assertThat(RunTask.of(saved)).isEqualTo(new MultiLabel(List.of("Exited", "IsActiveMember")));
    assertThat(saved.thresholds()).isEqualTo(Thresholds.of(0.4));
    assertThat(saved.thresholds().forOutputs(RunTask.of(saved))).containsExactly(0.4, 0.4);

    Path out = tmp.resolve("labels.predictions.csv");
    CsvScorer.predict(saved, csv, out, saved.thresholds());
    List<String> now = Files.readAllLines(out);
    List<String> before = List.of(new String(resource(dir + "labels.predictions.csv"), StandardCharsets.UTF_8).split("\n"));
    assertThat(now).hasSize(201).hasSameSizeAs(before);
    assertThat(now.get(0)).isEqualTo(before.get(0));
    for (int i = 1; i < now.size(); i++) {
      String[] a = now.get(i).split(",");
      String[] b = before.get(i).split(",");
      for (int c : new int[] {1, 4}) {
        assertThat(Double.parseDouble(a[c])).as("row %d column %d", i, c)
            .isCloseTo(Double.parseDouble(b[c]), within(TOLERANCE));
        // The 0/1 decision is the probability above the one saved threshold, as before.
        assertThat(a[c + 1]).as("row %d column %d", i, c + 1).isEqualTo(b[c + 1])
            .isEqualTo(Double.parseDouble(a[c]) > 0.4 ? "1" : "0");
      }
    }
  }

  /** The model outputs of each row: the {@code outputs} columns after {@code row}, in either layout. */
  private static List<double[]> outputs(List<String> lines, int outputs) {
    List<double[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",");
      double[] v = new double[outputs];
      for (int j = 0; j < outputs; j++) {
        v[j] = Double.parseDouble(f[1 + j]);
      }
      rows.add(v);
    }
    return rows;
  }
}

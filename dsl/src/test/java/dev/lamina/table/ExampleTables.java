package dev.lamina.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The example data sets of {@code examples/}, and variants of them the tests write. */
public final class ExampleTables {
  private ExampleTables() {}

  /** The bundled synthetic churn data of the article's example. */
  public static final Path CHURN = Path.of("../data/churn.csv").toAbsolutePath().normalize();

  /** Fisher's iris: four measurements and the species as text. */
  public static final Path IRIS = Path.of("../examples/iris/iris.csv").toAbsolutePath().normalize();

  /**
   * Iris with a sample-weight column {@code w}: every third row weighs 0.2, the others 3, so a
   * weighted loss differs from the unweighted one from the first batch.
   */
  public static Path weightedIris(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(IRIS);
    List<String> weighted = new ArrayList<>(List.of(lines.get(0) + ",w"));
    for (int i = 1; i < lines.size(); i++) {
      weighted.add(lines.get(i) + "," + (i % 3 == 0 ? "0.2" : "3"));
    }
    Path csv = dir.resolve("weighted-iris.csv");
    Files.write(csv, weighted);
    return csv;
  }

  /**
   * A small iris classifier (8 relu units, softmax over the 3 species, Adam 0.01, 6 epochs,
   * a quarter of the training rows for validation) on {@code csv}.
   *
   * @param data extra keys of the data section, each starting with ", "
   * @param loss the loss, e.g. {@code sparse_categorical_crossentropy}
   */
  public static String irisSpec(Path csv, String data, String loss) {
    return """
        name: rows
        seed: 11
        data: {csv: %s, target: species, test_split: 0.2, stratify: true%s}
        layers:
          - dense: {units: 8, activation: relu}
          - dense: {units: 3, activation: softmax}
        compile: {optimizer: {adam: {learning_rate: 0.01}}, loss: %s, metrics: [accuracy]}
        fit: {epochs: 6, batch_size: 16, validation_split: 0.25}
        """.formatted(csv.toString().replace('\\', '/'), data, loss);
  }

  /**
   * A small churn network (11-6-6-1, relu then sigmoid, Adam, batch 64, a quarter of the training
   * rows for validation) on the bundled data, with {@code body} as its {@code section} (a
   * {@code sweep:} or {@code tune:} section) and, when {@code dropout} is set, a dropout of 0.1
   * after the first layer (layer 1, for searches over {@code layers[1].rate}).
   */
  public static String smallChurnSpec(String name, boolean dropout, int epochs, String section, String body) {
    return """
        name: %s
        seed: 7
        data:
          csv: %s
          target: Exited
          drop: [RowNumber, CustomerId, Surname]
          one_hot: [Geography, Gender]
          scale: standard
          test_split: 0.2
        layers:
          - dense: {units: 6, activation: relu, input_dim: 11}
        %s  - dense: {units: 6, activation: relu}
          - dense: {units: 1, activation: sigmoid}
        compile:
          optimizer: adam
          loss: binary_crossentropy
          metrics: [accuracy]
        fit:
          epochs: %d
          batch_size: 64
          validation_split: 0.25
        %s:
        %s
        """.formatted(name, CHURN.toString().replace('\\', '/'), dropout ? "  - dropout: {rate: 0.1}\n" : "", epochs, section,
        body.indent(2).stripTrailing());
  }

  /** Linnerud's exercise data: three measurements and three targets (Weight, Waist, Pulse). */
  public static final Path LINNERUD = Path.of("../examples/linnerud/linnerud.csv").toAbsolutePath().normalize();

  /**
   * A small three-output regression of Weight, Waist and Pulse on linnerud (8 relu units, Adam
   * 0.05, mse, batch 5, a fifth of the training rows for validation), with {@code body} as its
   * {@code section} (a {@code sweep:} or {@code tune:} section).
   */
  public static String linnerudSpec(String name, int epochs, String section, String body) {
    return """
        name: %s
        seed: 3
        data: {csv: %s, target: [Weight, Waist, Pulse], test_split: 0.25}
        layers:
          - dense: {units: 8, activation: relu}
          - dense: {units: 3}
        compile: {optimizer: {adam: {learning_rate: 0.05}}, loss: mse, metrics: [mae]}
        fit: {epochs: %d, batch_size: 5, validation_split: 0.2}
        %s:
        %s
        """.formatted(name, LINNERUD.toString().replace('\\', '/'), epochs, section, body.indent(2).stripTrailing());
  }
}

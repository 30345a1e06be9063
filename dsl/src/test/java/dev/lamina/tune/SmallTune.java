package dev.lamina.tune;

import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small search on the bundled synthetic churn data, written into a temporary folder. */
final class SmallTune {
  private SmallTune() {}

  static final Path CHURN = Path.of("../data/churn.csv").toAbsolutePath().normalize();

  static String yaml(String tune, int epochs) {
    return """
        name: small-tune
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
          - dropout: {rate: 0.1}
          - dense: {units: 6, activation: relu}
          - dense: {units: 1, activation: sigmoid}
        compile:
          optimizer: adam
          loss: binary_crossentropy
          metrics: [accuracy]
        fit:
          epochs: %d
          batch_size: 64
          validation_split: 0.25
        tune:
        %s
        """.formatted(CHURN.toString().replace('\\', '/'), epochs, tune.indent(2).stripTrailing());
  }

  static ParsedSpec write(Path dir, String tune, int epochs) throws IOException {
    Path file = dir.resolve("tune.yaml");
    Files.writeString(file, yaml(tune, epochs));
    return SpecReader.read(file);
  }
}

package dev.lamina.sweep;

import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small sweep on the bundled synthetic churn data, written into a temporary folder. */
final class SmallSweep {
  private SmallSweep() {}

  static final Path CHURN = Path.of("../data/churn.csv").toAbsolutePath().normalize();

  static String yaml(String sweep, int epochs) {
    return """
        name: small-sweep
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
        sweep:
        %s
        """.formatted(CHURN.toString().replace('\\', '/'), epochs, sweep.indent(2).stripTrailing());
  }

  static ParsedSpec write(Path dir, String sweep, int epochs) throws IOException {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, yaml(sweep, epochs));
    return SpecReader.read(file);
  }
}

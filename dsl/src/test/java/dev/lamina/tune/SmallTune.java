package dev.lamina.tune;

import dev.lamina.table.ExampleTables;
import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small search on the bundled synthetic churn data, written into a temporary folder. */
final class SmallTune {
  private SmallTune() {}

  static final Path CHURN = ExampleTables.CHURN;

  static String yaml(String tune, int epochs) {
    return ExampleTables.smallChurnSpec("small-tune", true, epochs, "tune", tune);
  }

  static ParsedSpec write(Path dir, String tune, int epochs) throws IOException {
    Path file = dir.resolve("tune.yaml");
    Files.writeString(file, yaml(tune, epochs));
    return SpecReader.read(file);
  }
}

package dev.lamina.sweep;

import dev.lamina.table.ExampleTables;
import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small sweep on the bundled synthetic churn data, written into a temporary folder. */
final class SmallSweep {
  private SmallSweep() {}

  static final Path CHURN = ExampleTables.CHURN;

  static String yaml(String sweep, int epochs) {
    return ExampleTables.smallChurnSpec("small-sweep", false, epochs, "sweep", sweep);
  }

  static ParsedSpec write(Path dir, String sweep, int epochs) throws IOException {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, yaml(sweep, epochs));
    return SpecReader.read(file);
  }
}

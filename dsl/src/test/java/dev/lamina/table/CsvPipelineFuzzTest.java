package dev.lamina.table;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.spec.SpecException;
import dev.lamina.yaml.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the CSV pipeline: any bytes as the training CSV of {@code bad/good.yaml}'s data section
 * either prepare into matrices (and then stream through the fitted pipeline as at predict time) or
 * are refused with a {@link DataException} (or a {@link SpecException} for a split the rows cannot
 * make) - never another exception. Inputs: {@code CsvPipelineFuzzTestInputs/prepare/}.
 */
class CsvPipelineFuzzTest {
  private static final DataSpec SPEC = SpecReader.read(Path.of("src", "test", "resources", "bad", "good.yaml"))
      .spec().data();
  private static final Path FILE = file();

  private static Path file() {
    try {
      Path f = Files.createTempFile("lamina-fuzz", ".csv");
      f.toFile().deleteOnExit();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "5m")
  void prepare(byte[] input) throws IOException {
    Files.write(FILE, input);
    PreparedData data;
    try {
      data = TablePipeline.prepare(SPEC, FILE, null, 1L);
    } catch (DataException | SpecException expected) {
      return;
    }
    try {
      data.pipeline().transform(FILE, (row, features, target) -> { });
    } catch (DataException expected) {
      // rows valid for training are valid for scoring, except for levels only the test split held
    }
  }
}

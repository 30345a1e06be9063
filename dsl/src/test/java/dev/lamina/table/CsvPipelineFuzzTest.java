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
 * make, or a positive class the target lacks) - never another exception. Inputs:
 * {@code CsvPipelineFuzzTestInputs/prepare/}.
 *
 * <p>The data settings are fuzzed too. An input whose first byte is {@link #SETTINGS} (0x01) is the
 * CSV from its third byte on, read with the settings its second byte chooses: bits 0-1 the
 * delimiter ({@code , ; tab |}), bit 2 decimal commas (where the delimiter is not a comma) in
 * Windows-1252, bits 3-4 the positive class (none, {@code 0}, {@code 1}, {@code yes}). Any other
 * input is a CSV in the default settings, so the older inputs keep their meaning.
 */
class CsvPipelineFuzzTest {
  private static final DataSpec SPEC = SpecReader.read(Path.of("src", "test", "resources", "bad", "good.yaml"))
      .spec().data();
  private static final Path FILE = file();

  /** The first byte of an input whose second byte chooses the data settings (see the class comment). */
  private static final byte SETTINGS = 1;
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final String[] POSITIVE = {null, "0", "1", "yes"};

  /** {@code bad/good.yaml}'s data section with the settings {@code b} chooses. */
  private static DataSpec settings(byte b) {
    char delimiter = DELIMITERS[b & 3];
    boolean european = (b & 4) != 0 && delimiter != ',';
    DataSpec d = SPEC;
    return new DataSpec(d.csv(), d.testCsv(), d.targets(), d.drop(), d.features(), d.oneHot(), d.dropFirst(),
        d.labelEncode(), d.scale(), d.testSplit(), d.stratify(), d.fillMissing(), d.sampleWeight(),
        new CsvFormat(delimiter, european ? ',' : '.', european ? "windows-1252" : "utf-8"), POSITIVE[(b >> 3) & 3], null);
  }

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
    DataSpec spec = SPEC;
    byte[] csv = input;
    if (input.length > 1 && input[0] == SETTINGS) {
      spec = settings(input[1]);
      csv = java.util.Arrays.copyOfRange(input, 2, input.length);
    }
    Files.write(FILE, csv);
    PreparedData data;
    try {
      data = TablePipeline.prepare(spec, FILE, null, 1L);
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

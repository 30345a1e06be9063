package dev.lamina.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.table.ExampleTables;
import dev.lamina.yaml.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep run trains on the rows the {@code train} command trains on: one-hot targets for
 * {@code categorical_crossentropy} and the rows' sample weights (both go through
 * {@code EngineRows}, like every training path).
 */
class SweepRowsTest {
  private static final Path IRIS = ExampleTables.IRIS;

  @TempDir
  Path dir;

  private SweepJob.Outcome sweep(Path csv, String data, String loss) throws IOException {
    Path spec = Files.createTempFile(dir, "sweep", ".yaml");
    Files.writeString(spec, ExampleTables.irisSpec(csv, data, loss)
        + "sweep: {kernel_initializer: [he_uniform], activation: [relu], seeds: 1}\n");
    return SweepJob.run(SpecReader.read(spec), new SweepJob.Options(Files.createTempDirectory(dir, "out"), null, null, null),
        new ThreadEngine(1), n -> r -> { });
  }

  @Test
  void aCategoricalCrossentropySweepTrainsOnOneHotTargets() throws IOException {
    SweepResult r = sweep(IRIS, "", "categorical_crossentropy").results().get(0);
    assertThat(r.status()).as(r.error()).isEqualTo(RunStatus.OK);
    // One-hot or class index, the same model sees the same information: the same losses.
    SweepResult sparse = sweep(IRIS, "", "sparse_categorical_crossentropy").results().get(0);
    assertThat(r.finalValLoss()).isCloseTo(sparse.finalValLoss(), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aSweepWeighsItsRowsByTheSampleWeightColumn() throws IOException {
    Path csv = ExampleTables.weightedIris(dir);
    SweepResult with = sweep(csv, ", sample_weight: w", "sparse_categorical_crossentropy").results().get(0);
    SweepResult without = sweep(csv, ", drop: [w]", "sparse_categorical_crossentropy").results().get(0);
    assertThat(with.status()).isEqualTo(RunStatus.OK);
    assertThat(with.loss()[0]).isNotEqualTo(without.loss()[0]);
  }
}

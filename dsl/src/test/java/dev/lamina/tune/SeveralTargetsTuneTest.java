package dev.lamina.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.sweep.ThreadEngine;
import dev.lamina.table.ExampleTables;
import dev.lamina.yaml.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search over a multi-output regression (linnerud's three targets): every trial trains on the
 * three target columns and is ranked by val_loss, the default objective, lower first.
 */
class SeveralTargetsTuneTest {
  @TempDir
  Path dir;

  @Test
  void aMultiOutputRegressionSearchRanksItsTrialsByValidationLoss() throws Exception {
    Path file = dir.resolve("tune.yaml");
    Files.writeString(file, ExampleTables.linnerudSpec("linnerud-tune", 4, "tune",
        "strategy: grid\nspace:\n  compile.optimizer.learning_rate: [0.001, 0.1]"));
    TuneJob.Outcome o = TuneJob.run(SpecReader.read(file), new TuneJob.Options(dir.resolve("out"), null, null, false),
        new ThreadEngine(1), (rung, epochs, tasks) -> r -> { });
    assertThat(o.trials()).hasSize(2);
    assertThat(o.spec().objective().metric()).isEqualTo("val_loss");
    assertThat(o.spec().objective().higherIsBetter()).isFalse();
    assertThat(o.ranking()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TrialSummary.COMPLETED));
    assertThat(o.ranking().get(0).objective()).isLessThanOrEqualTo(o.ranking().get(1).objective());
    assertThat(o.ranking().get(0).objective()).isFinite();
  }
}

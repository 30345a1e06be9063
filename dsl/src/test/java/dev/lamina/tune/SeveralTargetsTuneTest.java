package dev.lamina.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.sweep.ThreadEngine;
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
  static final Path LINNERUD = Path.of("../examples/linnerud/linnerud.csv").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void aMultiOutputRegressionSearchRanksItsTrialsByValidationLoss() throws Exception {
    Path file = dir.resolve("tune.yaml");
    Files.writeString(file, """
        name: linnerud-tune
        seed: 3
        data: {csv: %s, target: [Weight, Waist, Pulse], test_split: 0.25}
        layers:
          - dense: {units: 8, activation: relu}
          - dense: {units: 3}
        compile: {optimizer: {adam: {learning_rate: 0.05}}, loss: mse, metrics: [mae]}
        fit: {epochs: 4, batch_size: 5, validation_split: 0.2}
        tune:
          strategy: grid
          space:
            compile.optimizer.learning_rate: [0.001, 0.1]
        """.formatted(LINNERUD.toString().replace('\\', '/')));
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

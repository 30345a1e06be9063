package dev.lamina.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.table.ExampleTables;
import dev.lamina.yaml.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of a multi-output regression (linnerud's three targets): every run trains on the three
 * target columns and reports the test MAE, RMSE and R2, averaged over the targets, beside the
 * best val_loss it is ranked by (and no accuracy, which a regression does not have).
 */
class SeveralTargetsSweepTest {
  @TempDir
  Path dir;

  @Test
  void aMultiOutputRegressionSweepTrainsEveryRunOnAllTargetsAndReportsTheRegressionScores() throws Exception {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, ExampleTables.linnerudSpec("linnerud-sweep", 5, "sweep",
        "kernel_initializer: [glorot_uniform, he_uniform]\nseeds: 2"));
    SweepJob.run(SpecReader.read(file), new SweepJob.Options(dir.resolve("out"), null, null, null), new ThreadEngine(1),
        n -> r -> { });
    List<String> csv = Files.readAllLines(dir.resolve("out/sweep.csv"));
    assertThat(csv).hasSize(1 + 4);
    assertThat(csv.get(0)).contains("test_mae", "test_rmse", "test_r2");
    String md = Files.readString(dir.resolve("out/report.md"));
    assertThat(md).contains("4 runs: 2 cells x 2 seeds", "|glorot_uniform|2 / 2|", "|he_uniform|2 / 2|",
        "|cell|ok / runs|best val_loss|test_loss|test_mae|test_rmse|test_r2|epochs to target|rank|",
        "Ranked by best_val_loss (lower is better): each run's lowest val_loss over the epochs");
    assertThat(md).doesNotContain("accuracy");
    assertThat(csv.get(0)).doesNotContain("accuracy");
    List<String> header = List.of(csv.get(0).split(","));
    for (String row : csv.subList(1, csv.size())) {
      String[] f = row.split(",", -1);
      assertThat(f[header.indexOf("status")]).isEqualTo("ok");
      for (String score : List.of("best_val_loss", "test_loss", "test_mae", "test_rmse", "test_r2")) {
        assertThat(Double.parseDouble(f[header.indexOf(score)])).as(score).isFinite();
      }
    }
  }

  @Test
  void aValidationMonitorWithoutValidationRowsIsRefusedAtItsLine() throws Exception {
    Path file = dir.resolve("no-val.yaml");
    Files.writeString(file, ExampleTables.linnerudSpec("linnerud-sweep", 2, "sweep",
        "kernel_initializer: [glorot_uniform, he_uniform]\nmonitor: val_mae").replace("validation_split: 0.2", "validation_split: 0"));
    assertThatThrownBy(() -> SweepJob.run(SpecReader.read(file), new SweepJob.Options(dir.resolve("none"), null, null, null),
        new ThreadEngine(1), n -> r -> { }))
        .hasMessageContaining("sweep.monitor: monitor 'val_mae' is measured on validation rows, and the fit has none");
  }
}

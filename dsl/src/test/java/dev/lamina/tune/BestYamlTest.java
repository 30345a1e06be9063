package dev.lamina.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.sweep.ThreadEngine;
import dev.lamina.table.DataSpec;
import dev.lamina.table.ExampleTables;
import dev.lamina.yaml.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code best.yaml} is the winner's spec, ready to train: its data section keeps every setting of
 * the searched spec (the CSV format, the positive class, the unseen-category policy), only the
 * file paths are rewritten to be relative to the output folder.
 */
class BestYamlTest {
  @TempDir
  Path dir;

  @Test
  void bestYamlKeepsEveryDataSettingAndOnlyMovesTheFiles() throws Exception {
    // The churn data as Excel writes it in much of Europe: semicolons, decimal commas.
    List<String> european = new ArrayList<>();
    for (String line : Files.readAllLines(ExampleTables.CHURN)) {
      european.add(String.join(";", line.split(",", -1)).replace('.', ','));
    }
    Path csv = dir.resolve("churn-eu.csv");
    Files.write(csv, european);
    String yaml = ExampleTables.smallChurnSpec("best", false, 2, "tune", "strategy: grid\nspace:\n  layers[0].units: [4]")
        .replace(ExampleTables.CHURN.toString().replace('\\', '/'), csv.toString().replace('\\', '/'))
        .replace("  test_split: 0.2\n", "  test_split: 0.2\n  delimiter: ';'\n  decimal: ','\n  positive_class: 0\n"
            + "  handle_unknown: ignore\n");
    Path spec = dir.resolve("tune.yaml");
    Files.writeString(spec, yaml);
    Path out = dir.resolve("out");
    TuneJob.run(SpecReader.read(spec), new TuneJob.Options(out, null, null, false), new ThreadEngine(1),
        (rung, epochs, tasks) -> r -> { });
    DataSpec searched = SpecReader.read(spec).spec().data();
    DataSpec best = SpecReader.read(out.resolve("best.yaml")).spec().data();
    assertThat(out.resolve(best.csv()).normalize()).isEqualTo(csv.normalize());
    assertThat(best.withFiles(null, null)).isEqualTo(searched.withFiles(null, null));
    assertThat(best.positiveClass()).isEqualTo("0");
    assertThat(best.format().delimiter()).isEqualTo(';');
  }
}

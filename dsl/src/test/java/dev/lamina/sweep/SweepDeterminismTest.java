package dev.lamina.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.yaml.ParsedSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sweep gives the same sweep.csv for any thread count, except the seconds column. */
class SweepDeterminismTest {
  private static final String GRID = "kernel_initializer: [random_uniform, he_uniform]\nactivation: [relu, tanh]\nseeds: 2";

  @TempDir
  Path dir;

  private List<String> csvWithoutTiming(ParsedSpec spec, int threads) throws Exception {
    Path out = dir.resolve("out-" + threads);
    SweepJob.run(spec, new SweepJob.Options(out, null, null, null), new ThreadEngine(threads), n -> r -> { });
    List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
    int timing = Arrays.asList(lines.get(0).split(",", -1)).indexOf(SweepReport.TIMING_COLUMN);
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
      cells.remove(timing);
      kept.add(String.join(",", cells));
    }
    return kept;
  }

  @Test
  void oneAndTwoThreadsWriteTheSameResultsInTheSameOrder() throws Exception {
    ParsedSpec spec = SmallSweep.write(dir, GRID, 3);
    List<String> one = csvWithoutTiming(spec, 1);
    List<String> two = csvWithoutTiming(spec, 2);
    assertThat(one).hasSize(1 + 8);
    assertThat(two).isEqualTo(one);
  }

  @Test
  void theReportFilesAreIdenticalForAnyThreadCount() throws Exception {
    ParsedSpec spec = SmallSweep.write(dir, GRID, 2);
    csvWithoutTiming(spec, 1);
    csvWithoutTiming(spec, 2);
    for (String f : List.of("report.md", "report.html")) {
      assertThat(Files.readString(dir.resolve("out-2").resolve(f))).as(f)
          .isEqualTo(Files.readString(dir.resolve("out-1").resolve(f)));
    }
  }
}

package dev.lamina.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import dev.lamina.sweep.ThreadEngine;
import dev.lamina.yaml.ParsedSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search gives the same tune.csv for any thread count and after a kill and --resume, except the
 * seconds column; and the reports are identical.
 */
class TuneDeterminismTest {
  private static final String SEARCH = "trials: 7\nmin_epochs: 1\nspace:\n"
      + "  compile.optimizer.learning_rate: {log_uniform: [0.0003, 0.03]}\n  layers[1].rate: {uniform: [0.0, 0.5]}\n"
      + "  fit.batch_size: [32, 64]\n  layers[*].kernel_initializer: [he_uniform, glorot_uniform]";

  @TempDir
  Path dir;

  static List<String> withoutTiming(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    int timing = Arrays.asList(lines.get(0).split(",", -1)).indexOf(TuneReport.TIMING_COLUMN);
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
      cells.remove(timing);
      kept.add(String.join(",", cells));
    }
    return kept;
  }

  private void search(ParsedSpec parsed, Path out, int threads, boolean resume, TuneJob.RungProgress progress) {
    TuneJob.run(parsed, new TuneJob.Options(out, null, null, resume), new ThreadEngine(threads), progress);
  }

  @Test
  void oneAndTwoThreadsWriteTheSameSearch() throws Exception {
    ParsedSpec parsed = SmallTune.write(dir, SEARCH, 4);
    search(parsed, dir.resolve("one"), 1, false, (r, e, t) -> x -> { });
    search(parsed, dir.resolve("two"), 2, false, (r, e, t) -> x -> { });
    List<String> one = withoutTiming(dir.resolve("one/tune.csv"));
    assertThat(one).hasSize(1 + 7);
    assertThat(withoutTiming(dir.resolve("two/tune.csv"))).isEqualTo(one);
    for (String f : List.of("report.md", "report.html", "best.yaml")) {
      assertThat(Files.readString(dir.resolve("two").resolve(f))).as(f).isEqualTo(Files.readString(dir.resolve("one").resolve(f)));
    }
  }

  @Test
  void aKilledSearchResumesToTheSameTuneCsv() throws Exception {
    ParsedSpec parsed = SmallTune.write(dir, SEARCH, 4);
    search(parsed, dir.resolve("whole"), 2, false, (r, e, t) -> x -> { });
    // Killed after the fourth training of rung 1: the journal holds rung 0 and part of rung 1.
    Path out = dir.resolve("killed");
    int[] seen = {0};
    assertThatThrownBy(() -> search(parsed, out, 2, false, (rung, e, t) -> x -> {
      if (rung == 1 && ++seen[0] == 1) {
        throw new IllegalStateException("killed");
      }
    })).hasStackTraceContaining("killed");
    assertThat(Files.exists(out.resolve("tune.csv"))).isFalse();
    long journaled = Files.readAllLines(out.resolve(TuneJournal.NAME)).size() - 1;
    assertThat(journaled).isBetween(8L, 9L);
    // A kill in the middle of a write leaves a torn last line: it is ignored.
    Files.writeString(out.resolve(TuneJournal.NAME), "{\"trial\":3,\"rung\":1,\"epo", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    int[] trained = {0};
    search(parsed, out, 2, true, (r, e, t) -> x -> trained[0]++);
    assertThat(withoutTiming(out.resolve("tune.csv"))).isEqualTo(withoutTiming(dir.resolve("whole/tune.csv")));
    assertThat(trained[0]).as("only the trainings not journaled are run again").isLessThan(7 + 2 + 1 - 7);
  }

  @Test
  void resumeRefusesTheJournalOfAnotherSearch() throws Exception {
    search(SmallTune.write(dir, SEARCH, 2), dir.resolve("out"), 1, false, (r, e, t) -> x -> { });
    ParsedSpec other = SmallTune.write(dir, SEARCH.replace("trials: 7", "trials: 5"), 2);
    assertThatThrownBy(() -> search(other, dir.resolve("out"), 1, true, (r, e, t) -> x -> { }))
        .isInstanceOf(SpecException.class).hasMessageContaining("written by a search of another spec");
    assertThatThrownBy(() -> search(other, dir.resolve("none"), 1, true, (r, e, t) -> x -> { }))
        .isInstanceOf(SpecException.class).hasMessageContaining("there is no " + TuneJournal.NAME);
  }
}

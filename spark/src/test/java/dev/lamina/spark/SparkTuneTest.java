package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.sweep.ThreadEngine;
import dev.lamina.tune.TuneJob;
import dev.lamina.tune.TuneReport;
import dev.lamina.yaml.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search on Spark (local[2]) writes what the local search writes, apart from timings. */
@Tag("spark")
class SparkTuneTest {
  private static final String SEARCH = "trials: 6\nmin_epochs: 1\nspace:\n"
      + "  compile.optimizer.learning_rate: {log_uniform: [0.0003, 0.03]}\n  layers[0].units: [4, 8]";

  @TempDir
  Path dir;

  @Test
  void tuneCsvAndReportsEqualTheLocalOnes() throws Exception {
    Path spec = TestSpark.writeSpec(dir, "tune", SEARCH, 3);
    Path local = dir.resolve("local");
    Path spark = dir.resolve("spark");
    TuneJob.run(SpecReader.read(spec), new TuneJob.Options(local, null, null, false), new ThreadEngine(2),
        (rung, e, t) -> r -> { });
    TuneJob.Outcome o;
    try (JavaSparkContext sc = TestSpark.context("local[2]", "SparkTuneTest")) {
      o = SparkTune.run(sc, spec, new TuneJob.Options(spark, null, null, false), null);
      // One Spark job per rung: 6 trainings of 1 epoch, then 2 of 3.
      assertThat(sc.statusTracker().getJobIdsForGroup(null)).hasSize(2);
    }
    assertThat(o.results()).hasSize(6 + 2);
    assertThat(TestSpark.csvWithoutTiming(spark.resolve("tune.csv"), TuneReport.TIMING_COLUMN))
        .hasSize(1 + 6).isEqualTo(TestSpark.csvWithoutTiming(local.resolve("tune.csv"), TuneReport.TIMING_COLUMN));
    for (String f : new String[] {"report.md", "report.html", "best.yaml"}) {
      assertThat(Files.readString(spark.resolve(f))).as(f).isEqualTo(Files.readString(local.resolve(f)));
    }
  }
}

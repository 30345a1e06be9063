package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.sweep.SweepJob;
import dev.lamina.sweep.ThreadEngine;
import dev.lamina.yaml.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sweep on Spark (local[2]) writes what the local sweep writes, apart from timings. */
@Tag("spark")
class SparkSweepTest {
  @TempDir
  static Path dir;
  private static JavaSparkContext sc;
  private static Path local;
  private static Path spark;
  private static SweepJob.Outcome sparkOutcome;

  @BeforeAll
  static void runBothSweeps() throws Exception {
    Path spec = TestSpark.writeSpec(dir, TestSpark.GRID, 3);
    local = dir.resolve("local");
    spark = dir.resolve("spark");
    SweepJob.run(SpecReader.read(spec), new SweepJob.Options(local, null, null, null), new ThreadEngine(2), n -> r -> { });
    sc = TestSpark.context("local[2]", "SparkSweepTest");
    sparkOutcome = SparkSweep.run(sc, spec, new SweepJob.Options(spark, null, null, null), null, true);
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.close();
    }
  }

  @Test
  void sweepCsvEqualsTheLocalOneApartFromTheTimingColumn() throws Exception {
    List<String> expected = TestSpark.csvWithoutTiming(local);
    assertThat(expected).hasSize(1 + 8);
    assertThat(TestSpark.csvWithoutTiming(spark)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"report.md", "report.html"})
  void theReportIsByteForByteTheLocalOne(String file) throws Exception {
    assertThat(Files.readAllBytes(spark.resolve(file))).isEqualTo(Files.readAllBytes(local.resolve(file)));
  }

  @Test
  void everyRunIsItsOwnSparkTaskAndComesBackInPlanOrder() {
    assertThat(sparkOutcome.results()).extracting(r -> r.run().index()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    int[] jobs = sc.statusTracker().getJobIdsForGroup(null);
    assertThat(jobs).hasSize(1);
    int[] stages = sc.statusTracker().getJobInfo(jobs[0]).stageIds();
    assertThat(stages).hasSize(1);
    assertThat(sc.statusTracker().getStageInfo(stages[0]).numTasks()).isEqualTo(8);
  }
}

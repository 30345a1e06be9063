package dev.lamina.spark;

import dev.lamina.table.ExampleTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** A quiet Spark context for tests, and the small sweep they run. */
final class TestSpark {
  static final Path CHURN = ExampleTables.CHURN;
  /** 2 x 2 cells x 2 seeds = 8 runs of a few epochs: enough tasks to spread, quick to train. */
  static final String GRID = "kernel_initializer: [random_uniform, he_uniform]\nactivation: [relu, tanh]\nseeds: 2";

  private TestSpark() {}

  /** A context on {@code master} bound to the loopback address, with no web UI and WARN logging. */
  static JavaSparkContext context(String master, String app) {
    SparkConf conf = new SparkConf().setAppName(app).setMaster(master)
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
    JavaSparkContext sc = new JavaSparkContext(conf);
    sc.setLogLevel("WARN");
    return sc;
  }

  static Path writeSpec(Path dir, String sweep, int epochs) throws IOException {
    return writeSpec(dir, "sweep", sweep, epochs);
  }

  /** The small spec with {@code body} as its {@code section} ({@code sweep} or {@code tune}). */
  static Path writeSpec(Path dir, String section, String body, int epochs) throws IOException {
    Path file = dir.resolve(section + ".yaml");
    Files.writeString(file, ExampleTables.smallChurnSpec("spark-sweep", false, epochs, section, body));
    return file;
  }

  /** sweep.csv's lines without the timing column. */
  static List<String> csvWithoutTiming(Path outDir) throws IOException {
    return csvWithoutTiming(outDir.resolve("sweep.csv"), dev.lamina.sweep.SweepReport.TIMING_COLUMN);
  }

  /** The lines of {@code csv} without the column {@code timing}. */
  static List<String> csvWithoutTiming(Path csv, String timingColumn) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    int timing = Arrays.asList(lines.get(0).split(",", -1)).indexOf(timingColumn);
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
      cells.remove(timing);
      kept.add(String.join(",", cells));
    }
    return kept;
  }
}

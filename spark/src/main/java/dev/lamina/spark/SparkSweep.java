package dev.lamina.spark;

import dev.lamina.cli.DebugOption;
import dev.lamina.cli.Main;
import dev.lamina.cli.SweepOptions;
import dev.lamina.spec.SpecException;
import dev.lamina.sweep.GroupStats;
import dev.lamina.sweep.SweepJob;
import dev.lamina.sweep.SweepProgress;
import dev.lamina.yaml.SpecReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code sweep} command on Spark: the same planner, per-run trainer and report writer as
 * {@code java -jar builder.jar sweep} ({@link SweepJob}), with {@link SparkEngine} as the engine, so
 * {@code sweep.csv} is byte for byte the local one apart from the {@code seconds} column.
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class dev.lamina.spark.SparkSweep lamina-spark.jar \
 *     model.yaml --out /shared/sweep
 * java -cp lamina-spark.jar:$SPARK_HOME/jars/* dev.lamina.spark.SparkSweep model.yaml --master local[2]
 * </pre>
 *
 * <p>The spec and its CSV are read on the driver only (the prepared data is broadcast), and the
 * reports are written by the driver, so only the driver needs the files.
 */
@Command(name = "SparkSweep", mixinStandardHelpOptions = true,
    description = {"Train every cell x seed of the spec's sweep: section as one Spark task per training and write",
        "sweep.csv, sweep.json, report.md and report.html exactly as `builder.jar sweep` does."})
public final class SparkSweep implements Callable<Integer> {
  /** The master when neither {@code --master} nor spark-submit sets one: every core of this machine. */
  public static final String DEFAULT_MASTER = "local[*]";
  /** The application name shown by the cluster manager. */
  public static final String APP_NAME = "lamina-sweep";

  @Mixin
  SweepOptions options;

  @Mixin
  DebugOption debug;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] or spark://host:7077 (default: spark-submit's, else " + DEFAULT_MASTER + ")")
  String master;

  /**
   * Runs the command line and exits with the command line's codes: 0 on success, 2 for the spec
   * and the arguments, 3 for the data, 1 for anything else (a bug; {@code --debug} prints its trace).
   */
  public static void main(String[] args) {
    System.exit(Main.executeCommand(new SparkSweep(), args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  @Override
  public Integer call() {
    PrintWriter console = new PrintWriter(System.out, true);
    try (JavaSparkContext sc = new JavaSparkContext(conf(APP_NAME, master))) {
      SweepJob.Outcome o = run(sc, options.specFile(), options.job(), console, options.quiet());
      console.println(String.format(Locale.ROOT, "%d runs in %.1f s on %s -> %s", o.results().size(), o.seconds(),
          sc.master(), o.outDir()));
      return 0;
    }
  }

  /**
   * Runs the sweep of {@code specFile} on {@code sc}; the Java entry point (tests, notebooks).
   *
   * @param console where the per-group winners and progress go, or null for none
   */
  public static SweepJob.Outcome run(JavaSparkContext sc, Path specFile, SweepJob.Options options, PrintWriter console,
      boolean quiet) {
    var parsed = SpecReader.read(specFile);
    SweepJob.Outcome o;
    try {
      o = SweepJob.run(parsed, options, new SparkEngine(sc),
          total -> console == null || quiet ? r -> { } : new SweepProgress(console, false, total));
    } catch (SpecException e) {
      throw parsed.located(e);
    }
    if (console != null && !quiet) {
      for (GroupStats g : o.statistics().groups()) {
        console.println((o.statistics().groupField() == null ? "all" : g.name()) + ": best " + g.winner().label()
            + String.format(Locale.ROOT, " (%s %.4f)", o.statistics().metricName(), g.winner().metricMean()));
      }
    }
    return o;
  }

  /**
   * The configuration of a Lamina driver: {@code master} when given (a local run), else whatever
   * spark-submit set, else {@value #DEFAULT_MASTER}; a master is never hard-coded over spark-submit's.
   */
  static SparkConf conf(String appName, String master) {
    SparkConf conf = new SparkConf().setAppName(appName);
    if (master != null) {
      conf.setMaster(master);
    }
    conf.setIfMissing("spark.master", DEFAULT_MASTER);
    return conf;
  }
}

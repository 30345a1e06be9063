package dev.lamina.spark;

import dev.lamina.cli.Main;
import dev.lamina.cli.TuneOptions;
import dev.lamina.spec.SpecException;
import dev.lamina.tune.TrialSpecs;
import dev.lamina.tune.TuneJob;
import dev.lamina.tune.TuneProgress;
import dev.lamina.yaml.SpecReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code tune} command on Spark: the same sampler, scheduler, per-trial trainer and report
 * writer as {@code java -jar builder.jar tune} ({@link TuneJob}), with {@link SparkEngine} as the
 * engine (one Spark job per rung, one task per training), so {@code tune.csv} is the local one apart
 * from the {@code seconds} column.
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class dev.lamina.spark.SparkTune lamina-spark.jar \
 *     model.yaml --out /shared/tune
 * </pre>
 *
 * <p>The spec and its CSV are read on the driver only, which also writes the journal and the
 * reports, so {@code --resume} works as locally.
 */
@Command(name = "SparkTune", mixinStandardHelpOptions = true,
    description = {"Run the spec's tune: search with one Spark task per training and write tune.csv, tune.json,",
        "best.yaml, report.md and report.html exactly as `builder.jar tune` does."})
public final class SparkTune implements Callable<Integer> {
  /** The application name shown by the cluster manager. */
  public static final String APP_NAME = "lamina-tune";

  @Mixin
  TuneOptions options;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] or spark://host:7077 (default: spark-submit's, else "
          + SparkSweep.DEFAULT_MASTER + ")")
  String master;

  /**
   * Runs the command line and exits with the command line's codes: 0 on success, 2 for the spec
   * and the arguments, 3 for the data, 1 for anything else (a bug; {@code --debug} prints its trace).
   */
  public static void main(String[] args) {
    System.exit(Main.executeCommand(new SparkTune(), args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  @Override
  public Integer call() {
    PrintWriter console = new PrintWriter(System.out, true);
    try (JavaSparkContext sc = new JavaSparkContext(SparkSweep.conf(APP_NAME, master))) {
      TuneJob.Outcome o = run(sc, options.specFile(), options.job(), options.quiet() ? null : console);
      console.println(String.format(Locale.ROOT, "%d trials, %d trainings in %.1f s on %s -> %s", o.trials().size(),
          o.results().size(), o.seconds(), sc.master(), o.outDir()));
      return 0;
    }
  }

  /**
   * Runs the search of {@code specFile} on {@code sc}; the Java entry point (tests, notebooks).
   *
   * @param console where the progress and the winner go, or null for none
   */
  public static TuneJob.Outcome run(JavaSparkContext sc, Path specFile, TuneJob.Options options, PrintWriter console) {
    var parsed = SpecReader.read(specFile);
    TuneJob.Outcome o;
    try {
      o = TuneJob.run(parsed, options, new SparkEngine(sc),
          console == null ? (rung, ep, tasks) -> r -> { } : new TuneProgress(console));
    } catch (SpecException e) {
      throw parsed.located(e);
    }
    if (console != null) {
      console.println("best: trial " + o.best().trial().index() + " "
          + TrialSpecs.describe(o.spec().space(), o.best().trial().values()));
    }
    return o;
  }
}

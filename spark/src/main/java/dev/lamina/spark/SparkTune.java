package dev.lamina.spark;

import dev.lamina.spec.SpecException;
import dev.lamina.table.DataException;
import dev.lamina.tune.TrialSpecs;
import dev.lamina.tune.TuneJob;
import dev.lamina.tune.TuneProgress;
import dev.lamina.yaml.SpecReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

  @Parameters(index = "0", paramLabel = "SPEC", description = "the model.yaml with a tune: section")
  Path specFile;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<name>-tune/ beside the spec)")
  Path out;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] or spark://host:7077 (default: spark-submit's, else "
          + SparkSweep.DEFAULT_MASTER + ")")
  String master;

  @Option(names = "--data", paramLabel = "CSV", description = "CSV to train on, replacing data.csv of the spec")
  Path data;

  @Option(names = "--epochs", paramLabel = "N", description = "the full budget in epochs, replacing fit.epochs")
  Integer epochs;

  @Option(names = "--resume", description = "continue the search journaled in the output folder")
  boolean resume;

  @Option(names = "--quiet", description = "print only the final line")
  boolean quiet;

  /** Runs the command line; exits with 0 on success, 2 on a bad spec or argument, 1 on any other error. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkTune()).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter console = new PrintWriter(System.out, true);
    try (JavaSparkContext sc = new JavaSparkContext(SparkSweep.conf(APP_NAME, master))) {
      TuneJob.Outcome o = run(sc, specFile, new TuneJob.Options(out, data, epochs, resume), quiet ? null : console);
      console.println(String.format(Locale.ROOT, "%d trials, %d trainings in %.1f s on %s -> %s", o.trials().size(),
          o.results().size(), o.seconds(), sc.master(), o.outDir()));
      return 0;
    } catch (SpecException | DataException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
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

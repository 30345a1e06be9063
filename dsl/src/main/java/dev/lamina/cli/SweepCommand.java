package dev.lamina.cli;

import dev.lamina.sweep.GroupStats;
import dev.lamina.sweep.SweepJob;
import dev.lamina.sweep.SweepProgress;
import dev.lamina.sweep.ThreadEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs the grid of a spec's {@code sweep:} section and writes the comparison report. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    header = "Train a grid of initializers x activations x seeds and report the winners.",
    description = {"Train every cell x seed of the spec's sweep: section in parallel and write sweep.csv, sweep.json,",
        "report.md and a self-contained report.html (mean +- sd per initializer and activation, the winner with",
        "Welch's t-test and Mann-Whitney U p-values, loss curves with a spread band, per-layer statistics at init).",
        "Results are identical for any --threads; only the seconds column differs."},
    footer = {"", "Example spec section:", "  sweep:", "    kernel_initializer: [random_uniform, glorot_uniform, he_uniform]",
        "    activation: [relu, sigmoid, tanh]", "    seeds: 5", "",
        "Examples:", "  java -jar builder.jar sweep examples/churn/sweep.yaml",
        "  java -jar builder.jar sweep examples/depth/sweep.yaml --threads 2 --out /tmp/depth-sweep"})
final class SweepCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "SPEC", description = "the model.yaml with a sweep: section")
  Path specFile;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<name>-sweep/ beside the spec)")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the number of cores)")
  Integer threads;

  @Option(names = "--data", paramLabel = "CSV", description = "CSV to train on, replacing data.csv of the spec")
  Path data;

  @Option(names = "--epochs", paramLabel = "N", description = "epochs per run, replacing fit.epochs")
  Integer epochs;

  @Option(names = "--seeds", paramLabel = "N", description = "repeats per cell, replacing sweep.seeds")
  Integer seeds;

  @Option(names = "--quiet", description = "print only the final line")
  boolean quiet;

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      throw new dev.lamina.spec.SpecException("--threads", "--threads must be at least 1, got " + n);
    }
    boolean live = System.console() != null;
    SweepJob.Options options = new SweepJob.Options(this.out, data, epochs, seeds);
    SweepJob.Outcome o = SpecFiles.withSpec(specFile, parsed -> SweepJob.run(parsed, options, new ThreadEngine(n),
        total -> quiet ? r -> { } : new SweepProgress(out, live, total)));
    if (!quiet) {
      for (GroupStats g : o.statistics().groups()) {
        out.println((o.statistics().groupField() == null ? "all" : g.name()) + ": best " + g.winner().label()
            + String.format(Locale.ROOT, " (%s %.4f)", o.statistics().metricName(), g.winner().metricMean()));
      }
    }
    out.println(String.format(Locale.ROOT, "%d runs in %.1f s on %d thread%s -> %s", o.results().size(), o.seconds(), n,
        n == 1 ? "" : "s", o.outDir()));
    return ExitCode.OK;
  }
}

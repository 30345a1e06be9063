package dev.lamina.cli;

import dev.lamina.sweep.GroupStats;
import dev.lamina.sweep.SweepJob;
import dev.lamina.sweep.SweepProgress;
import dev.lamina.sweep.ThreadEngine;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Mixin
  SweepOptions options;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the number of cores)")
  Integer threads;

  @Mixin
  DebugOption debug;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Flags.atLeastOne(command, "--threads", n, "threads", "leave --threads out to use every core");
    boolean live = System.console() != null;
    boolean quiet = options.quiet();
    SweepJob.Outcome o = SpecFiles.withSpec(options.specFile(), parsed -> SweepJob.run(parsed, options.job(),
        new ThreadEngine(n), total -> quiet ? r -> { } : new SweepProgress(out, live, total)));
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

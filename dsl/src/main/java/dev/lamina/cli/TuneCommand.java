package dev.lamina.cli;

import dev.lamina.sweep.ThreadEngine;
import dev.lamina.tune.TrialSpecs;
import dev.lamina.tune.TrialSummary;
import dev.lamina.tune.TuneJob;
import dev.lamina.tune.TuneProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the search of a spec's {@code tune:} section and writes the report and the winner's spec. */
@Command(name = "tune", mixinStandardHelpOptions = true,
    header = "Search any settings of a spec (grid, random, successive halving) and write the winner's spec.",
    description = {"Train the trials of the spec's tune: section in parallel, stop the weak ones early (successive",
        "halving, the default), and write tune.csv, tune.json, best.yaml (the winner, ready to train), report.md and",
        "a self-contained report.html. Trials are ranked on held-out rows (tune.metric, default val_loss), never on",
        "the test rows. Results are identical for any --threads; only the seconds column differs. Every trial's",
        "spec is checked before training starts. A killed search continues with --resume."},
    footer = {"", "Example spec section:", "  tune:", "    strategy: successive_halving   # or grid, random",
        "    trials: 60", "    space:", "      layers[0].units: [4, 8, 16, 32]",
        "      compile.optimizer.learning_rate: {log_uniform: [0.0003, 0.03]}", "      fit.batch_size: [16, 32, 64]", "",
        "Examples:", "  java -jar builder.jar tune examples/churn/tune.yaml",
        "  java -jar builder.jar tune examples/churn/tune.yaml --threads 2 --out /tmp/churn-tune --resume"})
final class TuneCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Mixin
  TuneOptions options;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the number of cores)")
  Integer threads;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Flags.atLeastOne(command, "--threads", n, "threads", "leave --threads out to use every core");
    TuneJob.Outcome o = SpecFiles.withSpec(options.specFile(), parsed -> TuneJob.run(parsed, options.job(),
        new ThreadEngine(n), options.quiet() ? (rung, ep, tasks) -> r -> { } : new TuneProgress(out)));
    TrialSummary best = o.best();
    if (!options.quiet()) {
      out.println(String.format(Locale.ROOT, "best: trial %d %s, %s %.4f at %d epochs", best.trial().index(),
          TrialSpecs.describe(o.spec().space(), best.trial().values()), o.spec().objective().metric(), best.objective(),
          best.last().epochs()));
    }
    long stopped = o.ranking().stream().filter(t -> t.status().equals(TrialSummary.STOPPED_EARLY)).count();
    out.println(String.format(Locale.ROOT, "%d trials (%d stopped early), %d trainings in %.1f s on %d thread%s -> %s",
        o.trials().size(), stopped, o.results().size(), o.seconds(), n, n == 1 ? "" : "s", o.outDir()));
    return ExitCode.OK;
  }
}

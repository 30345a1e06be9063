package dev.lamina.cli;

import dev.lamina.sweep.SweepJob;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options of a sweep, declared once for {@code builder.jar sweep} and the Spark sweep (a
 * picocli mixin): the spec, {@code --out}, {@code --seeds}, {@code --quiet}, {@code --force} and
 * the {@link TrainingOverrides}.
 */
public final class SweepOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Parameters(index = "0", paramLabel = "SPEC", description = "the model.yaml with a sweep: section")
  Path specFile;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<name>-sweep/ beside the spec)")
  Path out;

  @Mixin
  TrainingOverrides training;

  Integer seeds;

  @Option(names = "--quiet", description = "print only the final line")
  boolean quiet;

  @Mixin
  ForceOption force;

  /** Sets {@code --seeds}, refusing a count below 1 with the flag's name. */
  @Option(names = "--seeds", paramLabel = "N", description = "repeats per cell, replacing sweep.seeds")
  void setSeeds(int n) {
    seeds = Flags.atLeastOne(mixee, "--seeds", n, "repeats per cell",
        "leave --seeds out to keep sweep.seeds");
  }

  /** The spec file. */
  public Path specFile() {
    return specFile;
  }

  /** Whether only the final line is printed. */
  public boolean quiet() {
    return quiet;
  }

  /** The options as the sweep job takes them. */
  public SweepJob.Options job() {
    return new SweepJob.Options(out, training.data(), training.epochs(), seeds, force.force);
  }
}

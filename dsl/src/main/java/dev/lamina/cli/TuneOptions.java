package dev.lamina.cli;

import dev.lamina.tune.TuneJob;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of a search, declared once for {@code builder.jar tune} and the Spark search (a
 * picocli mixin): the spec, {@code --out}, {@code --resume}, {@code --quiet}, {@code --force},
 * {@code --debug} and the {@link TrainingOverrides}.
 */
public final class TuneOptions {
  @Parameters(index = "0", paramLabel = "SPEC", description = "the model.yaml with a tune: section")
  Path specFile;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<name>-tune/ beside the spec)")
  Path out;

  @Mixin
  TrainingOverrides training;

  @Option(names = "--resume", description = "continue the search journaled in the output folder (after a kill)")
  boolean resume;

  @Option(names = "--quiet", description = "print only the final line")
  boolean quiet;

  @Mixin
  ForceOption force;

  @Mixin
  DebugOption debug;

  /** The spec file. */
  public Path specFile() {
    return specFile;
  }

  /** Whether only the final line is printed. */
  public boolean quiet() {
    return quiet;
  }

  /** The options as the search job takes them. */
  public TuneJob.Options job() {
    return new TuneJob.Options(out, training.data(), training.epochs(), resume, force.force);
  }
}

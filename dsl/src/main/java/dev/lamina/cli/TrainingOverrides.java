package dev.lamina.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that replace a spec's training data and length, shared by {@code train},
 * {@code sweep} and the Spark sweep (a picocli mixin). A value out of range is refused while the
 * command line is read, with the flag's name, before the spec is even opened.
 */
public final class TrainingOverrides {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--data", paramLabel = "CSV", description = "CSV to train on, replacing data.csv of the spec")
  Path data;

  Integer epochs;

  /** Sets {@code --epochs}, refusing a count below 1 with the flag's name. */
  @Option(names = "--epochs", paramLabel = "N", description = "number of epochs, replacing fit.epochs")
  void setEpochs(int n) {
    epochs = Flags.atLeastOne(mixee, "--epochs", n, "epochs");
  }

  /** The {@code --data} file, or null. */
  public Path data() {
    return data;
  }

  /** The {@code --epochs} count, or null. */
  public Integer epochs() {
    return epochs;
  }
}

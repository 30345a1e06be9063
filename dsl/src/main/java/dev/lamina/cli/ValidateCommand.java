package dev.lamina.cli;

import dev.lamina.model.Model;
import dev.lamina.run.TrainingChecks;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks a spec (syntax, names, arguments) without touching data. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    header = "Check a spec's syntax, keys, types, ranges and names.",
    description = "Check a spec: YAML syntax, keys, types, ranges and every layer, initializer, activation, loss, optimizer, metric and callback name.",
    footer = {"", "Example:", "  java -jar builder.jar validate examples/churn/model.yaml"})
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "SPEC", description = "the model.yaml")
  Path specFile;

  @picocli.CommandLine.Mixin
  DebugOption debug;

  @Override
  public Integer call() {
    SpecFiles.withSpec(specFile, parsed -> {
      Model model = Model.of(parsed.spec().model());
      if (!model.isBuilt()) {
        // Without input_dim the metrics are compiled once the width is known: any width will do
        // for their names (the network's size was checked before anything was allocated).
        model = Model.of(parsed.spec().model(), 1);
      }
      if (parsed.spec().fit() != null) {
        TrainingChecks.monitors(parsed.spec().fit(), model.metricNames());
      }
      for (int i = 0; i < parsed.spec().fit().callbacks().size(); i++) {
        dev.lamina.train.Callbacks.create(parsed.spec().fit().callbacks().get(i), "fit.callbacks[" + i + "]");
      }
      return null;
    });
    command.commandLine().getOut().println(specFile + ": valid");
    return ExitCode.OK;
  }
}

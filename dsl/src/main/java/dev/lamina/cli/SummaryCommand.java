package dev.lamina.cli;

import dev.lamina.model.Model;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the model summary of a spec without training. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    header = "Print the model summary with fans, initializers and target std.",
    description = "Print the Keras-like summary of a spec's model (layers, shapes, parameters, fans, initializers, target std).",
    footer = {"", "Example:", "  java -jar builder.jar summary examples/churn/model.yaml"})
final class SummaryCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "SPEC", description = "the model.yaml")
  Path specFile;

  @picocli.CommandLine.Mixin
  DebugOption debug;

  @Override
  public Integer call() {
    String summary = SpecFiles.withSpec(specFile, parsed -> {
      Model m = Model.of(parsed.spec().model());
      if (!m.isBuilt()) {
        throw new dev.lamina.spec.SpecException("layers[0]", "the first layer has no input_dim, so the shapes depend on the data: "
            + "add input_dim to the first layer to see the summary without data");
      }
      return m.summary();
    });
    command.commandLine().getOut().print(summary);
    return ExitCode.OK;
  }
}

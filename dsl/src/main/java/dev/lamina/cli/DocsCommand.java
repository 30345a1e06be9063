package dev.lamina.cli;

import dev.lamina.docs.Documentation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Regenerates the reference documents (and, with {@code --figures}, the guide's images) from the code. */
@Command(name = "docs", mixinStandardHelpOptions = true,
    header = "Generate docs/YAML.md, CLI.md and INITIALIZERS.md from the code.",
    description = "Write YAML.md, CLI.md and INITIALIZERS.md, generated from the registries, the YAML reader"
        + " and the command line itself; with --figures also the initializer guide's PNG figures under images/.",
    footer = {"", "Example:", "  java -jar builder.jar docs --out docs/",
        "  java -jar builder.jar docs --out docs/ --figures"})
final class DocsCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Option(names = "--out", paramLabel = "DIR", description = "the folder to write to (default: docs)")
  Path out = Path.of("docs");

  @Option(names = "--figures", description = "also draw the PNG figures into DIR/images (takes a few seconds)")
  boolean figures;

  @picocli.CommandLine.Mixin
  DebugOption debug;

  @Override
  public Integer call() throws Exception {
    List<Path> written = Documentation.write(out, figures, CliReference.markdown());
    for (Path p : written) {
      command.commandLine().getOut().println("wrote " + p);
    }
    return ExitCode.OK;
  }
}

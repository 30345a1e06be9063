package dev.lamina.cli;

import dev.lamina.keras.KerasExporter;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import dev.lamina.report.OutputGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Exports a saved Lamina model in Keras's formats. */
@Command(name = "export", mixinStandardHelpOptions = true,
    header = "Export a saved model as a Keras .keras archive or legacy .h5.",
    description = {"Export a saved model (model.lamina or run folder) for Keras: --format keras writes a Keras 3",
        ".keras archive, --format h5 the legacy HDF5 file (keras.models.load_model reads both). Weights are",
        "rounded to float32, as Keras stores them; compile settings and optimizer state are not exported."},
    footer = {"", "Example:", "  java -jar builder.jar export examples/churn/runs/churn-he-uniform --format keras --out churn.keras"})
final class ExportCommand implements Callable<Integer> {
  /** The formats {@code --format} accepts. */
  enum Format { keras, h5 }

  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "MODEL", description = "model.lamina file or run folder")
  Path model;

  @Option(names = "--format", required = true, paramLabel = "keras|h5", description = "keras (.keras archive) or h5 (legacy HDF5)")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "output file (default: model.keras / model.h5 beside the model)")
  Path out;

  @picocli.CommandLine.Mixin
  ForceOption force;

  @picocli.CommandLine.Mixin
  DebugOption debug;

  /** How a .keras archive (a zip) starts: an existing one may be replaced by a new export. */
  private static final String ZIP_MAGIC = "PK\u0003\u0004";
  /** How an HDF5 file starts. */
  private static final String HDF5_MAGIC = "\u0089HDF\r\n\u001a\n";

  @Override
  public Integer call() {
    SavedModel saved = ModelFile.read(model);
    Path folder = Files.isDirectory(model) ? model : model.toAbsolutePath().getParent();
    Path target = out != null ? out : folder.resolve("model." + format.name());
    OutputGuard.file(target, "--out", force.force, format == Format.keras ? ZIP_MAGIC : HDF5_MAGIC, model);
    if (format == Format.keras) {
      KerasExporter.writeKeras(saved.model(), target);
    } else {
      KerasExporter.writeH5(saved.model(), target);
    }
    command.commandLine().getOut().println("exported " + saved.model().spec().name() + " as "
        + (format == Format.keras ? "a Keras 3 .keras archive" : "a legacy Keras .h5 file") + " -> " + target);
    return ExitCode.OK;
  }
}

package dev.lamina.cli;

import dev.lamina.keras.KerasExporter;
import dev.lamina.onnx.OnnxExport;
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

/** Exports a saved Lamina model in Keras's formats or as ONNX. */
@Command(name = "export", mixinStandardHelpOptions = true,
    header = "Export a saved model as a Keras .keras archive, a legacy .h5 or an ONNX model.",
    description = {"Export a saved model (model.lamina or run folder) for Keras: --format keras writes a Keras 3",
        ".keras archive, --format h5 the legacy HDF5 file (keras.models.load_model reads both). Weights are",
        "rounded to float32, as Keras stores them; compile settings and optimizer state are not exported.",
        "--format onnx writes an ONNX model in double precision with the fitted data pipeline in front: one input",
        "per raw column, named as the column, shape [N, 1], double for numbers (NaN when missing) and string for",
        "categories; output 'probability' (classifiers) or 'value' (regression). --no-pipeline exports the network",
        "alone (input 'input', double [N, features])."},
    footer = {"", "Examples:", "  java -jar builder.jar export examples/churn/runs/churn-he-uniform --format keras --out churn.keras",
        "  java -jar builder.jar export examples/churn/runs/churn-he-uniform --format onnx --out churn.onnx"})
final class ExportCommand implements Callable<Integer> {
  /** The formats {@code --format} accepts. */
  enum Format { keras, h5, onnx }

  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "MODEL", description = "model.lamina file or run folder")
  Path model;

  @Option(names = "--format", required = true, paramLabel = "keras|h5|onnx",
      description = "keras (.keras archive), h5 (legacy HDF5) or onnx")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "output file (default: model.keras / model.h5 / model.onnx beside the model)")
  Path out;

  @Option(names = "--no-pipeline", description = "onnx: export the network alone, without the data pipeline")
  boolean noPipeline;

  @picocli.CommandLine.Mixin
  ForceOption force;

  @picocli.CommandLine.Mixin
  DebugOption debug;

  /** How a .keras archive (a zip) starts: an existing one may be replaced by a new export. */
  private static final String ZIP_MAGIC = "PK\u0003\u0004";
  /** How an HDF5 file starts. */
  private static final String HDF5_MAGIC = "\u0089HDF\r\n\u001a\n";
  /** How an ONNX file (a protobuf ModelProto) starts: field 1, ir_version, as a varint. */
  private static final String ONNX_MAGIC = "\u0008";

  @Override
  public Integer call() {
    SavedModel saved = ModelFile.read(model);
    Path folder = Files.isDirectory(model) ? model : model.toAbsolutePath().getParent();
    Path target = out != null ? out : folder.resolve("model." + format.name());
    OutputGuard.file(target, "--out", force.force,
        format == Format.keras ? ZIP_MAGIC : format == Format.h5 ? HDF5_MAGIC : ONNX_MAGIC, model);
    String what;
    if (format == Format.onnx) {
      try {
        OnnxExport.write(saved, !noPipeline, target);
      } catch (UnsupportedOperationException e) {
        throw new picocli.CommandLine.ParameterException(command.commandLine(), "this model cannot be exported to ONNX: "
            + e.getMessage());
      }
      what = saved.pipeline() == null || noPipeline ? "an ONNX model (the network alone)"
          : "an ONNX model with its data pipeline";
    } else if (format == Format.keras) {
      KerasExporter.writeKeras(saved.model(), target);
      what = "a Keras 3 .keras archive";
    } else {
      KerasExporter.writeH5(saved.model(), target);
      what = "a legacy Keras .h5 file";
    }
    command.commandLine().getOut().println("exported " + saved.model().spec().name() + " as " + what + " -> " + target);
    return ExitCode.OK;
  }
}

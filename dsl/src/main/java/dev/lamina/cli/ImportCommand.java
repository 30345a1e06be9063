package dev.lamina.cli;

import dev.lamina.keras.KerasImport;
import dev.lamina.keras.KerasImporter;
import dev.lamina.persist.ModelFile;
import dev.lamina.report.AtomicFile;
import dev.lamina.report.OutputGuard;
import dev.lamina.runspec.PredictSpec;
import dev.lamina.runspec.RunSpec;
import dev.lamina.task.Thresholds;
import dev.lamina.yaml.SpecWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Imports a Keras model into a Lamina model file and its equivalent spec. */
@Command(name = "import", mixinStandardHelpOptions = true,
    header = "Import a Keras .keras / .h5 model as model.lamina + model.yaml.",
    description = {"Import a Keras model: a .keras archive (Keras 3 or 2.13-2.15), a legacy .h5 (model.save), or a",
        "model.to_json() file with --weights. Writes DIR/model.lamina and DIR/model.yaml (add a data: section to",
        "keep training) and prints the summary. Lambda layers and custom objects are refused."},
    footer = {"", "Examples:", "  java -jar builder.jar import churn.keras --out churn-imported",
        "  java -jar builder.jar predict churn-imported inputs.csv",
        "  java -jar builder.jar import model.json --weights model.weights.h5"})
final class ImportCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "MODEL", description = "the Keras model file")
  Path model;

  @Option(names = "--weights", paramLabel = "FILE", description = "weights .h5 for a to_json() config")
  Path weights;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: the model's name beside it)")
  Path out;

  @picocli.CommandLine.Mixin
  ForceOption force;

  @picocli.CommandLine.Mixin
  DebugOption debug;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = command.commandLine().getOut();
    KerasImport imp = weights != null ? KerasImporter.read(model, weights) : KerasImporter.read(model);
    Path dir = out != null ? out : model.toAbsolutePath().resolveSibling(baseName(model));
    OutputGuard.folder(dir, "--out", force.force);
    Files.createDirectories(dir);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("imported_from", model.toAbsolutePath().normalize().toString());
    info.put("keras_format", imp.format());
    info.put("keras_version", imp.kerasVersion());
    info.put("lamina_version", dev.lamina.run.Version.current());
    RunSpec spec = new RunSpec(imp.model().resolvedSpec(), null, null, PredictSpec.DEFAULT);
    ModelFile.write(dir.resolve("model.lamina"), spec, imp.model(), null, Thresholds.DEFAULT, info);
    AtomicFile.writeString(dir.resolve("model.yaml"), SpecWriter.write(imp.model().resolvedSpec()));
    w.print(imp.model().summary());
    w.println("imported " + imp.modelClass() + " from " + model + " (" + imp.format()
        + (imp.kerasVersion() == null ? "" : ", Keras " + imp.kerasVersion()) + ") -> " + dir.resolve("model.lamina")
        + " and " + dir.resolve("model.yaml"));
    w.println(imp.compileFromFile() ? "compile settings (optimizer, loss, metrics) taken from the file"
        : "the file has no compile settings Lamina can use: compile defaulted to "
            + imp.model().spec().compile().optimizer() + " + " + imp.model().spec().compile().loss()
            + "; edit model.yaml to change them");
    return ExitCode.OK;
  }

  private static String baseName(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return (dot > 0 ? n.substring(0, dot) : n) + "-lamina";
  }
}

package dev.lamina.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lamina.diagnose.Diagnosis;
import dev.lamina.diagnose.Diagnostics;
import dev.lamina.diagnose.DiagnosticsCallback;
import dev.lamina.diagnose.LayerStats;
import dev.lamina.model.Model;
import dev.lamina.run.EngineRows;
import dev.lamina.run.RunTask;
import dev.lamina.run.TrainingChecks;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import dev.lamina.table.PreparedData;
import dev.lamina.table.TablePipeline;
import dev.lamina.task.Task;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import dev.lamina.yaml.ParsedSpec;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the per-layer statistics of a spec's untrained model on real rows (and, if asked, after each epoch). */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    header = "Per-layer weight, activation and gradient statistics of a spec's model.",
    description = {"Build the spec's model (untrained; after LSUV when a layer asks for it), run one forward and one",
        "backward pass on a batch of training rows, and print per Dense layer: fan_in, fan_out, the initializer and its",
        "target std, weight mean/std, activation mean/std, kernel-gradient norm/std, the back-propagated error dL/dz,",
        "dead ReLU units, saturated sigmoid/tanh outputs, units that are copies of another, and warnings in plain words."},
    footer = {"", "Examples:", "  java -jar builder.jar inspect examples/depth/random-uniform-sigmoid.yaml",
        "  java -jar builder.jar inspect examples/churn/model.yaml --batch 512 --json",
        "  java -jar builder.jar inspect examples/churn/model.yaml --during-training --epochs 5"})
final class InspectCommand implements Callable<Integer> {
  /** Rows measured when --batch is not given. */
  static final int DEFAULT_BATCH = 256;

  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "SPEC", description = "the model.yaml")
  Path specFile;

  @Option(names = "--batch", paramLabel = "N", description = "rows of the training split to measure on (default: 256)")
  int batch = DEFAULT_BATCH;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Option(names = "--during-training", description = "also train and measure after every epoch")
  boolean duringTraining;

  @picocli.CommandLine.Mixin
  TrainingOverrides training;

  @picocli.CommandLine.Mixin
  DebugOption debug;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    if (batch < 1) {
      throw new SpecException("--batch", "--batch must be at least 1 row, got " + batch);
    }
    List<Map<String, Object>> snapshots = new ArrayList<>();
    SpecFiles.withSpec(specFile, parsed -> {
      inspect(parsed, out, snapshots);
      return null;
    });
    if (json) {
      try {
        Object doc = duringTraining ? snapshots : snapshots.get(0);
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    out.flush();
    return ExitCode.OK;
  }

  private void inspect(ParsedSpec parsed, PrintWriter out, List<Map<String, Object>> snapshots) {
    RunSpec spec = parsed.spec();
    if (spec.data() == null) {
      throw new SpecException("data", "inspect measures on real rows: add data: {csv: ..., target: ...} or pass --data");
    }
    Model model = Model.of(spec.model());
    Path csv = training.data() != null ? training.data() : parsed.resolve(spec.data().csv());
    Path testCsv = spec.data().testCsv() == null ? null : parsed.resolve(spec.data().testCsv());
    PreparedData prepared = TablePipeline.prepare(spec.data(), csv, testCsv, model.seed());
    model.ensureBuilt(prepared.featureCount());
    Dataset train = EngineRows.of(model, prepared.trainSet().withWeights(prepared.wTrain()));
    Dataset rows = train.slice(0, Math.min(batch, train.rows()));
    if (!json) {
      out.print(model.summary());
    }
    if (!duringTraining) {
      model.initializeDataDependent(train.x(), train.rows());
      report(0, Diagnostics.inspect(model, rows), out, snapshots, false);
      return;
    }
    Fit fit = training.epochs() != null ? spec.fit().withEpochs(training.epochs()) : spec.fit();
    if (fit.classWeight() != null) {
      Task task = RunTask.decide(model, prepared.pipeline(), prepared.yTrain(), prepared.yTest());
      fit = TrainingChecks.classWeights(fit, task);
    }
    model.fit(train, null, fit, new DiagnosticsCallback(model, rows, (e, d) -> report(e, d, out, snapshots, true)));
  }

  private void report(int epoch, Diagnosis d, PrintWriter out, List<Map<String, Object>> snapshots, boolean training) {
    if (json) {
      snapshots.add(toMap(epoch, d));
      return;
    }
    if (training) {
      out.println(epoch == 0 ? "At initialization:" : "After epoch " + epoch + ":");
    }
    out.print(d.render());
    out.flush();
  }

  /** The diagnosis as JSON-ready maps: snake_case keys, NaN as null. */
  static Map<String, Object> toMap(int epoch, Diagnosis d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epoch", epoch);
    m.put("rows", d.rows());
    m.put("loss", finite(d.loss()));
    List<Map<String, Object>> layers = new ArrayList<>();
    for (LayerStats s : d.layers()) {
      Map<String, Object> l = new LinkedHashMap<>();
      for (RecordComponent c : LayerStats.class.getRecordComponents()) {
        try {
          Object v = c.getAccessor().invoke(s);
          l.put(Names.canonical(c.getName()), v instanceof Double x ? finite(x) : v);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      layers.add(l);
    }
    m.put("layers", layers);
    m.put("warnings", d.warnings());
    return m;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

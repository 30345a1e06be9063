package dev.lamina.cli;

import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import dev.lamina.report.OutputGuard;
import dev.lamina.report.PredictionsWriter;
import dev.lamina.run.CsvScorer;
import dev.lamina.run.PredictSummary;
import dev.lamina.run.RunTask;
import dev.lamina.spec.SpecException;
import dev.lamina.task.Binary;
import dev.lamina.task.MultiClass;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Scores raw CSV rows with a saved model and its fitted data pipeline, streaming. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    header = "Score the rows of a CSV with a saved model.",
    description = {"Score the rows of a CSV with a saved model. MODEL is a model.lamina file or a run folder.",
        "The rows go through the same pipeline the model was trained with (columns, categories, scaling);",
        "the target column may be absent. Output by task, classes named as in the training CSV: binary",
        "row,p_<positive class>,predicted_class[,true_label] (p_1 for a 0/1 target); multi-class",
        "row,p_<class>...,predicted_class[,true_label]; multi-label row,p_<label>,<label>_predicted[,<label>]...",
        "(each label 1 when p is above that label's threshold); regression row,<target>_predicted[,<target>]...",
        "A model without a pipeline (imported from Keras) reads its N inputs as they are from the first N numeric",
        "columns, or from the columns named by --features; its classes are 0..k-1 (binary output: row,p_1,",
        "predicted_class)."},
    footer = {"", "Examples:", "  java -jar builder.jar predict examples/churn/runs/churn-he-uniform data/churn.csv",
        "  java -jar builder.jar predict model.lamina new.csv --threshold 0.3 --out scored.csv",
        "  java -jar builder.jar predict labels.lamina new.csv --threshold Exited=0.3,IsActiveMember=0.6"})
final class PredictCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "MODEL", description = "model.lamina file or run folder")
  Path model;

  @Parameters(index = "1", paramLabel = "CSV", description = "rows to score")
  Path csv;

  @Option(names = "--threshold", paramLabel = "T", converter = ThresholdsConverter.class,
      description = "decision threshold in (0, 1) (default: the model's, 0.5), for every label of a multi-label"
          + " model; or LABEL=T,... for some of its labels (Weight=0.4,Waist=0.6), the others keeping the model's")
  Thresholds threshold;

  @Option(names = "--out", paramLabel = "FILE", description = "output CSV (default: predictions.csv beside the input)")
  Path out;

  @Option(names = "--features", split = ",", paramLabel = "a,b,c",
      description = "for a model without a data pipeline (an imported Keras model): the input columns, in order"
          + " (default: the first N numeric columns, N = the model's input width)")
  java.util.List<String> features;

  @picocli.CommandLine.Mixin
  ForceOption force;

  @picocli.CommandLine.Mixin
  DebugOption debug;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    SavedModel saved = ModelFile.read(model);
    Thresholds t = threshold == null ? saved.thresholds() : saved.thresholds().overriddenBy(threshold);
    Task task = RunTask.of(saved);
    if (threshold != null && !(task instanceof Binary || task instanceof MultiLabel)) {
      throw new ParameterException(command.commandLine(), "--threshold: this model is a " + task.describe()
          + (task instanceof MultiClass ? ", which predicts the most probable class" : "")
          + " and has no threshold; remove --threshold");
    }
    try {
      t.check(task);
    } catch (SpecException e) {
      throw new ParameterException(command.commandLine(), "--threshold: " + e.detail());
    }
    Path target = this.out != null ? this.out : csv.toAbsolutePath().resolveSibling(baseName(csv) + ".predictions.csv");
    OutputGuard.file(target, "--out", force.force, PredictionsWriter.ROW + ",", csv, model);
    PredictSummary s = CsvScorer.predict(saved, csv, target, t, features);
    out.println(s.describe() + " -> " + target);
    return ExitCode.OK;
  }

  private static String baseName(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
  }
}

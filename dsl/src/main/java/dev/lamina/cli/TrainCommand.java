package dev.lamina.cli;

import dev.lamina.report.ConfusionMatrix;
import dev.lamina.run.RunOptions;
import dev.lamina.run.RunResult;
import dev.lamina.run.Runner;
import dev.lamina.run.TestReport;
import dev.lamina.train.Callback;
import dev.lamina.train.EarlyStopping;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The main job: validate, build, summarize, train, evaluate and write the run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
    header = "Train a spec's model and write its run folder (the default command).",
    description = {"Train the model a YAML spec describes and write its run folder:",
        "metrics.json, history.csv, history.json, loss.png, <metric>.png, model.lamina, predictions.csv.",
        "This is the default command: 'builder.jar model.yaml' means 'builder.jar train model.yaml'."},
    footer = {"", "Examples:", "  java -jar builder.jar examples/churn/model.yaml",
        "  java -jar builder.jar examples/churn/model.yaml --data ../shared/datasets/Churn_Modelling.csv --out /tmp/run",
        "  java -jar builder.jar train examples/churn/model.yaml --epochs 5 --seed 7 --quiet",
        "  java -jar builder.jar examples/churn/model.yaml --checkpoint-every 5 --out /tmp/run",
        "  java -jar builder.jar examples/churn/model.yaml --resume /tmp/run    (after a crash or kill)"})
final class TrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "SPEC", description = "the model.yaml to run")
  Path specFile;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<name>/ beside the spec)")
  Path out;

  @Mixin
  TrainingOverrides training;

  @Option(names = "--seed", paramLabel = "S", description = "seed, replacing the spec's seed")
  Long seed;

  int checkpointEvery;

  @Option(names = "--resume", paramLabel = "DIR", description = "continue the training from the checkpoint in run folder "
      + "DIR (same spec, --seed and --data); ends bit for bit like an uninterrupted run")
  Path resume;

  @Option(names = "--quiet", description = "print only the final result: the test scores' line (after the "
      + "confusion matrix of a classifier)")
  boolean quiet;

  @Mixin
  ForceOption force;

  @Mixin
  DebugOption debug;

  /** Sets {@code --checkpoint-every}, refusing an interval below one epoch with the flag's name. */
  @Option(names = "--checkpoint-every", paramLabel = "N", description = "every N epochs, save a training checkpoint "
      + "(checkpoint.ckpt) in the run folder, atomically")
  void setCheckpointEvery(int n) {
    checkpointEvery = Flags.atLeastOne(command, "--checkpoint-every", n, "epochs",
        "leave --checkpoint-every out to train without checkpoints");
  }

  @Override
  public Integer call() {
    return run(command.commandLine().getOut());
  }

  /** The command's work, printing to {@code out}. */
  int run(PrintWriter out) {
    boolean live = System.console() != null;
    RunResult r = SpecFiles.withSpec(specFile, parsed -> {
      OneShotCompilation.startIfSmall(parsed.spec(), parsed.file(), training.data());
      List<Callback> callbacks = new ArrayList<>();
      if (!quiet) {
        callbacks.add(new ProgressPrinter(out, live));
      }
      return Runner.run(parsed.spec(), parsed.file(), new RunOptions(this.out, training.data(), training.epochs(), seed, quiet,
          live, checkpointEvery, resume, force.force), callbacks,
          quiet ? s -> { } : out::print);
    });
    Object matrix = r.metrics().get(TestReport.CONFUSION_MATRIX);
    if (matrix != null) {
      out.print(ConfusionMatrix.fromMap(matrix).table());
    }
    out.println(resultLine(r.metrics()) + " -> " + r.outDir());
    return ExitCode.OK;
  }

  /**
   * The run's last line: its test scores (the confusion matrix aside, printed above it as a table),
   * epochs, seconds and what early stopping did.
   */
  static String resultLine(Map<String, Object> m) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      boolean metric = e.getKey().startsWith("test_") && !e.getKey().equals("test_rows")
          && !e.getKey().equals(TestReport.CONFUSION_MATRIX);
      if (metric || e.getKey().equals("epochs_run") || e.getKey().equals("train_seconds")
          || e.getKey().equals(EarlyStopping.REPORT_KEY)) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(e.getKey()).append(": ").append(format(e.getValue()));
      }
    }
    return sb.toString();
  }

  /** A value as the console shows it: numbers to 4 decimals, arrays and lists as their numbers, maps as key: value. */
  static String format(Object v) {
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%.4f", d);
    }
    if (v instanceof double[] a) {
      List<String> parts = new ArrayList<>();
      for (double x : a) {
        parts.add(format(x));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object x : list) {
        parts.add(format(x));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, x) -> parts.add(k + ": " + format(x)));
      return "{" + String.join(", ", parts) + "}";
    }
    return String.valueOf(v);
  }
}

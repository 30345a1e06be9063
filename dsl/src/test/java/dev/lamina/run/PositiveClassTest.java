package dev.lamina.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.cli.Main;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import dev.lamina.predict.Prediction;
import dev.lamina.predict.Predictor;
import dev.lamina.predict.TrainedModels;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.task.Binary;
import dev.lamina.task.Thresholds;
import dev.lamina.yaml.SpecReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data: {positive_class: ...}}, scikit-learn's {@code pos_label}: the class a binary model's
 * probability, precision, recall, ROC curve and threshold describe. The churn data is written twice,
 * with {@code Exited} as 0/1 and as {@code left}/{@code stayed}; with the same seed, naming a class
 * positive gives exactly the run of the 0/1 target whose 1 is that class, so every metric is checked
 * against an independent run rather than against numbers written here.
 */
class PositiveClassTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static Path textCsv;

  @BeforeAll
  static void textLabels() throws IOException {
    List<String> lines = Files.readAllLines(TrainedModels.CHURN_CSV);
    List<String> out = new ArrayList<>();
    out.add(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      int at = line.lastIndexOf(',');
      out.add(line.substring(0, at + 1) + (line.endsWith(",1") ? "left" : "stayed"));
    }
    textCsv = dir.resolve("churn-text.csv");
    Files.write(textCsv, out);
  }

  private static Path spec(String name, Path csv, String positive) throws IOException {
    Path spec = dir.resolve(name + ".yaml");
    Files.writeString(spec, "name: " + name + "\nseed: 7\n"
        + "data: {csv: " + csv + ", target: Exited, drop: [RowNumber, CustomerId, Surname],"
        + " one_hot: [Geography, Gender], test_split: 0.2" + (positive == null ? "" : ", positive_class: " + positive)
        + "}\n"
        + "layers:\n  - dense: {units: 6, activation: relu}\n  - dense: {units: 1, activation: sigmoid}\n"
        + "compile: {optimizer: adam, loss: binary_crossentropy, metrics: [accuracy]}\n"
        + "fit: {epochs: 2, batch_size: 32}\n");
    return spec;
  }

  private static String train(Path spec, Path out) {
    StringWriter stdout = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {spec.toString(), "--out", out.toString()}, new PrintWriter(stdout, true),
        new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    return stdout.toString();
  }

  /**
   * metrics.json without the timing, which differs between any two runs, and with the confusion
   * matrix's class names left out (the runs compared name the same classes differently).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> metrics(Path run) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>(JSON.readValue(run.resolve("metrics.json").toFile(), Map.class));
    m.remove("train_seconds");
    Map<String, Object> matrix = new LinkedHashMap<>((Map<String, Object>) m.get("test_confusion_matrix"));
    matrix.remove("labels");
    m.put("test_confusion_matrix", matrix);
    return m;
  }

  /** The class names of the confusion matrix in metrics.json, negative first. */
  @SuppressWarnings("unchecked")
  private static List<String> labels(Path run) throws IOException {
    Map<String, Object> m = JSON.readValue(run.resolve("metrics.json").toFile(), Map.class);
    return (List<String>) ((Map<String, Object>) m.get("test_confusion_matrix")).get("labels");
  }

  @Test
  void namingTheFirstSortedClassGivesTheRunOfTheZeroOneTargetWhoseOneIsThatClass() throws IOException {
    String log = train(spec("text-left", textCsv, "left"), dir.resolve("text-left"));
    train(spec("numeric", TrainedModels.CHURN_CSV, null), dir.resolve("numeric"));

    assertThat(log).contains("positive class: left (data.positive_class)\n");
    assertThat(metrics(dir.resolve("text-left"))).isEqualTo(metrics(dir.resolve("numeric")));
    assertThat(labels(dir.resolve("text-left"))).containsExactly("stayed", "left");
    assertThat(Files.readString(dir.resolve("text-left/thresholds.csv")))
        .isEqualTo(Files.readString(dir.resolve("numeric/thresholds.csv")));
    SavedModel saved = ModelFile.read(dir.resolve("text-left/model.lamina"));
    assertThat(RunTask.of(saved)).isEqualTo(new Binary("Exited", List.of("stayed", "left")));
  }

  @Test
  void theDefaultIsTheSecondSortedClassAndSaysSoAndZeroOnANumericTargetIsItsMirror() throws IOException {
    String log = train(spec("text-default", textCsv, null), dir.resolve("text-default"));
    // The fluent way: the same data section with the positive class set on it.
    RunSpec numeric = SpecReader.read(spec("numeric-zero", TrainedModels.CHURN_CSV, null)).spec();
    RunSpec zero = new RunSpec(numeric.model(), numeric.data().withPositiveClass("0"), numeric.fit(), numeric.predict());
    Runner.run(zero, dir.resolve("numeric-zero.yaml"), new RunOptions(dir.resolve("numeric-zero"), null, null, null,
        true, false), List.of(), s -> { });

    assertThat(log).contains("positive class: stayed (the second of left, stayed in sorted order; data:"
        + " {positive_class: left} makes it the other)\n");
    assertThat(metrics(dir.resolve("text-default"))).isEqualTo(metrics(dir.resolve("numeric-zero")));
    assertThat(labels(dir.resolve("numeric-zero"))).containsExactly("1", "0");
    SavedModel saved = ModelFile.read(dir.resolve("numeric-zero/model.lamina"));
    assertThat(RunTask.of(saved)).isEqualTo(new Binary("Exited", List.of("1", "0")));
    assertThat(saved.spec().data().positiveClass()).isEqualTo("0");
  }

  @Test
  void predictAndThePredictorScoreThePositiveClassAndReadTheLabelsOfEitherKind() throws IOException {
    Path run = dir.resolve("predict-left");
    train(spec("predict-left", textCsv, "left"), run);
    Path zeroRun = dir.resolve("predict-zero");
    train(spec("predict-zero", TrainedModels.CHURN_CSV, "0"), zeroRun);

    List<String> scored = TrainedModels.predictCsv(run, textCsv, dir.resolve("left.csv"));
    List<String> mirrored = TrainedModels.predictCsv(zeroRun, TrainedModels.CHURN_CSV, dir.resolve("zero.csv"));
    Predictor predictor = Predictor.load(run);
    List<Prediction> predicted = predictor.predictAll(TrainedModels.rows(textCsv, 200));
    // The probability column names the class it is of: left, as the CSV writes it; 0 for the mirrored run.
    assertThat(scored.get(0)).isEqualTo("row,p_left,predicted_class,true_label");
    assertThat(mirrored.get(0)).isEqualTo("row,p_0,predicted_class,true_label");
    assertThat(Files.readAllLines(run.resolve("predictions.csv")).get(0)).isEqualTo("row,p_left,predicted_class,true_label");
    assertThat(Files.readAllLines(zeroRun.resolve("predictions.csv")).get(0)).isEqualTo("row,p_0,predicted_class,true_label");
    assertThat(one(predictor).fields().keySet()).containsExactly("p_left", "predicted_class");
    for (int i = 1; i <= 200; i++) {
      String[] cells = scored.get(i).split(",");
      double p = Double.parseDouble(cells[1]);
      assertThat(cells[2]).isEqualTo(p > 0.5 ? "left" : "stayed");
      assertThat(cells[3]).isEqualTo(TrainedModels.rows(textCsv, i).get(i - 1).get("Exited"));
      Prediction one = predicted.get(i - 1);
      assertThat(one.output(0)).isEqualTo(p);
      assertThat(one.probabilities()).containsExactly(Map.entry("stayed", 1 - p), Map.entry("left", p));
      assertThat(one.label()).isEqualTo(cells[2]);
      String[] zero = mirrored.get(i).split(",");
      assertThat(zero[2]).isEqualTo(Double.parseDouble(zero[1]) > 0.5 ? "0" : "1");
      assertThat(zero[3]).isEqualTo(cells[3].equals("left") ? "1" : "0");
    }
    // The summary metrics of predict describe the positive class too: the same as training's test rows would.
    PredictSummary text = CsvScorer.predict(ModelFile.read(run), textCsv, dir.resolve("s1.csv"), Thresholds.of(0.5));
    Path numericRun = dir.resolve("predict-numeric");
    train(spec("predict-numeric", TrainedModels.CHURN_CSV, null), numericRun);
    PredictSummary numeric = CsvScorer.predict(ModelFile.read(numericRun), TrainedModels.CHURN_CSV,
        dir.resolve("s2.csv"), Thresholds.of(0.5));
    assertThat(text.scores()).isEqualTo(numeric.scores());
    assertThat(text.positives()).isEqualTo(scored.stream().skip(1).filter(l -> l.split(",")[2].equals("left")).count());
  }

  @Test
  void aPositiveClassThatIsNoClassOfABinaryTargetIsASpecErrorAtItsKey() throws IOException {
    assertThatThrownBy(() -> Runner.run(SpecReader.read(spec("typo", textCsv, "lefft")).spec(), dir.resolve("typo.yaml"),
        new RunOptions(dir.resolve("typo"), null, null, null, true, false), List.of(), s -> { }))
        .isInstanceOf(SpecException.class)
        .hasMessage("data.positive_class: 'lefft' is not a class of the target 'Exited'; its classes are left and"
            + " stayed. Did you mean left?");
    assertThatThrownBy(() -> Runner.run(SpecReader.read(spec("two", TrainedModels.CHURN_CSV, "2")).spec(),
        dir.resolve("two.yaml"), new RunOptions(dir.resolve("two"), null, null, null, true, false), List.of(), s -> { }))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("data.positive_class: '2' is not a class of the target 'Exited'; its classes are 0"
            + " and 1.");
    assertThat(dir.resolve("typo")).doesNotExist();
  }

  @Test
  void aPositiveClassOnATargetOfThreeClassesIsRefused() throws IOException {
    Path iris = dir.resolve("iris");
    TrainedModels.threeClasses(iris);
    Path spec = iris.resolve("positive.yaml");
    Files.writeString(spec, Files.readString(iris.resolve("iris.yaml")).replace("test_split: 0.2",
        "test_split: 0.2, positive_class: setosa"));
    assertThatThrownBy(() -> Runner.run(SpecReader.read(spec).spec(), spec, new RunOptions(iris.resolve("positive"), null,
        null, null, true, false), List.of(), s -> { }))
        .isInstanceOf(SpecException.class)
        .hasMessage("data.positive_class: positive_class names the positive class of a binary target, but the target"
            + " 'species' has 3 classes (setosa, versicolor, virginica); remove positive_class");
  }

  private static Prediction one(Predictor predictor) {
    return predictor.predictAll(TrainedModels.rows(textCsv, 1)).get(0);
  }
}

package dev.lamina.fluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.metric.Metrics;
import dev.lamina.persist.ModelFile;
import dev.lamina.report.ConfusionMatrix;
import dev.lamina.run.RunOptions;
import dev.lamina.run.RunResult;
import dev.lamina.runspec.RunSpec;
import dev.lamina.run.Runner;
import dev.lamina.run.TestReport;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataSpec;
import dev.lamina.train.ClassWeight;
import dev.lamina.train.Fit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named multi-class model built with the fluent API (iris, the species as text): class weights
 * by class name, the labelled confusion matrix and per-class scores in its results.
 */
class FluentClassNamesTest {
  @TempDir
  Path tmp;

  private static Path iris() {
    String root = System.getProperty("lamina.root");
    return (root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize()).resolve("examples/iris/iris.csv");
  }

  private static ModelSpec classifier() {
    return Lamina.sequential("fluent-iris").seed(3)
        .dense(16, d -> d.activation("relu"))
        .dense(3, d -> d.activation("softmax"))
        .compile(ComponentSpec.of("adam", "learning_rate", 0.01), ComponentSpec.of("sparse_categorical_crossentropy"),
            List.of())
        .metrics(Metrics.ACCURACY)
        .spec();
  }

  private static DataSpec data() {
    return new DataSpec(iris().toString(), null, "species", null, null, null, true, null, "standard", 0.2, true, null);
  }

  private int runs;

  private RunResult run(Fit fit) {
    return Runner.run(new RunSpec(classifier(), data(), fit, null), tmp.resolve("fluent.yaml"),
        new RunOptions(tmp.resolve("run-" + runs++), null, null, null, true, false), List.of(), s -> { });
  }

  @Test
  void classWeightsByNameTrainAndAreSavedByName() throws Exception {
    RunResult r = run(Fit.epochs(20).batchSize(16).classWeightByName(Map.of("virginica", 2.0, "setosa", 0.5)));
    ConfusionMatrix cm = ConfusionMatrix.fromMap(r.metrics().get(TestReport.CONFUSION_MATRIX));
    assertThat(cm.labels()).containsExactly("setosa", "versicolor", "virginica");
    assertThat(List.copyOf(((Map<?, ?>) r.metrics().get(TestReport.F1_PER_CLASS)).keySet()))
        .isEqualTo(List.of("setosa", "versicolor", "virginica"));
    ClassWeight saved = ModelFile.read(r.outDir().resolve("model.lamina")).spec().fit().classWeight();
    assertThat(saved.weights()).containsOnlyKeys("virginica", "setosa");
  }

  @Test
  void weightsByNameChangeTheTraining() {
    double[][] weighted = run(Fit.epochs(3).batchSize(16).classWeightByName(Map.of("virginica", 3.0))).model().weights();
    double[][] plain = run(Fit.epochs(3).batchSize(16)).model().weights();
    double[][] again = run(Fit.epochs(3).batchSize(16).classWeightByName(Map.of("virginica", 3.0))).model().weights();
    assertThat(java.util.Arrays.deepEquals(weighted, plain)).isFalse();
    assertThat(again).isDeepEqualTo(weighted);
  }

  @Test
  void anUnknownClassNameIsRefusedWithTheClassesAndTheNearestName() {
    assertThatThrownBy(() -> run(Fit.epochs(1).classWeightByName(Map.of("virginca", 2.0))))
        .isInstanceOf(SpecException.class)
        .hasMessage("fit.class_weight.virginca: class_weight names the class 'virginca', but the target 'species' has the "
            + "classes setosa, versicolor, virginica; name only those, as the target column writes them (a weight for "
            + "another class would be ignored). Did you mean virginica?");
  }
}

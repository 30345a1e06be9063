package dev.lamina.fluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.metric.Metrics;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import dev.lamina.run.CsvScorer;
import dev.lamina.run.PredictSummary;
import dev.lamina.run.RunOptions;
import dev.lamina.run.RunResult;
import dev.lamina.run.RunTask;
import dev.lamina.run.Runner;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataSpec;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Regression;
import dev.lamina.task.Thresholds;
import dev.lamina.train.Fit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A regression built with the fluent API, run through the same pipeline as a YAML spec, then scored by its saved model. */
class FluentTaskTest {
  @TempDir
  Path tmp;

  private static Path root() {
    String root = System.getProperty("lamina.root");
    return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
  }

  private static Path diabetes() {
    return root().resolve("examples/diabetes/diabetes.csv");
  }

  private RunResult run(ModelSpec model, DataSpec data, Fit fit) {
    return Runner.run(new RunSpec(model, data, fit, null), tmp.resolve("fluent.yaml"),
        new RunOptions(tmp.resolve("run"), null, null, null, true, false), List.of(), s -> { });
  }

  private static ModelSpec regression() {
    return Lamina.sequential("fluent-diabetes").seed(11)
        .dense(16, d -> d.activation("relu").kernelInitializer("he_uniform"))
        .dense(1)
        .compile(ComponentSpec.of("adam", "learning_rate", 0.05), ComponentSpec.of("mse"), List.of())
        .metrics(Metrics.MAE, Metrics.R2)
        .spec();
  }

  @Test
  void aFluentRegressionRunsReportsAndPredictsByTask() throws Exception {
    DataSpec data = new DataSpec(diabetes().toString(), null, "progression", null, null, null, true, null, "standard",
        0.2, false, null);
    Path spec = tmp.resolve("fluent.yaml");
    RunResult r = Runner.run(new RunSpec(regression(), data, Fit.epochs(40).batchSize(32), null), spec,
        new RunOptions(tmp.resolve("run"), null, null, null, true, false), List.of(), s -> { });
    assertThat(r.metrics().get("task")).isEqualTo("regression");
    assertThat(r.history().keys()).contains("loss", "mae", "r2");
    // A linear model explains about half of the variance on this data; the network does as well.
    assertThat((double) r.metrics().get("test_r2")).isBetween(0.3, 1.0);
    assertThat(r.metrics()).doesNotContainKeys("threshold", "threshold_strategy");
    SavedModel saved = ModelFile.read(r.outDir().resolve("model.lamina"));
    assertThat(RunTask.of(saved)).isEqualTo(new Regression(List.of("progression")));
    PredictSummary s = CsvScorer.predict(saved, diabetes(), tmp.resolve("scored.csv"), Thresholds.of(0.5));
    assertThat(s.rows()).isEqualTo(442);
    assertThat(s.scores()).containsOnlyKeys("test_mae", "test_rmse", "test_r2");
    assertThat(Files.readAllLines(tmp.resolve("scored.csv")).get(0)).isEqualTo("row,progression_predicted,progression");
  }

  @Test
  void aClassificationMetricOnAFluentRegressionIsRefusedAtItsPath() {
    ModelSpec spec = Lamina.sequential("bad").seed(1).dense(4, d -> d.activation("relu")).dense(1)
        .compile("adam", "mse").metrics(Metrics.ACCURACY).spec();
    DataSpec data = new DataSpec(diabetes().toString(), null, "progression", null, null, null, true, null, "standard",
        0.2, false, null);
    assertThatThrownBy(() -> Runner.run(new RunSpec(spec, data, Fit.epochs(1), null), tmp.resolve("x.yaml"),
        new RunOptions(tmp.resolve("run"), null, null, null, true, false), List.of(), s -> { }))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("compile.metrics[0]: metric 'accuracy' measures classes, but this model is a regression");
  }

  @Test
  void oneTargetBuiltFluentlyIsTheDataSectionTheYamlReaderMakes() {
    DataSpec yamlLike = new DataSpec("d.csv", null, "progression", null, null, null, true, null, "standard", 0.2, false,
        null);
    assertThat(Lamina.data("d.csv").target("progression").build()).isEqualTo(yamlLike);
    assertThat(Lamina.data("d.csv").targets("progression").build()).isEqualTo(yamlLike);
    assertThat(Lamina.data("d.csv").targets("a", "b").target("progression").build()).isEqualTo(yamlLike);
  }

  @Test
  void aTargetNamedTwiceInTheFluentDataIsRefusedAtItsIndex() {
    assertThatThrownBy(() -> Lamina.data("d.csv").targets("Weight", "Waist", "Weight").build())
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("target[2]: 'Weight' is named twice in target (at 0 and 2)");
  }

  @Test
  void aFluentMultiOutputRegressionScoresEachTargetAndPredictsThemAll() throws Exception {
    Path csv = root().resolve("examples/linnerud/linnerud.csv");
    ModelSpec model = Lamina.sequential("fluent-linnerud").seed(3)
        .dense(8, d -> d.activation("relu"))
        .dense(3)
        .compile(ComponentSpec.of("adam", "learning_rate", 0.05), ComponentSpec.of("mse"), List.of())
        .metrics(Metrics.MAE, Metrics.R2)
        .spec();
    DataSpec data = Lamina.data(csv.toString()).targets("Weight", "Waist", "Pulse").testSplit(0.25).build();
    RunResult r = run(model, data, Fit.epochs(20).batchSize(5));
    assertThat(r.metrics().get("task")).isEqualTo("regression");
    assertThat(r.metrics().get("test_mae_per_target")).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsOnlyKeys("Weight", "Waist", "Pulse");
    SavedModel saved = ModelFile.read(r.outDir().resolve("model.lamina"));
    assertThat(RunTask.of(saved)).isEqualTo(new Regression(List.of("Weight", "Waist", "Pulse")));
    PredictSummary s = CsvScorer.predict(saved, csv, tmp.resolve("scored.csv"), Thresholds.of(0.5));
    assertThat(s.rows()).isEqualTo(20);
    assertThat(s.scores()).containsKeys("test_mae", "test_r2", "test_mae_Weight", "test_rmse_Waist", "test_r2_Pulse");
    assertThat(Files.readAllLines(tmp.resolve("scored.csv")).get(0))
        .isEqualTo("row,Weight_predicted,Weight,Waist_predicted,Waist,Pulse_predicted,Pulse");
  }

  @Test
  void aFluentMultiLabelModelScoresEachLabelAndPredictsThemAll() throws Exception {
    Path csv = root().resolve("data/churn.csv");
    ModelSpec model = Lamina.sequential("fluent-labels").seed(3)
        .dense(8, d -> d.activation("relu"))
        .dense(2, d -> d.activation("sigmoid"))
        .compile("adam", "binary_crossentropy")
        .spec();
    DataSpec data = Lamina.data(csv.toString()).targets("Exited", "IsActiveMember")
        .drop("RowNumber", "CustomerId", "Surname").oneHot("Geography", "Gender").build();
    RunResult r = run(model, data, Fit.epochs(1).batchSize(64));
    assertThat(r.metrics().get("task")).isEqualTo("multi_label");
    assertThat(r.metrics()).containsKeys("test_f1_per_label", "test_f1_macro", "test_roc_auc_macro", "thresholds");
    SavedModel saved = ModelFile.read(r.outDir().resolve("model.lamina"));
    assertThat(RunTask.of(saved)).isEqualTo(new MultiLabel(List.of("Exited", "IsActiveMember")));
    PredictSummary s = CsvScorer.predict(saved, csv, tmp.resolve("scored.csv"), Thresholds.of(0.5));
    assertThat(s.rows()).isEqualTo(10000);
    assertThat(s.describe()).matches("scored 10000 rows: Exited: \\d+ of 10000 predicted positive at threshold 0.5;"
        + " IsActiveMember: \\d+ of 10000 predicted positive at threshold 0.5");
  }
}

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
import dev.lamina.runspec.RunSpec;
import dev.lamina.run.Runner;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataSpec;
import dev.lamina.task.Regression;
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

  private static Path diabetes() {
    String root = System.getProperty("lamina.root");
    return (root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize()).resolve("examples/diabetes/diabetes.csv");
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
    PredictSummary s = CsvScorer.predict(saved, diabetes(), tmp.resolve("scored.csv"), 0.5);
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
}

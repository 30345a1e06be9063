package dev.lamina.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.model.Model;
import dev.lamina.random.Rng;
import dev.lamina.runspec.RunSpec;
import dev.lamina.yaml.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up of the training loop only changes speed: a run trained while a throw-away copy of
 * its model trains beside it ends with the same weights and metrics, bit for bit; the warm-up
 * stops when asked, and it starts only where it pays (the command line's JVM, a declared input width,
 * a wide layer, or a narrow model in the JVM started for a short narrow training, for a few batches).
 */
class TrainingWarmUpTest {
  @TempDir
  Path dir;

  @AfterEach
  void backToTheTestDefault() {
    TrainingWarmUp.allow(false);
    System.clearProperty(TrainingWarmUp.SHORT_NARROW_PROPERTY);
  }

  private Path spec(String name, String inputDim, String optimizer) throws IOException {
    return spec(name, inputDim, optimizer, 24);
  }

  private Path spec(String name, String inputDim, String optimizer, int units) throws IOException {
    Rng rng = new Rng(3);
    StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
    for (int i = 0; i < 400; i++) {
      double x1 = rng.nextGaussian();
      double x2 = rng.nextGaussian();
      double x3 = rng.nextGaussian();
      csv.append(x1).append(',').append(x2).append(',').append(x3).append(',').append(x1 - x2 > 0.3 ? 1 : 0).append('\n');
    }
    Files.writeString(dir.resolve("d.csv"), csv);
    Path spec = dir.resolve(name + ".yaml");
    Files.writeString(spec, """
        name: %s
        seed: 9
        data: {csv: d.csv, target: y, test_split: 0.25}
        layers:
          - dense: {units: %d, activation: relu%s}
          - dropout: {rate: 0.1}
          - dense: {units: 1, activation: sigmoid}
        compile: {optimizer: %s, loss: binary_crossentropy, metrics: [accuracy]}
        fit: {epochs: 4, batch_size: 8, validation_split: 0.2}
        """.formatted(name, units, inputDim, optimizer));
    return spec;
  }

  private static RunSpec read(Path spec) {
    return SpecReader.read(spec).spec();
  }

  private RunResult run(Path spec, String out) {
    return Runner.run(read(spec), spec, new RunOptions(dir.resolve(out), null, null, null, true, false), List.of(), s -> { });
  }

  private static Map<String, Object> withoutTime(Map<String, Object> metrics) {
    Map<String, Object> m = new LinkedHashMap<>(metrics);
    m.remove("train_seconds");
    return m;
  }

  @Test
  void aRunTrainedBesideTheWarmUpEndsWithTheSameWeightsAndMetricsAsOneWithout() throws IOException {
    Path spec = spec("same", ", input_dim: 3", "adam");
    RunResult cold = run(spec, "cold");
    TrainingWarmUp.allow(true);
    RunResult warm;
    // One warm-up started by the run itself (it stops before training), one running through the whole training.
    try (TrainingWarmUp beside = TrainingWarmUp.startAlways(read(spec).model(), 8)) {
      warm = run(spec, "warm");
      assertThat(beside.batches()).isPositive();
    }
    assertThat(warm.model().weights()).isDeepEqualTo(cold.model().weights());
    assertThat(Files.readString(dir.resolve("warm/predictions.csv"))).isEqualTo(Files.readString(dir.resolve("cold/predictions.csv")));
    assertThat(withoutTime(warm.metrics())).isEqualTo(withoutTime(cold.metrics()));
    assertThat(warm.history().asMap()).isEqualTo(cold.history().asMap());
  }

  @Test
  void closingStopsTheWarmUpAndWaitsForItsThread() throws IOException, InterruptedException {
    Path spec = spec("stops", ", input_dim: 3", "sgd");
    TrainingWarmUp w = TrainingWarmUp.startAlways(read(spec).model(), 8);
    while (w.batches() == 0) {
      Thread.sleep(5);
    }
    w.close();
    int after = w.batches();
    Thread.sleep(50);
    assertThat(w.batches()).isEqualTo(after);
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("lamina-training-warmup"));
  }

  @Test
  void aModelWithoutADeclaredInputWidthIsNotWarmedUp() throws IOException {
    TrainingWarmUp.allow(true);
    RunSpec rs = read(spec("undeclared", "", "adam"));
    try (TrainingWarmUp w = TrainingWarmUp.start(rs.model(), Model.of(rs.model()), 8)) {
      assertThat(w.started()).isFalse();
    }
  }

  @Test
  void aNarrowModelIsNotWarmedUpWhereTheOptimizingCompilerRuns() throws IOException {
    TrainingWarmUp.allow(true);
    RunSpec rs = read(spec("narrow", ", input_dim: 3", "adam", 6));
    try (TrainingWarmUp w = TrainingWarmUp.start(rs.model(), Model.of(rs.model()), 8)) {
      assertThat(w.started()).isFalse();
    }
  }

  @Test
  void inAShortNarrowTrainingsJvmANarrowModelIsWarmedUpForAFewBatchesOnly() throws IOException, InterruptedException {
    TrainingWarmUp.allow(true);
    System.setProperty(TrainingWarmUp.SHORT_NARROW_PROPERTY, "true");
    RunSpec rs = read(spec("narrow", ", input_dim: 3", "adam", 6));
    try (TrainingWarmUp w = TrainingWarmUp.start(rs.model(), Model.of(rs.model()), 8)) {
      assertThat(w.started()).isTrue();
      while (w.batches() < TrainingWarmUp.NARROW_BATCHES) {
        Thread.sleep(5);
      }
      Thread.sleep(50);
      assertThat(w.batches()).as("stopped by itself").isEqualTo(TrainingWarmUp.NARROW_BATCHES);
    }
  }

  @Test
  void outsideTheCommandLinesJvmNothingStarts() throws IOException {
    RunSpec rs = read(spec("library", ", input_dim: 3", "adam"));
    try (TrainingWarmUp w = TrainingWarmUp.start(rs.model(), Model.of(rs.model()), 8)) {
      assertThat(w.started()).isFalse();
    }
  }

  @Test
  void theCommandLinesJvmWarmsUpADeclaredModel() throws IOException, InterruptedException {
    TrainingWarmUp.allow(true);
    RunSpec rs = read(spec("declared", ", input_dim: 3", "rmsprop"));
    try (TrainingWarmUp w = TrainingWarmUp.start(rs.model(), Model.of(rs.model()), 8)) {
      assertThat(w.started()).isTrue();
      while (w.batches() == 0) {
        Thread.sleep(5);
      }
    }
  }
}

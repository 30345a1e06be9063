package dev.lamina.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.run.RunOptions;
import dev.lamina.run.RunResult;
import dev.lamina.run.Runner;
import dev.lamina.sweep.ThreadEngine;
import dev.lamina.table.ExampleTables;
import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial trains on the rows the {@code train} command trains on: the same sample weights and the
 * same target encoding (one-hot for {@code categorical_crossentropy}), so trial 0 of a one-point
 * search (the spec's own seed) ends at the very validation loss {@code train} reports.
 */
class TrialRowsTest {
  private static final Path IRIS = ExampleTables.IRIS;

  @TempDir
  Path dir;

  /** Trial 0's objective and the {@code train} command's last {@code val_loss} for the same spec. */
  private double[] trialAndTrain(String yaml) throws IOException {
    Path dir = Files.createTempDirectory(this.dir, "case");
    Path trainSpec = dir.resolve("train.yaml");
    Files.writeString(trainSpec, yaml);
    RunResult run = Runner.run(SpecReader.read(trainSpec).spec(), trainSpec,
        new RunOptions(dir.resolve("run"), null, null, null, true, false), List.of(), s -> { });
    Path tuneSpec = dir.resolve("tune.yaml");
    Files.writeString(tuneSpec, yaml + "tune:\n  strategy: grid\n  space:\n    fit.batch_size: [16]\n");
    ParsedSpec parsed = SpecReader.read(tuneSpec);
    TuneJob.Outcome o = TuneJob.run(parsed, new TuneJob.Options(dir.resolve("tune"), null, null, false),
        new ThreadEngine(1), (rung, epochs, tasks) -> r -> { });
    assertThat(o.best().status()).isEqualTo(TrialSummary.COMPLETED);
    return new double[] {o.best().objective(), run.history().last("val_loss")};
  }

  @Test
  void aTrialOfACategoricalCrossentropySpecTrainsOnOneHotTargetsLikeTrain() throws IOException {
    double[] both = trialAndTrain(ExampleTables.irisSpec(IRIS, "", "categorical_crossentropy"));
    assertThat(both[0]).isFinite().isEqualTo(both[1]);
  }

  @Test
  void aTrialWeighsItsRowsByTheSampleWeightColumnLikeTrain() throws IOException {
    Path csv = ExampleTables.weightedIris(dir);
    double[] withWeights = trialAndTrain(ExampleTables.irisSpec(csv, ", sample_weight: w", "sparse_categorical_crossentropy"));
    assertThat(withWeights[0]).isFinite().isEqualTo(withWeights[1]);
    double[] without = trialAndTrain(ExampleTables.irisSpec(csv, ", drop: [w]", "sparse_categorical_crossentropy"));
    assertThat(without[0]).isEqualTo(without[1]).isNotEqualTo(withWeights[0]);
  }

  @Test
  void aTrialWeighsClassesNamedAsTheCsvNamesThemLikeTrain() throws IOException {
    String plain = ExampleTables.irisSpec(IRIS, "", "sparse_categorical_crossentropy");
    String weighted = plain.replace("validation_split: 0.25}", "validation_split: 0.25, class_weight: {virginica: 4.0}}");
    assertThat(weighted).contains("class_weight: {virginica: 4.0}");
    double[] both = trialAndTrain(weighted);
    assertThat(both[0]).isFinite().isEqualTo(both[1]).isNotEqualTo(trialAndTrain(plain)[0]);
  }
}

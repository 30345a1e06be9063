package dev.lamina.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.table.PreparedData;
import dev.lamina.table.TablePipeline;
import dev.lamina.train.Dataset;
import dev.lamina.yaml.ParsedSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trainer shipped to another JVM (Java serialization, as a Spark broadcast does) trains every run identically. */
class SweepTrainerSerializationTest {
  @TempDir
  Path dir;

  @Test
  void aDeserializedTrainerGivesTheSameResultAsTheOriginal() throws Exception {
    ParsedSpec parsed = SmallSweep.write(dir, "kernel_initializer: [he_uniform]\nactivation: [tanh]\nseeds: 1", 3);
    SweepSpec sweep = SweepSpec.parse(parsed.sweep());
    PreparedData data = TablePipeline.prepare(parsed.spec().data(), SmallSweep.CHURN, null, 7);
    SweepTrainer original = new SweepTrainer(parsed.spec(), sweep.axes(), Dataset.of(data.xTrain(), data.yTrain()),
        Dataset.of(data.xTest(), data.yTest()));
    SweepRun run = SweepPlanner.plan(sweep, 7).get(0);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }
    RunTrainer copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RunTrainer) in.readObject();
    }

    SweepResult a = original.train(run);
    SweepResult b = copy.train(run);
    assertThat(b.status()).isEqualTo(RunStatus.OK);
    assertThat(List.of(b.bestValLoss(), b.finalValLoss(), b.testLoss(), b.testAccuracy()))
        .isEqualTo(List.of(a.bestValLoss(), a.finalValLoss(), a.testLoss(), a.testAccuracy()));
    assertThat(b.loss()).isEqualTo(a.loss());
    assertThat(b.valLoss()).isEqualTo(a.valLoss());
  }
}

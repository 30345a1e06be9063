package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.persist.CheckpointFile;
import dev.lamina.persist.ModelFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a training loses at most the epochs since the last checkpoint:
 * a child JVM trains with {@code --checkpoint-every 2}, is killed with SIGKILL once its second
 * checkpoint is on disk, and {@code --resume} then ends with the same history.csv and the same
 * weights, bit for bit, as an uninterrupted run of the same spec and seed. The spec has shuffling,
 * dropout, Adam, ReduceLROnPlateau and EarlyStopping with restore_best_weights, so every piece of
 * state a checkpoint holds matters.
 */
class KillAndResumeTest {
  private static final int EPOCHS = 12;
  private static final int EVERY = 2;

  @TempDir
  Path dir;
  private Path spec;

  @BeforeEach
  void writeSpec() throws IOException {
    Path csv = Path.of("..", "data", "churn.csv").toAbsolutePath().normalize();
    spec = dir.resolve("model.yaml");
    Files.writeString(spec, """
        name: resume
        seed: 7
        data:
          csv: %s
          target: Exited
          drop: [RowNumber, CustomerId, Surname]
          one_hot: [Geography, Gender]
          scale: standard
          test_split: 0.2
        layers:
          - dense: {units: 32, activation: relu, kernel_initializer: he_uniform}
          - dropout: {rate: 0.2}
          - dense: {units: 16, activation: relu, kernel_initializer: he_uniform}
          - dense: {units: 1, activation: sigmoid}
        compile:
          optimizer: adam
          loss: binary_crossentropy
          metrics: [accuracy]
        fit:
          epochs: %d
          batch_size: 16
          validation_split: 0.2
          callbacks:
            - reduce_lr_on_plateau: {monitor: val_loss, patience: 1, factor: 0.5, min_delta: 0.01}
            - early_stopping: {monitor: val_loss, patience: 100, restore_best_weights: true}
        """.formatted(csv.toString().replace("\\", "/"), EPOCHS));
  }

  @Test
  void aRunKilledWithSigkillResumesToTheSameWeightsAndHistoryAsAnUninterruptedRun() throws Exception {
    Path killed = dir.resolve("killed");
    Path log = dir.resolve("child.log");
    Process child = new ProcessBuilder(childCommand(killed)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path checkpoint = killed.resolve(CheckpointFile.NAME);
    int done = waitForCheckpoint(child, checkpoint, 2 * EVERY);
    assertThat(child.isAlive()).as("the child was still training when killed; its log: %s", log).isTrue();
    child.destroyForcibly();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    assertThat(killed.resolve("model.lamina")).as("training never finished").doesNotExist();
    assertThat(done).isBetween(2 * EVERY, EPOCHS - 1);

    assertThat(run(spec.toString(), "--resume", killed.toString(), "--quiet")).isZero();
    Path whole = dir.resolve("whole");
    assertThat(run(spec.toString(), "--out", whole.toString(), "--quiet")).isZero();

    assertThat(Files.readString(killed.resolve("history.csv"))).isEqualTo(Files.readString(whole.resolve("history.csv")));
    assertThat(bits(ModelFile.read(killed).model().weights())).isEqualTo(bits(ModelFile.read(whole).model().weights()));
    assertThat(Files.readString(killed.resolve("predictions.csv"))).isEqualTo(Files.readString(whole.resolve("predictions.csv")));
  }

  @Test
  void resumingWithAnotherSeedIsRefusedWithExitCode2() {
    Path out = dir.resolve("run");
    assertThat(run(spec.toString(), "--out", out.toString(), "--epochs", "2", "--checkpoint-every", "1", "--quiet")).isZero();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {spec.toString(), "--resume", out.toString(), "--seed", "8", "--quiet"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).isEqualTo("error: --resume: the checkpoint in " + out + " was written by a run of another "
        + "spec, seed or data file; resume with the same spec, --seed and --data, or start a new run without --resume"
        + System.lineSeparator());
  }

  @Test
  void aDamagedCheckpointIsRefusedWithExitCode3() throws IOException {
    Path out = dir.resolve("run");
    assertThat(run(spec.toString(), "--out", out.toString(), "--epochs", "2", "--checkpoint-every", "1", "--quiet")).isZero();
    Path ckpt = out.resolve(CheckpointFile.NAME);
    byte[] b = Files.readAllBytes(ckpt);
    b[b.length / 2] ^= 1;
    Files.write(ckpt, b);
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {spec.toString(), "--resume", out.toString(), "--quiet"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(code).isEqualTo(ExitCode.DATA);
    assertThat(err.toString()).isEqualTo("error: checkpoint file " + ckpt + " is corrupt (checksum mismatch)" + System.lineSeparator());
  }

  private List<String> childCommand(Path out) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    // The kernels a relaunch would give, in this JVM: the test kills the process that trains.
    cmd.add("--add-modules");
    cmd.add("jdk.incubator.vector");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(spec.toString(), "--out", out.toString(), "--checkpoint-every", Integer.toString(EVERY), "--quiet"));
    return cmd;
  }

  /** Polls until the checkpoint reports at least {@code epochs} epochs; returns the count seen. */
  private static int waitForCheckpoint(Process child, Path checkpoint, int epochs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline && child.isAlive()) {
      if (Files.exists(checkpoint)) {
        // Checkpoints are renamed into place, so a reader never sees a half-written one.
        int done = CheckpointFile.read(checkpoint).state().epochsDone();
        if (done >= epochs) {
          return done;
        }
      }
      Thread.sleep(5);
    }
    return -1;
  }

  private static int run(String... args) {
    return Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
  }

  private static long[][] bits(double[][] w) {
    long[][] b = new long[w.length][];
    for (int i = 0; i < w.length; i++) {
      b[i] = new long[w[i].length];
      for (int k = 0; k < w[i].length; k++) {
        b[i][k] = Double.doubleToRawLongBits(w[i][k]);
      }
    }
    return b;
  }
}

package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.persist.GoodModel;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where commands write, and what they read: a run writes only into its run folder, a command
 * never replaces a file it did not create without {@code --force}, and a pipe reads like a file.
 * (The refusals themselves, message for message, are in the bad-input corpus.)
 */
class OutputsAndStreamsTest {
  private static final Path BAD = Path.of("src", "test", "resources", "bad").toAbsolutePath();
  private static final String SPEC = BAD.resolve("good.yaml").toString();

  @TempDir
  Path dir;

  @Test
  void aRunFolderOfAnEarlierRunIsWrittenAgainWithoutForce() {
    Path out = dir.resolve("run");
    assertThat(CliFixture.run(SPEC, "--out", out.toString(), "--quiet").code()).isZero();
    CliFixture.Result again = CliFixture.run(SPEC, "--out", out.toString(), "--quiet");
    assertThat(again.code()).as(again.err()).isZero();
  }

  @Test
  void aFolderOfOtherFilesIsWrittenOnlyWithForceAndItsFilesStay() throws IOException {
    Path out = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(out.resolve("todo.txt"), "mine");
    CliFixture.Result refused = CliFixture.run(SPEC, "--out", out.toString(), "--quiet");
    assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("holds other files (todo.txt)").contains("--force");
    assertThat(out.resolve("model.lamina")).doesNotExist();

    CliFixture.Result forced = CliFixture.run(SPEC, "--out", out.toString(), "--quiet", "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(out.resolve("model.lamina")).exists();
    assertThat(out.resolve("todo.txt")).hasContent("mine");
  }

  @Test
  void predictReplacesItsOwnPredictionsButAnInputOnlyWithForce() throws IOException {
    Path model = GoodModel.train(dir.resolve("good"));
    Path rows = Files.copy(BAD.resolve("good.csv"), dir.resolve("rows.csv"));
    Path scored = dir.resolve("scored.csv");
    assertThat(CliFixture.run("predict", model.toString(), rows.toString(), "--out", scored.toString()).code()).isZero();
    CliFixture.Result again = CliFixture.run("predict", model.toString(), rows.toString(), "--out", scored.toString());
    assertThat(again.code()).as(again.err()).isZero();

    String before = Files.readString(rows);
    CliFixture.Result refused = CliFixture.run("predict", model.toString(), rows.toString(), "--out", rows.toString());
    assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
    assertThat(rows).hasContent(before);
    CliFixture.Result forced = CliFixture.run("predict", model.toString(), rows.toString(), "--out", rows.toString(),
        "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(rows)).startsWith("row,p_1,predicted_class");
  }

  @Test
  void aCheckpointFilepathIsResolvedInsideTheRunFolder() throws IOException {
    String text = Files.readString(BAD.resolve("good.yaml")).replace("csv: good.csv",
        "csv: " + BAD.resolve("good.csv").toString().replace('\\', '/'))
        + "  callbacks:\n    - model_checkpoint: {filepath: \"ckpt/epoch-{epoch}.weights\"}\n";
    Path spec = Files.writeString(dir.resolve("ckpt.yaml"), text);
    Path out = dir.resolve("run");
    CliFixture.Result r = CliFixture.run(spec.toString(), "--out", out.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("ckpt/epoch-1.weights")).isRegularFile();
    assertThat(out.resolve("ckpt/epoch-2.weights")).isRegularFile();
    assertThat(Path.of("ckpt")).doesNotExist();
  }

  @Test
  void aPipeIsReadAsTheDataAndHashedAsItIsRead() throws Exception {
    Path fifo = dir.resolve("rows.pipe");
    byte[] csv = Files.readAllBytes(BAD.resolve("good.csv"));
    Thread writer = feed(fifo, csv);
    Path out = dir.resolve("piped");
    CliFixture.Result r = CliFixture.run(SPEC, "--data", fifo.toString(), "--out", out.toString(), "--quiet");
    writer.join();
    assertThat(r.code()).as(r.err()).isZero();
    SavedModel saved = ModelFile.read(out);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
    assertThat(saved.info()).containsEntry("data_sha256", sha);
  }

  @Test
  void tuneReadsAPipeOnceAndItsJournalHoldsTheHashOfWhatWasRead() throws Exception {
    Path fifo = dir.resolve("tune.pipe");
    byte[] csv = Files.readAllBytes(BAD.resolve("good.csv"));
    Path spec = Files.writeString(dir.resolve("tune.yaml"), Files.readString(Path.of(SPEC))
        .replace("  batch_size: 8", "  batch_size: 8\n  validation_split: 0.25")
        + "tune:\n  strategy: grid\n  space:\n    layers[0].units: [2, 4]\n");
    Thread writer = feed(fifo, csv);
    Path out = dir.resolve("tuned");
    CliFixture.Result r = CliFixture.run("tune", spec.toString(), "--data", fifo.toString(), "--out", out.toString());
    writer.join();
    assertThat(r.code()).as(r.err()).isZero();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
    String first = Files.readAllLines(out.resolve("tune-journal.jsonl")).get(0);
    assertThat(first).matches("\\{\"fingerprint\":\"[0-9a-f]{64} " + sha + "\"\\}");
  }

  /** Makes {@code fifo} a named pipe and starts a thread that writes {@code bytes} into it once. */
  private static Thread feed(Path fifo, byte[] bytes) throws Exception {
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mk.waitFor()).isZero();
    Thread writer = new Thread(() -> {
      try (OutputStream o = Files.newOutputStream(fifo)) {
        o.write(bytes);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    return writer;
  }

  @Test
  void aModelFileWithTrailingLineBreaksStillLoads() throws IOException {
    Path model = GoodModel.train(dir.resolve("good"));
    Files.writeString(model, Files.readString(model) + "\n\r\n");
    assertThat(ModelFile.read(model).model().inputWidth()).isEqualTo(4);
  }
}

package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  static String[] listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void writesTheBytesAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("metrics.json");
    AtomicFile.writeString(file, "{}\n");
    assertThat(file).hasContent("{}");
    assertThat(listing(dir)).containsExactly("metrics.json");
  }

  @Test
  void replacesThePreviousFile() throws IOException {
    Path file = dir.resolve("a.txt");
    AtomicFile.writeString(file, "old");
    AtomicFile.write(file, "new".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(file)).isEqualTo("new");
  }

  @Test
  void createsMissingParentFolders() {
    Path file = dir.resolve("run/plots/x.txt");
    AtomicFile.writeString(file, "x");
    assertThat(file).hasContent("x");
  }

  @Test
  void writesUtf8() throws IOException {
    Path file = dir.resolve("u.txt");
    AtomicFile.writeString(file, "é");
    assertThat(Files.readAllBytes(file)).containsExactly(0xC3, 0xA9);
  }

  @Test
  void aFailedRenameLeavesTheTargetAndNoTemporaryFile() throws IOException {
    // A non-empty folder cannot be replaced by a file: the commit's rename fails.
    Path target = dir.resolve("busy");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep.txt"), "kept");
    assertThatThrownBy(() -> AtomicFile.writeString(target, "new"))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("busy");
    assertThat(target.resolve("keep.txt")).hasContent("kept");
    assertThat(listing(dir)).containsExactly("busy");
  }

  @Test
  void abortedPendingFileKeepsThePreviousContent() throws IOException {
    Path file = dir.resolve("p.csv");
    AtomicFile.writeString(file, "previous");
    PendingFile pending = PendingFile.open(file);
    pending.stream().write("half a fi".getBytes(StandardCharsets.UTF_8));
    pending.stream().flush();
    assertThat(pending.temp()).exists();
    pending.abort();
    assertThat(file).hasContent("previous");
    assertThat(listing(dir)).containsExactly("p.csv");
  }

  @Test
  void closingWithoutCommitDiscardsTheWrite() throws IOException {
    Path file = dir.resolve("p.csv");
    AtomicFile.writeString(file, "previous");
    try (PendingFile pending = PendingFile.open(file)) {
      pending.stream().write(new byte[1000]);
    }
    assertThat(file).hasContent("previous");
    assertThat(listing(dir)).containsExactly("p.csv");
  }

  @Test
  void theTargetIsUntouchedUntilCommit() throws IOException {
    Path file = dir.resolve("p.csv");
    AtomicFile.writeString(file, "previous");
    try (PendingFile pending = PendingFile.open(file)) {
      pending.stream().write("next".getBytes(StandardCharsets.UTF_8));
      pending.stream().flush();
      assertThat(file).hasContent("previous");
      pending.commit();
    }
    assertThat(file).hasContent("next");
  }

  @Test
  void committingTwiceIsRefused() {
    PendingFile pending = PendingFile.open(dir.resolve("x"));
    pending.commit();
    assertThatThrownBy(pending::commit).isInstanceOf(IllegalStateException.class);
  }
}

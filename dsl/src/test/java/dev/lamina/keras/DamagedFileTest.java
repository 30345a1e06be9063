package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A damaged copy of a model file is refused (exit 3, one line), never imported: cut short at 20
 * places spread over the file (the case is a legacy .h5 cut inside optimizer_weights,
 * whose model weights are all still readable), or a zip whose directory disagrees with its entries.
 */
class DamagedFileTest {
  private static final int CUTS = 20;

  @TempDir
  Path dir;

  static Stream<Path> everyFixture() {
    return Stream.concat(KerasFixturesTest.files().map(KerasFixturesTest::fixture),
        Stream.of(RealKerasFiles.archive(), RealKerasFiles.legacy()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyFixture")
  void aCopyCutShortAtAnyOfTwentyPlacesIsRefusedInOneLine(Path file) throws Exception {
    byte[] all = Files.readAllBytes(file);
    assertThat(KerasCliTest.run("import", file.toString(), "--out", dir.resolve("whole").toString()).code()).isZero();
    for (int i = 1; i <= CUTS; i++) {
      int cut = (int) ((long) all.length * i / (CUTS + 1));
      Path copy = dir.resolve("cut_" + i + "_" + file.getFileName());
      Files.write(copy, Arrays.copyOf(all, cut));
      KerasCliTest.Run r = KerasCliTest.run("import", copy.toString(), "--out", dir.resolve("out_" + i).toString());
      assertThat(r.code()).as("%s cut at %d of %d bytes: %s", file.getFileName(), cut, all.length, r.out()).isEqualTo(3);
      assertThat(r.err().strip()).as("one line").startsWith("error: ").doesNotContain("\n");
      assertThat(Files.exists(dir.resolve("out_" + i).resolve("model.yaml"))).isFalse();
    }
  }

  @Test
  void aLegacyFileCutInsideItsOptimizerWeightsIsRefusedAsH5pyRefusesIt() throws Exception {
    byte[] all = Files.readAllBytes(RealKerasFiles.legacy());
    Path copy = dir.resolve("cut.h5");
    Files.write(copy, Arrays.copyOf(all, all.length - 2000));
    KerasCliTest.Run r = KerasCliTest.run("import", copy.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("its HDF5 data is damaged: the file is truncated: its superblock says it ends at byte "
        + all.length + ", but it has " + (all.length - 2000) + " bytes");
  }

  @Test
  void aZipWhoseDirectoryNamesAnotherEntryThanTheHeaderIsRefused() throws Exception {
    byte[] all = Files.readAllBytes(RealKerasFiles.archive());
    byte[] name = "config.json".getBytes(StandardCharsets.US_ASCII);
    int local = indexOf(all, name, 0);
    all[local] = 'k'; // the local header now says "konfig.json"; the central directory still says config.json
    Path copy = dir.resolve("renamed.keras");
    Files.write(copy, all);
    KerasCliTest.Run r = KerasCliTest.run("import", copy.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("is damaged: the entry at byte").contains("is not the 'config.json' the directory"
        + " names there");
  }

  @Test
  void aZipEntryWhoseBytesDoNotMatchTheirCrcIsRefused() throws Exception {
    byte[] all = Files.readAllBytes(RealKerasFiles.archive());
    int at = indexOf(all, "\"class_name\"".getBytes(StandardCharsets.US_ASCII), 0);
    if (at < 0) {
      // config.json is deflated: damage a byte in the middle of the weights entry's data instead
      at = all.length / 2;
    }
    all[at] ^= 0x20;
    Path copy = dir.resolve("flipped.keras");
    Files.write(copy, all);
    KerasCliTest.Run r = KerasCliTest.run("import", copy.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err().strip()).startsWith("error: ").doesNotContain("\n");
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

package dev.lamina.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.random.Rng;
import dev.lamina.train.TrainingState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint reads back bit for bit (NaN, -0.0 and subnormals included), and a forged count
 * whose checksum was recomputed is refused before anything is allocated.
 */
class CheckpointFileTest {
  @TempDir
  Path dir;

  private static TrainingState state() {
    Map<String, Double> row = new LinkedHashMap<>();
    row.put("loss", 0.25);
    row.put("val_loss", Double.NaN);
    return new TrainingState(1, 42L, new double[][] {{-0.0, Double.MIN_VALUE, 1e308}, {3}},
        new double[][] {{1, 2, 3}}, 17L, 0.001, new Rng.State(5L, 0.5, true), new int[] {2, 0, 1},
        List.of(new Rng.State(9L, 0, false)), List.of(Map.of("counters", new double[] {1, 2, Double.POSITIVE_INFINITY})),
        List.of(row));
  }

  @Test
  void aCheckpointReadsBackBitForBit() {
    Path f = dir.resolve(CheckpointFile.NAME);
    CheckpointFile.write(f, "fp", state());
    CheckpointFile.Checkpoint back = CheckpointFile.read(f);
    TrainingState s = back.state();
    assertThat(back.fingerprint()).isEqualTo("fp");
    assertThat(Double.doubleToRawLongBits(s.weights()[0][0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(s.weights()[0][1]).isEqualTo(Double.MIN_VALUE);
    assertThat(s.optimizerSlots()[0]).containsExactly(1, 2, 3);
    assertThat(s.iterations()).isEqualTo(17);
    assertThat(s.shuffle()).isEqualTo(new Rng.State(5L, 0.5, true));
    assertThat(s.order()).containsExactly(2, 0, 1);
    assertThat(s.callbacks().get(0).get("counters")).containsExactly(1, 2, Double.POSITIVE_INFINITY);
    assertThat(s.history().get(0)).containsEntry("loss", 0.25).containsKey("val_loss");
    assertThat(s.history().get(0).get("val_loss")).isNaN();
  }

  @Test
  void aForgedCountWithAValidChecksumIsRefused() throws Exception {
    Path f = dir.resolve(CheckpointFile.NAME);
    CheckpointFile.write(f, "fp", state());
    byte[] b = Files.readAllBytes(f);
    byte[] body = Arrays.copyOf(b, b.length - 32);
    // The order array's length follows magic, version, fingerprint, counters and the shuffle state.
    int at = 12 + 4 + 2 + 2 + 4 + 8 + 8 + 8 + 17;
    assertThat(ByteBuffer.wrap(body, at, 4).getInt()).isEqualTo(3);
    ByteBuffer.wrap(body, at, 4).putInt(Integer.MAX_VALUE);
    byte[] forged = Arrays.copyOf(body, b.length);
    System.arraycopy(MessageDigest.getInstance("SHA-256").digest(body), 0, forged, body.length, 32);
    Files.write(f, forged);
    assertThatThrownBy(() -> CheckpointFile.read(f)).isInstanceOf(ModelFileException.class)
        .hasMessageStartingWith("checkpoint file " + f + " is corrupt (inconsistent contents: a count of 2147483647"
            + " does not fit in the");
  }

  @Test
  void aTruncatedCheckpointIsAChecksumMismatch() throws IOException {
    Path f = dir.resolve(CheckpointFile.NAME);
    CheckpointFile.write(f, "fp", state());
    byte[] b = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(b, b.length - 40));
    assertThatThrownBy(() -> CheckpointFile.read(f)).hasMessage("checkpoint file " + f + " is corrupt (checksum mismatch)");
  }
}

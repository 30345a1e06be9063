package dev.lamina.persist;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the model-file reader: any bytes are read into a model or refused with a
 * {@link ModelFileException} - never another exception or an out-of-memory from a forged length.
 * When the first byte is 0x01, the rest is taken as a file body and given a valid checksum, so the
 * fuzzer reaches the structural checks behind the SHA-256 (a forger can always recompute it).
 * Inputs: {@code ModelFileFuzzTestInputs/read/}.
 */
class ModelFileFuzzTest {
  private static final byte FORGE = 1;
  private static final Path FILE = file();

  private static Path file() {
    try {
      Path f = Files.createTempFile("lamina-fuzz", ".lamina");
      f.toFile().deleteOnExit();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "5m")
  void read(byte[] input) throws IOException {
    byte[] bytes = input;
    if (input.length > 0 && input[0] == FORGE) {
      bytes = GoodModel.withChecksum(new String(input, 1, input.length - 1, StandardCharsets.UTF_8));
    }
    Files.write(FILE, bytes);
    try {
      ModelFile.read(FILE);
    } catch (ModelFileException expected) {
      // refused with a message
    }
  }
}

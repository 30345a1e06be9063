package dev.lamina.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.cli.ExitCode;
import dev.lamina.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model file is validated before use: a truncated or altered file is refused by its checksum with
 * one exact message and exit code 3; a forged file whose checksum was recomputed is refused by the
 * structural checks (format, version, network size, tensor names, shapes and lengths, pipeline
 * width), never by an ArrayIndexOutOfBoundsException or an OutOfMemoryError.
 */
class ModelFileSafetyTest {
  @TempDir
  static Path dir;
  static Path good;
  static byte[] bytes;
  static String body;

  @BeforeAll
  static void train() throws IOException {
    good = GoodModel.train(dir.resolve("run"));
    bytes = Files.readAllBytes(good);
    body = GoodModel.body(good);
  }

  @ParameterizedTest(name = "byte {0} of 10 flipped")
  @ValueSource(ints = {1, 3, 5, 7, 9})
  void anAlteredByteIsAChecksumMismatch(int tenth) throws IOException {
    byte[] b = bytes.clone();
    int at = (int) ((long) (b.length - 80) * tenth / 10);
    b[at] ^= 0x20;
    Path f = write("altered.lamina", b);
    assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
        .hasMessage("model file " + f + " is corrupt (checksum mismatch)");
  }

  @ParameterizedTest(name = "cut to {0}%")
  @ValueSource(ints = {1, 10, 50, 90, 95})
  void aTruncatedFileHasNoChecksum(int percent) throws IOException {
    Path f = write("truncated.lamina", java.util.Arrays.copyOf(bytes, (int) ((long) bytes.length * percent / 100)));
    assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
        .hasMessage("model file " + f + " is corrupt (checksum missing: truncated or not a Lamina model)");
  }

  @Test
  void anAlteredFirstByteOrNothingAtAllIsNotAModel() throws IOException {
    byte[] b = bytes.clone();
    b[0] ^= 0x20;
    Path altered = write("altered.lamina", b);
    assertThatThrownBy(() -> ModelFile.read(altered)).isInstanceOf(ModelFileException.class)
        .hasMessage("model file " + altered + " is not a Lamina model: a Lamina model is a JSON document starting with"
            + " '{', and this file does not start like one");
    Path empty = write("empty.lamina", new byte[0]);
    assertThatThrownBy(() -> ModelFile.read(empty)).isInstanceOf(ModelFileException.class)
        .hasMessage("model file " + empty + " is not a Lamina model: the file is empty");
  }

  @Test
  void aFileCutInsideItsChecksumIsAMismatch() throws IOException {
    Path f = write("cut.lamina", java.util.Arrays.copyOf(bytes, bytes.length - 10));
    assertThatThrownBy(() -> ModelFile.read(f)).hasMessage("model file " + f + " is corrupt (checksum mismatch)");
  }

  @Test
  void predictOnAnAlteredFileExitsWith3AndOneLine() throws IOException {
    byte[] b = bytes.clone();
    b[b.length / 2] ^= 0x01;
    Path f = write("altered.lamina", b);
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"predict", f.toString(), Path.of("src/test/resources/bad/good.csv").toString(),
        "--out", dir.resolve("p.csv").toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(code).isEqualTo(ExitCode.DATA);
    assertThat(err.toString()).isEqualTo("error: model file " + f + " is corrupt (checksum mismatch)" + System.lineSeparator());
  }

  static Stream<Arguments> forgeries() {
    return Stream.of(
        Arguments.of("a kernel shape that does not match the spec", "\"shape\" : [ 4, 4 ]", "\"shape\" : [ 5000, 4000 ]",
            "tensor dense/kernel has shape [5000,4000], its spec needs [4, 4]"),
        Arguments.of("a shape of 2^31 - 1", "\"shape\" : [ 4, 4 ]", "\"shape\" : [ 2147483647, 2147483647 ]",
            "tensor dense/kernel has shape [2147483647,2147483647], its spec needs [4, 4]"),
        Arguments.of("a negative shape", "\"shape\" : [ 4 ]", "\"shape\" : [ -4 ]",
            "tensor dense/bias has shape [-4], its spec needs [4]"),
        Arguments.of("a network of billions of parameters", "units: 4", "units: 2000000000",
            "its network would have more than 50000000 parameters"),
        Arguments.of("a huge input width", "input_dim: 4", "input_dim: 2147483647",
            "its network would have more than 50000000 parameters"),
        Arguments.of("another format version", "\"version\" : 1", "\"version\" : 99",
            null),
        Arguments.of("another format", "\"format\" : \"lamina-model\"", "\"format\" : \"pickle\"",
            null),
        Arguments.of("a tensor renamed", "\"name\" : \"dense/bias\"", "\"name\" : \"dense/evil\"",
            "tensor 1 is 'dense/evil', expected 'dense/bias'"),
        Arguments.of("a non-finite threshold", "\"threshold\" : 0.5", "\"threshold\" : 7.5",
            "threshold 7.5 is outside (0, 1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void aForgedFileWithAValidChecksumIsRefusedByTheStructuralChecks(String what, String from, String to, String why)
      throws IOException {
    assertThat(body).contains(from);
    Path f = write("forged.lamina", GoodModel.withChecksum(body.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to))));
    var thrown = assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
        .hasMessageStartingWith("model file " + f);
    if (why != null) {
      thrown.hasMessage("model file " + f + " is corrupt (" + why + ")");
    }
  }

  @Test
  void aTensorWithTooFewValuesIsRefused() throws IOException {
    int at = body.indexOf("\"data\" : \"") + 10;
    String forged = body.substring(0, at) + "AAAAAAAAAAA=" + body.substring(body.indexOf('"', at));
    Path f = write("short.lamina", GoodModel.withChecksum(forged));
    assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
        .hasMessage("model file " + f + " is corrupt (tensor dense/kernel holds 1 values, its shape needs 16)");
  }

  @Test
  void aPipelineOfAnotherWidthIsRefused() throws IOException {
    String forged = body.replace("\"drop_first\" : true", "\"drop_first\" : false");
    assertThat(forged).isNotEqualTo(body);
    Path f = write("pipeline.lamina", GoodModel.withChecksum(forged));
    assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
        .hasMessageStartingWith("model file " + f + " is corrupt (its data pipeline is invalid");
  }

  private static Path write(String name, byte[] b) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, b);
    return f;
  }
}

package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The errors users will make, each with one clear line on stderr, its exit code, and
 * file:line:column for spec problems. Each case edits the bundled example spec.
 */
class BadInputCliTest {
  @TempDir
  Path dir;

  private Path spec(String from, String to) throws IOException {
    String text = Files.readString(CliFixture.root().resolve("examples/churn/model.yaml"))
        .replace("../../data/churn.csv", CliFixture.root().resolve("data/churn.csv").toString().replace('\\', '/'));
    if (!text.contains(from)) {
      throw new IllegalArgumentException("fixture text not found: " + from);
    }
    Path p = dir.resolve("model.yaml");
    Files.writeString(p, text.replace(from, to));
    return p;
  }

  static Stream<Arguments> specErrors() {
    return Stream.of(
        Arguments.of("unknown key with did-you-mean", "epochs: 100", "epochz: 100", ":21:3:", "Did you mean epochs"),
        Arguments.of("wrong type", "units: 6, activation: relu, kernel_initializer: he_uniform, input_dim",
            "units: six, activation: relu, kernel_initializer: he_uniform, input_dim", ":13:20:", "six"),
        Arguments.of("value out of range", "validation_split: 0.33", "validation_split: 1.5", ":23:21:", "validation_split"),
        Arguments.of("unknown activation", "activation: relu, kernel_initializer: he_uniform, input_dim",
            "activation: rleu, kernel_initializer: he_uniform, input_dim", ":13:35:", "Did you mean relu"),
        Arguments.of("unknown initializer", "kernel_initializer: glorot_uniform}", "kernel_initializer: glorot_unifrom}",
            ":15:64:", "Did you mean glorot_uniform"),
        Arguments.of("missing section", "compile:\n  optimizer: adam\n  loss: binary_crossentropy\n  metrics: [accuracy]\n", "",
            "model.yaml", "compile"),
        Arguments.of("yaml syntax error", "layers:\n", "layers: [\n", "model.yaml:13:3:", "YAML syntax error"),
        Arguments.of("input_dim that disagrees with the data", "input_dim: 11", "input_dim: 12", ":13:84:",
            "CreditScore, Geography_Germany"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specErrors")
  void specErrorsGiveOneLocatedLineAndExitCodeTwo(String label, String from, String to, String where, String hint)
      throws IOException {
    Path p = spec(from, to);
    CliFixture.Result r = CliFixture.run(p.toString(), "--quiet", "--out", dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("error: ").contains(where).contains(hint).doesNotContain("\tat ");
  }

  @Test
  void aMissingCsvIsNamedWithExitCodeThree() throws IOException {
    Path p = spec(CliFixture.root().resolve("data/churn.csv").toString().replace('\\', '/'), "nowhere/churn.csv");
    CliFixture.Result r = CliFixture.run(p.toString(), "--quiet");
    assertThat(r.code()).isEqualTo(ExitCode.DATA);
    assertThat(r.err()).contains("churn.csv").contains("not found");
  }

  @Test
  void aTargetNotInTheCsvListsTheColumnsWithADidYouMean() throws IOException {
    Path p = spec("target: Exited", "target: Exitted");
    CliFixture.Result r = CliFixture.run(p.toString(), "--quiet");
    assertThat(r.code()).isEqualTo(ExitCode.DATA);
    assertThat(r.err()).contains("'Exitted'").contains("Did you mean Exited");
  }

  @Test
  void raggedRowsAndTextInNumericColumnsNameRowAndColumn() throws IOException {
    Path csv = dir.resolve("bad.csv");
    var lines = new java.util.ArrayList<>(Files.readAllLines(CliFixture.root().resolve("data/churn.csv")).subList(0, 50));
    lines.set(7, lines.get(7).replaceFirst(",\\d+,(France|Germany|Spain)", ",abc,$1"));
    Files.write(csv, lines);
    CliFixture.Result text = CliFixture.run(spec("target: Exited", "target: Exited").toString(), "--data", csv.toString(), "--quiet");
    assertThat(text.code()).isEqualTo(ExitCode.DATA);
    assertThat(text.err()).contains("row 7").contains("CreditScore").contains("abc");

    lines = new java.util.ArrayList<>(Files.readAllLines(CliFixture.root().resolve("data/churn.csv")).subList(0, 50));
    lines.set(3, lines.get(3) + ",42");
    Files.write(csv, lines);
    CliFixture.Result ragged = CliFixture.run(dir.resolve("model.yaml").toString(), "--data", csv.toString(), "--quiet");
    assertThat(ragged.code()).isEqualTo(ExitCode.DATA);
    assertThat(ragged.err()).contains("row 3").contains("15 fields");
  }

  @Test
  void aMissingSpecFileIsAUsageError() {
    CliFixture.Result r = CliFixture.run(dir.resolve("none.yaml").toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("none.yaml");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    CliFixture.Result r = CliFixture.run("--bogus");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void debugPrintsTheStackTrace() throws IOException {
    Path p = spec("target: Exited", "target: Exitted");
    CliFixture.Result r = CliFixture.run(p.toString(), "--quiet", "--debug");
    assertThat(r.err()).contains("\tat ");
  }
}

package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.cli.ExitCode;
import dev.lamina.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The Spark entry points read their options from the command line's own declarations and report
 * errors as {@code builder.jar} does: one line, the exit codes of {@link ExitCode}, no stack
 * trace without {@code --debug}.
 */
@Tag("spark")
class SparkCommandsTest {
  @TempDir
  Path dir;

  private record Run(int code, String err) {}

  private static Run run(Object command, String... args) {
    StringWriter err = new StringWriter();
    int code = Main.executeCommand(command, args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    return new Run(code, err.toString());
  }

  private static Set<String> options(Object command) {
    return new CommandLine(command).getCommandSpec().options().stream().map(OptionSpec::longestName)
        .collect(Collectors.toSet());
  }

  @Test
  void sparkTuneTakesTheOptionsOfTheTuneCommand() {
    assertThat(options(new SparkTune())).contains("--out", "--data", "--epochs", "--resume", "--quiet", "--force",
        "--debug", "--master");
  }

  @Test
  void sparkSweepTakesTheOptionsOfTheSweepCommand() {
    assertThat(options(new SparkSweep())).contains("--out", "--data", "--epochs", "--seeds", "--quiet", "--force",
        "--debug", "--master");
  }

  @Test
  void aBadFlagIsExitCode2InOneLine() {
    Run r = run(new SparkTune(), "spec.yaml", "--seeds", "3");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().lines().toList()).hasSize(1).first().asString().startsWith("error: Unknown options: '--seeds'").endsWith("(run with --help for usage)");
  }

  @Test
  void aSpecErrorIsExitCode2WithItsLocationAndADamagedModelFileIsExitCode3() throws Exception {
    Path spec = TestSpark.writeSpec(dir, "tune", "space:\n  layers[9].units: [4, 8]", 1);
    Run tune = run(new SparkTune(), spec.toString(), "--master", "local[1]", "--out", dir.resolve("t").toString());
    assertThat(tune.code()).as(tune.err()).isEqualTo(ExitCode.USAGE);
    assertThat(tune.err().lines().toList()).hasSize(1).first().asString().startsWith("error: " + spec)
        .contains("layers[9]");
    Path model = dir.resolve("model.lamina");
    Files.writeString(model, "not a model");
    Run predict = run(new SparkPredict(), model.toString(), TestSpark.CHURN.toString(), "--master", "local[1]", "--out",
        dir.resolve("p").toString());
    assertThat(predict.code()).as(predict.err()).isEqualTo(ExitCode.DATA);
    assertThat(predict.err().lines().toList()).hasSize(1).first().asString().startsWith("error: ")
        .doesNotContain("Exception");
    assertThat(List.of(tune.err(), predict.err())).noneMatch(e -> e.contains("\tat "));
  }
}

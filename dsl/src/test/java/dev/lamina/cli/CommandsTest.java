package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Every command of the one registration ({@link Main#COMMANDS}), checked the same way. */
class CommandsTest {
  private static final String SPEC = CliFixture.root().resolve("examples/churn/model.yaml").toString();

  /** The registered commands' names, from the registration itself. */
  static Stream<String> commands() {
    return Main.COMMANDS.stream().map(c -> c.getAnnotation(Command.class).name());
  }

  private static CommandLine command(String name) {
    return Main.commandLine().getSubcommands().get(name);
  }

  @Test
  void theCommandLineIsBuiltFromTheRegistrationAlone() {
    assertThat(Main.commandLine().getSubcommands().keySet()).containsExactlyInAnyOrderElementsOf(Main.names());
    assertThat(Main.names()).hasSize(Main.COMMANDS.size()).contains("train", "predict");
  }

  /** {@link Main#isCommand} skips reading the names for anything that is not a lowercase word. */
  @Test
  void commandNamesAreLowercaseWordsSoASpecPathIsNeverOne() {
    assertThat(Main.names()).allMatch(n -> n.matches("[a-z]+"));
    assertThat(Main.names()).allMatch(Main::isCommand);
    assertThat(Main.isCommand("examples/churn/model.yaml")).isFalse();
    assertThat(Main.isCommand("train.yaml")).isFalse();
    assertThat(Main.isCommand("Train")).isFalse();
    assertThat(Main.isCommand("model")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandHasHelpWithExamples(String command) {
    CliFixture.Result r = CliFixture.run(command, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage:").contains("Example");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandSharesTheDebugOption(String command) {
    CommandLine.Model.OptionSpec debug = command(command).getCommandSpec().findOption(DebugOption.NAME);
    assertThat(debug).as(command).isNotNull();
    assertThat(debug.description()).containsExactly("print stack traces of errors");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandThatWritesFilesHasForce(String command) {
    CommandLine.Model.CommandSpec spec = command(command).getCommandSpec();
    // docs regenerates the project's own documents in place: they are Lamina's files by definition.
    if (spec.findOption("--out") != null && !command.equals("docs")) {
      assertThat(spec.findOption("--force")).as(command).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"m.yaml", "m.yaml --quiet", "m.yaml --out /tmp/run --quiet", "dir/m.yaml --data d.csv --epochs 5",
      "m.yaml --seed 7 --epochs 3 --debug", "m.yaml --checkpoint-every 5 --out o --force", "m.yaml --resume o",
      "m.yaml --out=o --seed -3"})
  void aSpecFirstIsReadAsTheTrainCommand(String line) {
    String[] args = line.split(" ");
    TrainCommand implied = new TrainCommand();
    new CommandLine(implied).parseArgs(args);
    String[] withCommand = Stream.concat(Stream.of("train"), Arrays.stream(args)).toArray(String[]::new);
    CommandLine.ParseResult r = Main.commandLine().parseArgs(withCommand);
    assertThat(fields(implied)).isEqualTo(fields((TrainCommand) r.subcommand().commandSpec().userObject()));
  }

  private static List<Object> fields(TrainCommand c) {
    return Arrays.asList(c.specFile, c.out, c.training.data(), c.training.epochs(), c.seed, c.checkpointEvery, c.resume,
        c.quiet, c.force.force, c.debug.debug);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--epochs 0|--epochs must be a number of epochs >= 1, got 0",
      "--epochs -2|--epochs must be a number of epochs >= 1, got -2",
      "--checkpoint-every 0|--checkpoint-every must be a number of epochs >= 1, got 0; leave --checkpoint-every out"})
  void countsBelowOneAreRefusedNamingTheFlag(String caseLine) {
    String[] c = caseLine.split("\\|");
    String[] flag = c[0].split(" ");
    CliFixture.Result r = CliFixture.run(SPEC, flag[0], flag[1], "--out", Path.of("target", "never").toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("error: " + c[1]);
  }

  @Test
  void sweepSeedsAndThreadsBelowOneAreRefusedNamingTheFlag() {
    CliFixture.Result seeds = CliFixture.run("sweep", SPEC, "--seeds", "0");
    assertThat(seeds.code()).isEqualTo(ExitCode.USAGE);
    assertThat(seeds.err()).startsWith("error: --seeds must be a number of repeats per cell >= 1, got 0");
    CliFixture.Result threads = CliFixture.run("sweep", SPEC, "--threads", "0");
    assertThat(threads.code()).isEqualTo(ExitCode.USAGE);
    assertThat(threads.err()).startsWith("error: --threads must be a number of threads >= 1, got 0");
  }

  @Test
  void topLevelHelpDocumentsTheExitCodes() {
    CliFixture.Result r = CliFixture.run("--help");
    assertThat(r.out()).contains("Exit codes:").contains("2  invalid spec").contains("3  invalid data");
  }

  @Test
  void summaryPrintsLayersFansAndTargetStd() {
    CliFixture.Result r = CliFixture.run("summary", SPEC);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("dense (Dense)").contains("he_uniform").contains("0.4264").contains("Total params: 121");
  }

  @Test
  void validateAcceptsTheExample() {
    CliFixture.Result r = CliFixture.run("validate", SPEC);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("valid");
  }
}

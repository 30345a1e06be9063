package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@link QuickTrain} reads a command line exactly as picocli does, or leaves it to picocli. */
class QuickTrainTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"m.yaml", "m.yaml --quiet", "m.yaml --out /tmp/run --quiet", "dir/m.yaml --data d.csv --epochs 5",
      "m.yaml --seed 7 --epochs 3 --debug", "m.yaml --checkpoint-every 5 --out o", "m.yaml --resume o --force",
      "m.yaml --seed 123456789012345678", "m.yaml --epochs 999999999"})
  void takesWhatPicocliReadsTheSameWay(String line) {
    String[] args = line.split(" ");
    TrainCommand quick = QuickTrain.parse(args);
    assertThat(quick).isNotNull();
    assertThat(fields(quick)).isEqualTo(fields(picocli(args)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"m.yaml --help", "m.yaml -h", "m.yaml --version", "m.yaml --out=o", "m.yaml --quiet --quiet",
      "m.yaml --epochs -1", "m.yaml --epochs 0", "m.yaml --checkpoint-every 0", "m.yaml --epochs 007",
      "m.yaml --epochs 0x10", "m.yaml --epochs 9999999999", "m.yaml --seed -3", "m.yaml --seed 1234567890123456789",
      "m.yaml --out", "m.yaml --out --quiet", "m.yaml other.yaml", "m.yaml --bogus", "@args.txt", "m.yaml --data @list",
      "m.yaml --quiet=true", "m.yaml -- --quiet", "m.yaml --out o --out p"})
  void leavesEverythingElseToPicocli(String line) {
    assertThat(QuickTrain.parse(line.split(" "))).isNull();
  }

  private static TrainCommand picocli(String[] args) {
    String[] withCommand = Stream.concat(Stream.of("train"), Arrays.stream(args)).toArray(String[]::new);
    CommandLine.ParseResult r = Main.commandLine().parseArgs(withCommand);
    return (TrainCommand) r.subcommand().commandSpec().userObject();
  }

  private static List<Object> fields(TrainCommand c) {
    return Arrays.asList(c.specFile, c.out, c.training.data(), c.training.epochs(), c.seed, c.checkpointEvery, c.resume,
        c.quiet, c.force.force, c.debug.debug);
  }
}

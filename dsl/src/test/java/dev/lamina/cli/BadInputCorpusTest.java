package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.persist.GoodModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code src/test/resources/bad/} (specs, CSVs, rows to score, model files) gives the
 * exact one-line message and exit code that {@code expected.tsv} lists for it, with nothing else on
 * stderr and no stack trace. The actual results are also written to
 * {@code target/bad-actual.tsv}, to review a change of wording.
 */
class BadInputCorpusTest {
  private static final Path BAD = Path.of("src", "test", "resources", "bad").toAbsolutePath();
  private static final Map<String, String> ACTUAL = new LinkedHashMap<>();

  @TempDir
  static Path tmp;
  static Path model;

  @BeforeAll
  static void trainTheGoodModel() {
    model = GoodModel.train(tmp.resolve("good-run"));
  }

  @AfterAll
  static void writeActual() throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(Path.of("target", "bad-actual.tsv"))) {
      w.write("input\texit\tmessage\n");
      for (String line : ACTUAL.values()) {
        w.write(line + "\n");
      }
    }
  }

  static Stream<Arguments> corpus() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (String line : Files.readAllLines(BAD.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("input\t")) {
        continue;
      }
      String[] f = line.split("\t", 3);
      cases.add(Arguments.of(f[0], Integer.parseInt(f[1]), f[2]));
    }
    return cases.stream();
  }

  @Test
  void theCorpusHasAtLeastSixtyInputsAndEachIsListed() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.walk(BAD)) {
      files = s.filter(Files::isRegularFile).map(p -> BAD.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.contains("/")).sorted().toList();
    }
    List<String> listed = corpus().map(a -> (String) a.get()[0]).sorted().toList();
    assertThat(listed).isEqualTo(files);
    assertThat(listed).hasSizeGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachBadInputGivesItsOneLineMessageAndExitCode(String input, int exit, String message) {
    Path out = tmp.resolve("out-" + input.replace('/', '-'));
    Result r = run(args(input, out));
    ACTUAL.put(input, input + "\t" + r.code + "\t" + placeholders(r.err.strip(), out));
    assertOneLine(r);
    assertThat(r.err).isEqualTo(expand(message, out) + System.lineSeparator());
    assertThat(r.code).isEqualTo(exit);
  }

  /** The spec classes that need no data: {@code validate} refuses them with the same line as training. */
  static Stream<Arguments> checkedWithoutData() throws IOException {
    return corpus().filter(a -> ((String) a.get()[0]).matches("spec/(name|checkpoint|network|target|callback)-.*"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkedWithoutData")
  void validateRefusesWhatTrainingWouldRefuse(String input, int exit, String message) {
    Path out = tmp.resolve("validate-" + input.replace('/', '-'));
    Result r = run(new String[] {"validate", BAD.resolve(input).toString()});
    assertOneLine(r);
    assertThat(r.err).isEqualTo(expand(message, out) + System.lineSeparator());
    assertThat(r.code).isEqualTo(exit);
  }

  @Test
  void aHundredMegabyteLineIsRefusedInOneLine() throws IOException {
    Path csv = tmp.resolve("long-line.csv");
    try (OutputStream o = Files.newOutputStream(csv)) {
      o.write("age,income,color,label\n30,2000,red,1\n".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) '7');
      for (int i = 0; i < 100; i++) {
        o.write(chunk);
      }
      o.write(",2000,red,1\n".getBytes(StandardCharsets.US_ASCII));
    }
    Result r = run(new String[] {"train", BAD.resolve("good.yaml").toString(), "--data", csv.toString(),
        "--out", tmp.resolve("long").toString(), "--quiet"});
    ACTUAL.put("generated/long-line.csv", "generated/long-line.csv\t" + r.code + "\t" + r.err.strip());
    assertOneLine(r);
    assertThat(r.code).isEqualTo(ExitCode.DATA);
    assertThat(r.err).isEqualTo("error: " + csv + " line 3: a cell is longer than 1000000 characters, the most one CSV"
        + " value may hold; check that this is a CSV file with one row per line, and that no quote is left open"
        + System.lineSeparator());
  }

  private static String[] args(String input, Path out) {
    String file = BAD.resolve(input).toString();
    String kind = input.substring(0, input.indexOf('/'));
    return switch (kind) {
      case "cli" -> commandLine(BAD.resolve(input), out);
      case "spec" -> new String[] {"train", file, "--out", out.toString(), "--quiet"};
      case "csv" -> new String[] {"train", BAD.resolve("good.yaml").toString(), "--data", file, "--out", out.toString(), "--quiet"};
      case "predict" -> new String[] {"predict", model.toString(), file, "--out", out.resolve("p.csv").toString()};
      case "model" -> new String[] {"predict", file, BAD.resolve("good.csv").toString(), "--out", out.resolve("p.csv").toString()};
      default -> throw new IllegalArgumentException("unknown corpus folder " + kind);
    };
  }

  /** A {@code cli/*.args} file: the command line, one argument a line, with the placeholders of expected.tsv. */
  private static String[] commandLine(Path argsFile, Path out) {
    try {
      return Files.readAllLines(argsFile, StandardCharsets.UTF_8).stream().map(a -> expand(a, out)).toArray(String[]::new);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String expand(String message, Path out) {
    return message.replace("{bad}", BAD.toString()).replace("{out}", out.toString()).replace("{model}", model.toString());
  }

  private static String placeholders(String message, Path out) {
    return message.replace(model.toString(), "{model}").replace(out.toString(), "{out}").replace(BAD.toString(), "{bad}");
  }

  private static void assertOneLine(Result r) {
    assertThat(r.err).startsWith("error: ").endsWith(System.lineSeparator());
    assertThat(r.err.strip().lines().count()).as("lines on stderr: %s", r.err).isEqualTo(1);
    assertThat(r.err).doesNotContain("\tat ", "Exception", "unexpected error");
  }

  private record Result(int code, String err) {}

  private static Result run(String[] args) {
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    return new Result(code, err.toString());
  }
}

package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code java -jar builder.jar ...} line in a fenced {@code sh} block of the README or docs
 * runs in-process and exits 0, so none of them rots. Paths are the repository's; training is cut
 * to one epoch (and sweeps to one seed; a search to one rung of one epoch) and outputs go to a temporary folder; a run folder under
 * {@code runs/} is first produced by training its spec.
 */
class DocumentedCommandsTest {
  static final Path ROOT = Path.of("..");
  static final String JAR = "java -jar builder.jar";

  @TempDir
  Path tmp;

  static Stream<String> documentedCommands() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<String> commands = new ArrayList<>();
    for (Path f : files) {
      boolean inSh = false;
      for (String line : Files.readAllLines(f)) {
        if (line.startsWith("```")) {
          inSh = !inSh && line.equals("```sh");
          continue;
        }
        int at = line.indexOf(JAR);
        if (inSh && at >= 0) {
          String rest = line.substring(at + JAR.length()).split("&&|\\||>")[0].trim();
          commands.add(f.getFileName() + ": " + rest);
        }
      }
    }
    assertThat(commands).isNotEmpty();
    return commands.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedCommands")
  void documentedCommandRunsAndExitsZero(String documented) {
    String[] args = documented.substring(documented.indexOf(": ") + 2).split("\\s+");
    String[] effective = rewrite(args);
    StringWriter err = new StringWriter();
    int code = Main.execute(effective, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as("%s (ran as %s): %s", documented, Arrays.toString(effective), err).isZero();
  }

  private String[] rewrite(String[] args) {
    List<String> out = new ArrayList<>();
    boolean trains = args[0].endsWith(".yaml") || args[0].equals("train") || args[0].equals("sweep")
        || args[0].equals("tune");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--out") && i + 1 < args.length) {
        out.add(a);
        out.add(tmp.resolve("out-" + Path.of(args[++i]).getFileName()).toString());
      } else if ((a.equals("--epochs") || a.equals("--seeds")) && i + 1 < args.length) {
        i++;
      } else if (a.contains("/runs/")) {
        out.add(trainedRun(specOf(a)).toString());
      } else if (!a.startsWith("-") && Files.exists(ROOT.resolve(a))) {
        out.add(ROOT.resolve(a).toString());
      } else {
        out.add(a);
      }
    }
    if (trains) {
      out.addAll(List.of("--epochs", "1"));
      if (!out.contains("--quiet")) {
        out.add("--quiet");
      }
      if (!out.contains("--out")) {
        out.addAll(List.of("--out", tmp.resolve("run").toString()));
      }
      if (args[0].equals("sweep")) {
        out.addAll(List.of("--seeds", "1"));
      }
    }
    return out.toArray(String[]::new);
  }

  /**
   * The spec that makes the run folder {@code examples/churn/runs/churn-multi-label}: the spec of
   * that folder whose {@code name:} is the run's name, else its {@code model.yaml}.
   */
  private static String specOf(String runFolder) {
    String folder = runFolder.substring(0, runFolder.indexOf("/runs/"));
    String name = Path.of(runFolder).getFileName().toString();
    try (Stream<Path> specs = Files.list(ROOT.resolve(folder))) {
      for (Path spec : specs.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        if (Files.readAllLines(spec).contains("name: " + name)) {
          return folder + "/" + spec.getFileName();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder + "/model.yaml";
  }

  private Path trainedRun(String spec) {
    Path run = tmp.resolve("trained");
    int code = Main.execute(new String[] {ROOT.resolve(spec).toString(), "--epochs", "1", "--quiet", "--out",
        run.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    return run;
  }
}

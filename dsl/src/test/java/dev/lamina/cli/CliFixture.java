package dev.lamina.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the command line in-process and captures its output. */
final class CliFixture {
  record Result(int code, String out, String err) {}

  private CliFixture() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** The repository root (surefire sets lamina.root). */
  static Path root() {
    String p = System.getProperty("lamina.root");
    return p != null ? Path.of(p) : Path.of("..").toAbsolutePath().normalize();
  }

  static Path shared() {
    String p = System.getProperty("lamina.shared");
    return p != null ? Path.of(p) : root().resolve("../shared").normalize();
  }

  /** The lines of a run folder's metrics.json but the one with train_seconds (which differs run to run). */
  static List<String> metricsWithoutTime(Path run) throws IOException {
    return Files.readAllLines(run.resolve("metrics.json")).stream().filter(l -> !l.contains("train_seconds")).toList();
  }
}

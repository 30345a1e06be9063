package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler directives of {@link OneShotCompilation} are ones HotSpot accepts. */
class OneShotCompilationTest {
  @TempDir
  Path dir;

  @Test
  void hotSpotAcceptsTheDirectives() throws IOException, InterruptedException {
    Path file = Files.writeString(dir.resolve("directives.json"), OneShotCompilation.DIRECTIVES);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
        "-XX:CompilerDirectivesFile=" + file, "-version").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(output).isZero();
  }

  @Test
  void aBrokenDirectiveIsRefusedByTheSameCheck() throws IOException, InterruptedException {
    Path file = Files.writeString(dir.resolve("directives.json"), "[ { match: [\"*.*\"], c2: { NoSuchOption: true } } ]");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
        "-XX:CompilerDirectivesFile=" + file, "-version").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isNotZero();
  }
}

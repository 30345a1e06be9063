package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The compiler directives of {@link OneShotCompilation} are ones HotSpot accepts. */
class OneShotCompilationTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "narrow network: {0}")
  @ValueSource(booleans = {true, false})
  void hotSpotAcceptsTheDirectives(boolean narrow) throws IOException, InterruptedException {
    Path file = Files.writeString(dir.resolve("directives.json"), OneShotCompilation.directives(narrow));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
        "-XX:CompilerDirectivesFile=" + file, "-version").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(output).isZero();
  }

  /** A pattern that matches nothing would be accepted silently: each one names a class and method of the engine. */
  @Test
  void theMethodsCompiledApartExist() throws ClassNotFoundException {
    DirectivePatterns.assertNameMethods(Pattern.compile("\"-([a-z/]+)/([A-Za-z]+)\\.([a-zA-Z*]+)\""),
        OneShotCompilation.SEPARATE);
  }

  @Test
  void theNarrowDirectivesDifferOnlyByTheMethodsCompiledApart() {
    assertThat(OneShotCompilation.directives(true).replace(", inline: " + OneShotCompilation.SEPARATE, ""))
        .isEqualTo(OneShotCompilation.directives(false));
  }

  /** builder.jar's manifest opens the command's package; a JVM that has it open adds the directives directly. */
  @Test
  void withThePackageOpenTheDirectivesAreAddedWithoutTheMBeanServer() throws IOException, InterruptedException {
    // The class-loading log shows the MBean server's class if anything starts it.
    assertThat(probe("--add-opens", "jdk.management/" + OneShotCompilation.INTERNAL + "=ALL-UNNAMED", "-Xlog:class+load"))
        .contains("added directly: true").contains(OneShotCompilation.INTERNAL + ".DiagnosticCommandImpl ")
        .doesNotContain("com.sun.jmx.mbeanserver.JmxMBeanServer");
  }

  /** Elsewhere (tests, a class path) the package is closed: the caller falls back to the MBean server. */
  @Test
  void withThePackageClosedTheDirectAddSaysNo() throws IOException, InterruptedException {
    assertThat(probe()).contains("added directly: false");
  }

  /** Runs {@link Probe} in a new JVM with {@code options}; returns its output. */
  private String probe(String... options) throws IOException, InterruptedException {
    Path file = Files.writeString(dir.resolve("directives.json"), OneShotCompilation.directives(true));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(options));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), file.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(output).isZero();
    return output;
  }

  /** Adds the directives of the file named by the argument directly, printing whether it could. */
  static final class Probe {
    public static void main(String[] args) {
      System.out.println("added directly: " + OneShotCompilation.addDirectly(Path.of(args[0])));
    }
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

package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The second JVM of a short narrow training gets options HotSpot accepts, and C2 directives that
 * name methods of the engine (a pattern that matches nothing would be accepted silently).
 */
class KernelCompilationTest {
  @Test
  void hotSpotAcceptsTheOptionsAndTheDirectivesFile() throws IOException, InterruptedException {
    Path file = KernelCompilation.writeDirectives();
    try {
      assertThat(Files.readString(file)).isEqualTo(KernelCompilation.directives());
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.addAll(KernelCompilation.options(file));
      command.add("-version");
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor()).as(output).isZero();
      assertThat(output).doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("error")
          .doesNotContain("directives added");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void everyKernelIsAMethodOfTheEngine() throws ClassNotFoundException {
    DirectivePatterns.assertNameMethods(Pattern.compile("\"(dev/[a-z/]+)/([A-Za-z0-9]+)\\.([a-zA-Z0-9]+)\""),
        KernelCompilation.KERNELS);
  }

  @Test
  void theDirectivesLeaveC2ToTheKernelsAlone() {
    assertThat(KernelCompilation.directives()).isEqualTo("[ { match: " + KernelCompilation.KERNELS
        + ", c2: { Exclude: false } }, { match: [\"*.*\"], c2: { Exclude: true } } ]");
  }
}

package dev.lamina.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a test class's {@code main} in a JVM of its own, on this JVM's class path, and returns what
 * it printed: for what one JVM can hold only once (a system property read at class loading, a
 * native library) or measures only from a fresh start (the compilers' steady state).
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * Runs {@code main} of {@code mainClass} with the JVM options {@code options} and the program
   * arguments {@code args}; asserts it exits with 0 and returns its output's lines (standard error
   * included).
   */
  public static List<String> run(Class<?> mainClass, List<String> options, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).as(out).isZero();
    return out.lines().toList();
  }
}

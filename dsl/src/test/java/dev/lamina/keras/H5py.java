package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script with h5py (Debian's {@code python3-h5py}) to read files our HDF5 writer
 * produced, as Keras would. Skipped when no Python with h5py is installed, unless the environment
 * variable {@code LAMINA_REQUIRE_H5PY} is set (CI sets it after installing python3-h5py), in which
 * case a missing h5py fails the test.
 */
final class H5py {
  private static final List<String> CANDIDATES = List.of("/usr/bin/python3", "python3");

  private H5py() {}

  static String python() {
    for (String p : CANDIDATES) {
      try {
        Process pr = new ProcessBuilder(p, "-c", "import h5py").redirectErrorStream(true).start();
        pr.getInputStream().readAllBytes();
        if (pr.waitFor(60, TimeUnit.SECONDS) && pr.exitValue() == 0) {
          return p;
        }
      } catch (IOException e) {
        // try the next candidate
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    boolean required = System.getenv("LAMINA_REQUIRE_H5PY") != null;
    assertThat(required).as("LAMINA_REQUIRE_H5PY is set but no python3 with h5py was found").isFalse();
    assumeTrue(false, "no python3 with h5py (apt-get install python3-h5py)");
    return null;
  }

  /** Runs {@code script} with {@code args}; returns its standard output, failing on a non-zero exit. */
  static String run(String script, Path dir, String... args) throws IOException, InterruptedException {
    String py = python();
    Path file = dir.resolve("check.py");
    Files.writeString(file, script);
    List<String> cmd = new ArrayList<>(List.of(py, file.toString()));
    cmd.addAll(List.of(args));
    Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(pr.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(pr.exitValue()).as("h5py script failed:\n" + out).isZero();
    return out;
  }
}

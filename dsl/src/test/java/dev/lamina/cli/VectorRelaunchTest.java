package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wide training started without the Vector API runs in a second JVM that has it; nothing else does. */
class VectorRelaunchTest {
  private static final Path WIDE = CliFixture.root().resolve("examples/churn/wide.yaml");
  private static final Path NARROW = CliFixture.root().resolve("examples/churn/model.yaml");
  /** What Runner prints when a wide model trains without the vector kernels (and without OpenBLAS). */
  private static final String SLOW_HINT = "hint: layers this wide train about 3x faster";

  @TempDir
  Path dir;

  @Test
  void specsWithLayersOf16UnitsOrMoreAreWide() {
    assertThat(VectorRelaunch.hasWideLayer(WIDE)).isTrue();
    assertThat(VectorRelaunch.hasWideLayer(NARROW)).isFalse();
    assertThat(VectorRelaunch.hasWideLayer(dir.resolve("missing.yaml"))).isFalse();
  }

  @Test
  void onlyTrainingCommandLinesNameASpec() {
    assertThat(VectorRelaunch.trainedSpec(new String[] {WIDE.toString(), "--quiet"})).isEqualTo(WIDE);
    assertThat(VectorRelaunch.trainedSpec(new String[] {"train", WIDE.toString(), "--epochs", "2"})).isEqualTo(WIDE);
    assertThat(VectorRelaunch.trainedSpec(new String[] {"summary", WIDE.toString()})).isNull();
    assertThat(VectorRelaunch.trainedSpec(new String[] {"--help"})).isNull();
  }

  @Test
  void theSecondJvmGetsTheModuleAheadOfTheFirstOnesWholeCommandLine() {
    String[] args = {"wide.yaml", "--quiet"};
    assertThat(VectorRelaunch.withModule("/usr/bin/java", new String[] {"-Xmx1g", "-jar", "builder.jar", "wide.yaml",
        "--quiet"}, args)).contains(List.of("/usr/bin/java", "--add-modules", "jdk.incubator.vector", "-Xmx1g", "-jar",
        "builder.jar", "wide.yaml", "--quiet"));
    assertThat(VectorRelaunch.withModule("/usr/bin/java", new String[] {"-jar", "builder.jar", "other.yaml"}, args))
        .isEmpty();
  }

  @Test
  void aWideTrainingWithoutTheModuleRunsOnTheVectorKernelsWithTheSameResults() throws Exception {
    Path relaunched = dir.resolve("relaunched");
    Path here = dir.resolve("here");
    Result a = train(relaunched, "-Dlamina.blas=java");
    Result b = train(here, "-Dlamina.blas=java", "-Dlamina.relaunch=false");
    assertThat(a.code).isZero();
    assertThat(b.code).isZero();
    assertThat(b.output).contains(SLOW_HINT);
    assertThat(a.output).doesNotContain(SLOW_HINT).doesNotContain("incubator");
    assertThat(CliFixture.metricsWithoutTime(relaunched)).isEqualTo(CliFixture.metricsWithoutTime(here));
  }

  @Test
  void theSecondJvmStopsWhenTheFirstIsKilledWithSigkill() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dlamina.blas=java", "-cp", System.getProperty("java.class.path"), Main.class.getName(), WIDE.toString(),
        "--epochs", "100000", "--quiet", "--out", dir.resolve("killed").toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
    pb.environment().remove(VectorRelaunch.MARKER);
    pb.environment().remove("JDK_JAVA_OPTIONS");
    Process first = pb.start();
    ProcessHandle second = null;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (second == null && first.isAlive() && System.nanoTime() < deadline) {
      second = first.children().findFirst().orElse(null);
      Thread.sleep(20);
    }
    assertThat(second).as("the second JVM; log: %s", Files.exists(dir.resolve("log"))
        ? Files.readString(dir.resolve("log")) : "").isNotNull();
    // Let it get past start-up into the training, then kill the first JVM as kill -9 would.
    Thread.sleep(2_000);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    try {
      second.onExit().get(60, TimeUnit.SECONDS);
    } finally {
      second.destroyForcibly();
    }
    assertThat(second.isAlive()).isFalse();
    assertThat(dir.resolve("killed").resolve("model.lamina")).doesNotExist();
  }

  private record Result(int code, String output) {}

  private Result train(Path out, String... jvmOptions) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(WIDE.toString(), "--epochs", "1", "--out", out.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove(VectorRelaunch.MARKER);
    pb.environment().remove("JDK_JAVA_OPTIONS");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), output);
  }
}

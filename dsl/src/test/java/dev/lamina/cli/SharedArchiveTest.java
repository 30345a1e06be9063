package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A narrow training runs in a second JVM that maps builder.jar's class-data archive; the first JVM
 * decides from the spec's text, and says "narrow" only when the YAML reader would agree.
 */
class SharedArchiveTest {
  private static final Path NARROW = CliFixture.root().resolve("examples/churn/model.yaml");
  private static final Path WIDE = CliFixture.root().resolve("examples/churn/wide.yaml");

  @TempDir
  Path dir;

  @Test
  void theChurnExampleIsSurelyNarrowAndTheWideOneIsNot() {
    assertThat(SharedArchive.surelyNarrow(NARROW)).isTrue();
    assertThat(SharedArchive.surelyNarrow(WIDE)).isFalse();
    assertThat(SharedArchive.surelyNarrow(dir.resolve("missing.yaml"))).isFalse();
  }

  @Test
  void narrowMeansEveryUnitsIsAPlainNumberUnder16() {
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {units: 6, activation: relu}\n  - dense: {units: 1}\n"))
        .isTrue();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense:\n      units: 15\n      activation: relu\n")).isTrue();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {\"units\": 6}\n")).isTrue();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {Units: 6}\n")).as("keys match in any case").isTrue();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense:\n      units:\n        6\n")).isTrue();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {units: 6}  # was units: 64\n")).isTrue();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {units: 16}\n")).isFalse();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {UNITS: 256}\n")).isFalse();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {units: 6}\n  - dense: {units: 1000000000000}\n"))
        .isFalse();
  }

  @Test
  void anythingThatCouldHideAValueIsNotSure() {
    assertThat(SharedArchive.surelyNarrow("name: x\n")).as("no units at all").isFalse();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {units: \"6\"}\n")).isFalse();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {units: 6.0}\n")).isFalse();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {units: 0x40}\n")).isFalse();
    assertThat(SharedArchive.surelyNarrow("w: &w 64\nlayers:\n  - dense: {units: *w}\n")).isFalse();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {units: !!int 64}\n")).isFalse();
    assertThat(SharedArchive.surelyNarrow("base: &b {units: 6}\nlayers:\n  - dense: {<<: *b, units: 6}\n")).isFalse();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {\"\\u0075nits\": 64, units: 6}\n")).isFalse();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {name: \"a #b\", units: 6}\n"))
        .as("a '#' after a quote may be inside a string").isFalse();
    assertThat(SharedArchive.surelyNarrow("layers:\n  - dense: {units_per: 6, units: 6}\n")).isFalse();
  }

  @Test
  void everySpecInTheRepositoryThatTheScanCallsNarrowHasNoWideLayerWhenRead() throws IOException {
    List<Path> specs;
    try (Stream<Path> files = Files.walk(CliFixture.root())) {
      specs = files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/")
          && !p.toString().contains("/.git/")).toList();
    }
    assertThat(specs).hasSizeGreaterThan(100);
    int narrow = 0;
    for (Path spec : specs) {
      if (!SharedArchive.surelyNarrow(spec)) {
        continue;
      }
      narrow++;
      ModelSpec model;
      try {
        model = SpecFiles.read(spec).spec().model();
      } catch (RuntimeException e) {
        continue; // an invalid spec: the second JVM reports it as the first would
      }
      assertThat(VectorRelaunch.hasWideLayer(model)).as(spec.toString()).isFalse();
    }
    assertThat(narrow).isGreaterThan(20);
  }

  @Test
  void onlyATrainingCommandLineWithASpecFileIsRelaunched() {
    assertThat(SharedArchive.trainedSpec(new String[] {NARROW.toString(), "--quiet"})).isEqualTo(NARROW);
    assertThat(SharedArchive.trainedSpec(new String[] {"train", NARROW.toString()})).isEqualTo(NARROW);
    assertThat(SharedArchive.trainedSpec(new String[] {"summary", NARROW.toString()})).isNull();
    assertThat(SharedArchive.trainedSpec(new String[] {"--help"})).isNull();
    assertThat(SharedArchive.trainedSpec(new String[] {dir.resolve("missing.yaml").toString()})).isNull();
    assertThat(SharedArchive.trainedSpec(new String[] {})).isNull();
  }

  @Test
  void theArchiveIsTheJarsNamesakeWrittenAfterIt() throws IOException {
    Path jar = Files.writeString(dir.resolve("builder.jar"), "jar");
    assertThat(SharedArchive.usableArchive(jar)).isNull();
    Path archive = Files.writeString(dir.resolve("builder.jsa"), "archive");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
    assertThat(SharedArchive.usableArchive(jar)).isEqualTo(archive);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(3_000_000));
    assertThat(SharedArchive.usableArchive(jar)).as("older than its jar").isNull();
  }

  @Test
  void aClassPathOfFoldersHasNoJarAndTrainsInThisJvm() {
    assertThat(SharedArchive.ownJar()).isNull();
  }

  @Test
  void theSecondJvmGetsTheArchiveAheadOfTheFirstOnesWholeCommandLine() {
    List<String> options = SharedArchive.archiveOptions(Path.of("/opt/lamina/builder.jsa"));
    assertThat(options).containsExactly("-XX:SharedArchiveFile=/opt/lamina/builder.jsa", "-Xshare:auto",
        "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    String[] args = {"model.yaml", "--quiet"};
    List<String> expected = new ArrayList<>(List.of("/usr/bin/java"));
    expected.addAll(options);
    expected.addAll(List.of("-Xmx1g", "-jar", "builder.jar", "model.yaml", "--quiet"));
    assertThat(VectorRelaunch.withOptions("/usr/bin/java", options, new String[] {"-Xmx1g", "-jar", "builder.jar",
        "model.yaml", "--quiet"}, args)).contains(expected);
    assertThat(VectorRelaunch.withOptions("/usr/bin/java", options, new String[] {"-jar", "builder.jar", "other.yaml"},
        args)).isEmpty();
  }

  @Test
  void theChurnExampleIsShortEnoughForC1AloneAndTenTimesItsEpochsAreNot() {
    String text = SharedArchive.text(NARROW);
    assertThat(SharedArchive.surelyShort(NARROW, text, new String[] {NARROW.toString()})).isTrue();
    assertThat(SharedArchive.surelyShort(NARROW, text, new String[] {NARROW.toString(), "--epochs", "1000"})).isFalse();
    assertThat(SharedArchive.surelyShort(NARROW, text.replace("epochs: 100", "epochs: 1000"),
        new String[] {NARROW.toString()})).isFalse();
    assertThat(SharedArchive.surelyShort(NARROW, text, new String[] {NARROW.toString(), "--data",
        dir.resolve("missing.csv").toString()})).as("no data file to measure").isFalse();
  }

  @Test
  void aShortTrainingIsReadFromTheDataFilesSizeEpochsAndLayers() throws IOException {
    Path spec = dir.resolve("spec.yaml");
    Files.write(dir.resolve("small.csv"), new byte[1000]);
    String base = "data: {csv: small.csv, target: y}\nlayers:\n  - dense: {units: 6}\n  - dense: {units: 1}\n";
    String[] args = {spec.toString()};
    assertThat(SharedArchive.surelyShort(spec, base, args)).as("default: 1 epoch").isTrue();
    assertThat(SharedArchive.surelyShort(spec, base + "fit: {epochs: 400000}\n", args)).isTrue();
    assertThat(SharedArchive.surelyShort(spec, base + "fit: {epochs: 400001}\n", args)).isFalse();
    assertThat(SharedArchive.surelyShort(spec, base.replace("small.csv", "other.csv"), args)).isFalse();
    assertThat(SharedArchive.surelyShort(spec, base + "fit: {epochs: 2, cross_validation: {folds: 5}}\n", args))
        .isFalse();
    assertThat(SharedArchive.surelyShort(spec, base.replace("small.csv", "'small.csv'"), args)).isFalse();
    assertThat(SharedArchive.surelyShort(spec, base + "fit: {epochs: 2}\nsweep: {epochs: [2, 3]}\n", args)).isFalse();
  }

  @Test
  void anArchiveThatDoesNotMatchIsIgnoredWithoutAWordAndTheResultsAreTheSame() throws Exception {
    Path garbage = Files.writeString(dir.resolve("builder.jsa"), "not an archive");
    Result with = train(dir.resolve("with"), SharedArchive.archiveOptions(garbage));
    Result without = train(dir.resolve("without"), List.of());
    assertThat(with.code).isZero();
    assertThat(without.code).isZero();
    assertThat(with.output.replaceAll("train_seconds: [0-9.]+", ""))
        .isEqualTo(without.output.replaceAll("train_seconds: [0-9.]+", "").replace(dir.resolve("without").toString(),
            dir.resolve("with").toString()));
    assertThat(CliFixture.metricsWithoutTime(dir.resolve("with"))).isEqualTo(CliFixture.metricsWithoutTime(dir.resolve("without")));
  }

  private record Result(int code, String output) {}

  /** The narrow example for 2 epochs in a JVM of its own, as the second JVM would run it. */
  private static Result train(Path out, List<String> jvmOptions) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(NARROW.toString(), "--epochs", "2", "--quiet", "--out", out.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put(VectorRelaunch.MARKER, "test");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), output);
  }
}

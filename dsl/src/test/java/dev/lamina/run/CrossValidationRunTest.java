package dev.lamina.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.train.CrossValidation;
import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecReader;
import dev.lamina.yaml.SpecWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit: {cross_validation: ...}} in a single run: metrics.json holds every fold, their mean and sd. */
class CrossValidationRunTest {
  static final Path CHURN = Path.of("../data/churn.csv").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  private Path spec(String cv) throws Exception {
    Path file = dir.resolve("cv.yaml");
    Files.writeString(file, """
        name: cv
        seed: 5
        data: {csv: %s, target: Exited, drop: [RowNumber, CustomerId, Surname], one_hot: [Geography, Gender], test_split: 0.2}
        layers:
          - dense: {units: 6, activation: relu, input_dim: 11}
          - dense: {units: 1, activation: sigmoid}
        compile: {optimizer: adam, loss: binary_crossentropy, metrics: [accuracy]}
        fit: {epochs: 2, batch_size: 64, validation_split: 0.2, cross_validation: %s}
        """.formatted(CHURN.toString().replace('\\', '/'), cv));
    return file;
  }

  private JsonNode run(Path spec) throws Exception {
    Path out = dir.resolve("out");
    Runner.run(SpecReader.read(spec).spec(), spec, new RunOptions(out, null, null, null, true, false), List.of(), s -> { });
    return new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
  }

  @Test
  void metricsJsonHoldsEachFoldAndTheirMeanAndSd() throws Exception {
    JsonNode m = run(spec("{folds: 4, stratified: true}"));
    JsonNode cv = m.get("cross_validation");
    assertThat(cv.get("folds")).hasSize(4);
    double[] acc = new double[4];
    for (int i = 0; i < 4; i++) {
      JsonNode f = cv.get("folds").get(i);
      assertThat(f.get("fold").asInt()).isEqualTo(i);
      assertThat(f.get("train_rows").asInt() + f.get("val_rows").asInt()).isEqualTo(8000);
      acc[i] = f.get("accuracy").asDouble();
    }
    double mean = (acc[0] + acc[1] + acc[2] + acc[3]) / 4;
    double ss = 0;
    for (double a : acc) {
      ss += (a - mean) * (a - mean);
    }
    assertThat(cv.get("mean").get("accuracy").asDouble()).isCloseTo(mean, within(1e-12));
    assertThat(cv.get("sd").get("accuracy").asDouble()).isCloseTo(Math.sqrt(ss / 3), within(1e-12));
    assertThat(acc[0]).isBetween(0.7, 0.95);
    // The final model is trained on all training rows and tested; train_seconds counts the folds too.
    assertThat(m.get("test_accuracy").asDouble()).isBetween(0.7, 0.95);
    assertThat(m.get("train_seconds").asDouble()).isGreaterThan(cv.get("seconds").asDouble());
    assertThat(Files.exists(dir.resolve("out/model.lamina"))).isTrue();
  }

  @Test
  void refitFalseWritesOnlyTheFoldsResults() throws Exception {
    JsonNode m = run(spec("{folds: 3, refit: false}"));
    assertThat(m.get("cross_validation").get("folds")).hasSize(3);
    assertThat(m.has("test_accuracy")).isFalse();
    assertThat(Files.exists(dir.resolve("out/model.lamina"))).isFalse();
  }

  @Test
  void theSectionRoundTripsThroughTheCanonicalYaml() throws Exception {
    ParsedSpec parsed = SpecReader.read(spec("{folds: 10, stratified: true, repeats: 3, refit: false}"));
    assertThat(parsed.spec().fit().crossValidation()).isEqualTo(new CrossValidation(10, true, 3, false));
    assertThat(SpecReader.read(SpecWriter.write(parsed.spec()), "again").spec()).isEqualTo(parsed.spec());
  }
}

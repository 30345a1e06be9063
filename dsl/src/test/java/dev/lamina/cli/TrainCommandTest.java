package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job, in-process, end to end. */
class TrainCommandTest {
  private static final Path SPEC = CliFixture.root().resolve("examples/churn/model.yaml");

  @Test
  void trainsOnTheBundledDataAndWritesTheWholeRunFolder(@TempDir Path out) throws IOException {
    CliFixture.Result r = CliFixture.run(SPEC.toString(), "--out", out.toString(), "--epochs", "5", "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("test_accuracy:").contains("epochs_run: 5");
    for (String f : List.of("metrics.json", "history.csv", "history.json", "loss.png", "accuracy.png", "model.lamina",
        "predictions.csv")) {
      assertThat(out.resolve(f)).as(f).exists();
    }
    JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(m.get("epochs_run").asInt()).isEqualTo(5);
    assertThat(m.get("test_accuracy").asDouble()).isBetween(0.7, 1.0);
    assertThat(m.has("test_loss")).isTrue();
    assertThat(m.has("train_seconds")).isTrue();
    List<String> history = Files.readAllLines(out.resolve("history.csv"));
    assertThat(history.get(0)).isEqualTo("epoch,accuracy,loss,val_accuracy,val_loss");
    assertThat(history).hasSize(6);
    List<String> predictions = Files.readAllLines(out.resolve("predictions.csv"));
    assertThat(predictions.get(0)).isEqualTo("row,p_1,predicted_class,true_label");
    assertThat(predictions).hasSize(2001);
    assertThat(ImageIO.read(out.resolve("loss.png").toFile()).getWidth()).isEqualTo(800);
  }

  @Test
  void printsTheSummaryAndOneProgressLinePerEpochWhenNotQuiet(@TempDir Path out) {
    CliFixture.Result r = CliFixture.run(SPEC.toString(), "--out", out.toString(), "--epochs", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Model: \"churn-he-uniform\"").contains("he_uniform").contains("fan_in")
        .contains("Epoch 1/2").contains("Epoch 2/2").contains("val_loss:");
  }

  @Test
  void sameSeedGivesIdenticalRunFiles(@TempDir Path a, @TempDir Path b) throws IOException {
    CliFixture.run(SPEC.toString(), "--out", a.toString(), "--epochs", "3", "--quiet");
    CliFixture.run(SPEC.toString(), "--out", b.toString(), "--epochs", "3", "--quiet");
    assertThat(Files.readString(a.resolve("history.csv"))).isEqualTo(Files.readString(b.resolve("history.csv")));
    assertThat(Files.readString(a.resolve("predictions.csv"))).isEqualTo(Files.readString(b.resolve("predictions.csv")));
  }

  @Test
  void heUniformModelReachesEightyFivePercentOnTheRealChurnFile(@TempDir Path out) throws IOException {
    Path real = CliFixture.shared().resolve("datasets/Churn_Modelling.csv");
    assumeTrue(Files.exists(real), "real churn data not present");
    CliFixture.Result r = CliFixture.run(SPEC.toString(), "--data", real.toString(), "--out", out.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(m.get("test_accuracy").asDouble()).isGreaterThanOrEqualTo(0.85);
    assertThat(m.get("epochs_run").asInt()).isEqualTo(100);
  }

  @Test
  void theArticlesOtherSnippetsRun(@TempDir Path out) {
    for (String spec : List.of("random-uniform.yaml", "glorot-uniform.yaml", "he-uniform-early-stopping.yaml")) {
      CliFixture.Result r = CliFixture.run(SPEC.resolveSibling(spec).toString(), "--out", out.resolve(spec).toString(),
          "--epochs", "2", "--quiet");
      assertThat(r.code()).as(spec + ": " + r.err()).isZero();
    }
  }
}

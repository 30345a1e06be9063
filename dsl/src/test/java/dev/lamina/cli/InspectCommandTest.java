package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code builder.jar inspect} on the bundled churn example, in-process. */
class InspectCommandTest {
  private static final String SPEC = "../examples/churn/model.yaml";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void printsTheSummaryAndATableOfEveryDenseLayer() {
    assertThat(run("inspect", SPEC, "--batch", "64")).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains("Model: \"churn-he-uniform\"").contains("Per-layer statistics on 64 rows")
        .contains("dense_2").contains("he_uniform");
  }

  @Test
  void jsonHasTheStatisticsOfEachLayerForScripts() throws Exception {
    assertThat(run("inspect", SPEC, "--batch", "100", "--json")).isEqualTo(ExitCode.OK);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("rows").asInt()).isEqualTo(100);
    assertThat(root.get("layers")).hasSize(3);
    JsonNode first = root.get("layers").get(0);
    assertThat(first.get("fan_in").asInt()).isEqualTo(11);
    assertThat(first.get("initializer").asText()).isEqualTo("he_uniform");
    assertThat(first.get("target_std").asDouble()).isEqualTo(Math.sqrt(2.0 / 11));
    assertThat(first.get("saturated_fraction").isNull()).isTrue();
    assertThat(first.has("error_std_ratio")).isTrue();
    assertThat(root.get("warnings").isArray()).isTrue();
  }

  @Test
  void duringTrainingMeasuresAtInitializationAndAfterEachEpoch() throws Exception {
    assertThat(run("inspect", SPEC, "--batch", "50", "--json", "--during-training", "--epochs", "2")).isEqualTo(ExitCode.OK);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root).hasSize(3);
    assertThat(root.get(2).get("epoch").asInt()).isEqualTo(2);
  }

  @Test
  void aZeroBatchIsAUsageError() {
    assertThat(run("inspect", SPEC, "--batch", "0")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("--batch must be at least 1 row, got 0");
  }
}

package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsJsonTest {
  @TempDir Path dir;

  private static Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(MetricsJson.TEST_LOSS, 0.4712);
    m.put(MetricsJson.TEST_ACCURACY, 0.7734375);
    m.put(MetricsJson.TRAIN_SECONDS, 3.25);
    m.put(MetricsJson.EPOCHS_RUN, 150);
    return m;
  }

  @Test
  void writesPrettyJsonInTheGivenKeyOrder() throws IOException {
    Path file = dir.resolve("metrics.json");
    MetricsJson.write(file, metrics());
    assertThat(Files.readString(file)).isEqualTo("""
        {
          "test_loss": 0.4712,
          "test_accuracy": 0.7734375,
          "train_seconds": 3.25,
          "epochs_run": 150
        }
        """);
  }

  @Test
  void keepsInsertionOrderEvenWhenNotAlphabetical() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", 1);
    m.put("a", 2);
    assertThat(MetricsJson.toJson(m)).isEqualTo("{\n  \"z\": 1,\n  \"a\": 2\n}\n");
  }

  @Test
  void writesNanAndInfinityAsNull() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("test_loss", Double.NaN);
    m.put("up", Double.POSITIVE_INFINITY);
    m.put("down", Float.NEGATIVE_INFINITY);
    assertThat(MetricsJson.toJson(m))
        .isEqualTo("{\n  \"test_loss\": null,\n  \"up\": null,\n  \"down\": null\n}\n");
  }

  @Test
  void replacesNanInsideNestedValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("per_class", Map.of("p", List.of(1.0, Double.NaN)));
    m.put("raw", new double[] {Double.NaN, 0.5});
    assertThat(MetricsJson.toJson(m)).isEqualTo(
        "{\n  \"per_class\": {\n    \"p\": [1.0, null]\n  },\n  \"raw\": [null, 0.5]\n}\n");
  }

  @Test
  void writesDoublesWithFullPrecision() throws IOException {
    double loss = 0.6931471824645996;
    Map<String, Object> m = Map.of("test_loss", loss);
    Map<?, ?> back = new ObjectMapper().readValue(MetricsJson.toJson(m), Map.class);
    assertThat(back.get("test_loss")).isEqualTo(loss);
  }

  @Test
  void writesStringsAndBooleansAsGiven() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stopped_early", true);
    m.put("name", "pima \"v1\"");
    assertThat(MetricsJson.toJson(m))
        .isEqualTo("{\n  \"stopped_early\": true,\n  \"name\": \"pima \\\"v1\\\"\"\n}\n");
  }
}

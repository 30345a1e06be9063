package dev.lamina.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.predict.TrainedModels;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops the serve command cleanly after it has answered, and the access log has a line per request. */
class StoppingTest {
  @TempDir
  static Path dir;
  static Path run;

  @BeforeAll
  static void train() {
    run = TrainedModels.churn(dir, 2);
  }

  @Test
  void sigtermStopsTheServeCommandAndTheAccessLogHasOneLinePerRequest() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "dev.lamina.cli.Main", "serve", "churn=" + run, "--port", "0",
        "--access-log").redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).startsWith("serving churn on http://127.0.0.1:");
      int port = Integer.parseInt(line.replaceAll(".*:(\\d+) .*", "$1"));
      Http http = new Http(port);
      assertThat(http.get("/v2/health/live").status()).isEqualTo(200);
      assertThat(http.post("/v1/models/churn/predict", Http.json(Map.of("rows",
          TrainedModels.rows(TrainedModels.CHURN_CSV, 2)))).status()).isEqualTo(200);
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
      List<String> log = Files.readAllLines(dir.resolve("stderr.txt"));
      assertThat(log).anyMatch(l -> l.contains("\"GET /v2/health/live HTTP/1.1\" 200"))
          .anyMatch(l -> l.contains("\"POST /v1/models/churn/predict HTTP/1.1\" 200"));
    } finally {
      p.destroyForcibly();
    }
  }
}

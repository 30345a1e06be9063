package dev.lamina.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.predict.TrainedModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM stops the serve command gracefully: a request in flight when the signal arrives is
 * answered in full before the process exits, and the access log has a line per request.
 */
class StoppingTest {
  @TempDir
  static Path dir;
  static Path run;

  @BeforeAll
  static void train() {
    run = TrainedModels.churn(dir, 2);
  }

  /** Starts {@code serve churn=RUN --port 0 --access-log} in its own JVM; stderr goes to {@code stderr}. */
  private static Process serve(Path stderr) throws IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "dev.lamina.cli.Main", "serve", "churn=" + run, "--port", "0",
        "--access-log").redirectError(stderr.toFile()).start();
  }

  /** The port from the first line the server prints ("serving churn on http://127.0.0.1:PORT ..."). */
  private static int port(Process p) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).startsWith("serving churn on http://127.0.0.1:");
    return Integer.parseInt(line.replaceAll(".*:(\\d+) .*", "$1"));
  }

  @Test
  void aRequestInFlightWhenSigtermArrivesIsAnsweredInFullBeforeTheProcessExits() throws Exception {
    Process p = serve(dir.resolve("inflight-stderr.txt"));
    try (Socket socket = new Socket("127.0.0.1", port(p))) {
      socket.setSoTimeout(20_000);
      byte[] body = Http.json(Map.of("rows", TrainedModels.rows(TrainedModels.CHURN_CSV, 3))).getBytes(StandardCharsets.UTF_8);
      OutputStream to = socket.getOutputStream();
      to.write(("POST /v1/models/churn/predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      int half = body.length / 2;
      to.write(body, 0, half);
      to.flush();
      // The server now handles the request and waits for the rest of its body.
      Thread.sleep(500);
      p.destroy(); // SIGTERM, with the request in flight
      Thread.sleep(500);
      assertThat(p.isAlive()).as("still serving the request in flight").isTrue();
      to.write(body, half, body.length - half);
      to.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200");
      assertThat(Http.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).get("predictions")).hasSize(3);
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exits once the request is answered").isTrue();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void sigtermStopsTheServeCommandAndTheAccessLogHasOneLinePerRequest() throws Exception {
    Process p = serve(dir.resolve("stderr.txt"));
    try {
      int port = port(p);
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

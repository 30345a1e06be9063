package dev.lamina.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.cli.Main;
import dev.lamina.predict.Predictor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnServiceTest {
  @TempDir
  Path dir;

  @Test
  void requestThreadsShareOnePredictorAndDecideAsTheModelPredicts() throws Exception {
    Path root = Path.of(System.getProperty("lamina.root", ".."));
    Path run = dir.resolve("churn");
    int code = Main.execute(new String[] {root.resolve("examples/churn/model.yaml").toString(), "--epochs", "10",
        "--quiet", "--out", run.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(root.resolve("data/churn.csv"));
    String[] header = lines.get(0).split(",");
    List<Map<String, Object>> customers = new ArrayList<>();
    for (String line : lines.subList(1, 401)) {
      String[] cells = line.split(",");
      Map<String, Object> c = new LinkedHashMap<>();
      for (int j = 0; j < header.length; j++) {
        c.put(header[j], cells[j]);
      }
      customers.add(c);
    }
    ChurnService service = new ChurnService(run);
    List<ChurnService.Decision> decisions = service.decideConcurrently(customers, 6);
    Predictor reference = Predictor.load(run);
    for (int i = 0; i < customers.size(); i++) {
      double p = reference.predict(customers.get(i)).probability();
      assertThat(decisions.get(i)).isEqualTo(new ChurnService.Decision(p, p > 0.5));
    }
    assertThat(decisions).anyMatch(ChurnService.Decision::offerRetention);
  }
}

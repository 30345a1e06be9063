package dev.lamina.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChurnFluentTest {
  @Test
  void theFluentExampleTrainsTheArticlesModelOnTheBundledData() {
    Path root = Path.of(System.getProperty("lamina.root", ".."));
    assertThat(ChurnFluent.run(root.resolve("data/churn.csv"), 20)).isGreaterThan(0.80);
  }
}

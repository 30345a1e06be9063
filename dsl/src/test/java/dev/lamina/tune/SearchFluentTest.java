package dev.lamina.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.yaml.ParsedSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluent search is the YAML search: the same section, the same trials, the same tune.csv. */
class SearchFluentTest {
  @TempDir
  Path dir;

  @Test
  void theFluentSearchWritesTheSameResultsAsTheYamlOne() throws Exception {
    ParsedSpec yaml = SmallTune.write(dir, "strategy: random\ntrials: 4\nspace:\n"
        + "  layers[0].units: [4, 8, 16]\n  compile.optimizer.learning_rate: {log_uniform: [0.0003, 0.03]}\n"
        + "  layers[1].rate: {uniform: [0.0, 0.5]}\n  fit.batch_size: {int: [32, 64]}", 2);
    TuneStrategiesTest.search(yaml, dir.resolve("yaml"), 2);
    TuneJob.Outcome fluent = Search.of(yaml.spec()).strategy(Strategy.RANDOM).trials(4)
        .choice("layers[0].units", 4, 8, 16).logUniform("compile.optimizer.learning_rate", 0.0003, 0.03)
        .uniform("layers[1].rate", 0.0, 0.5).intRange("fit.batch_size", 32, 64).run(dir.resolve("fluent"), 2);
    assertThat(fluent.spec()).isEqualTo(TuneSpec.parse(yaml.tune(), yaml.spec().model().compile()));
    assertThat(TuneDeterminismTest.withoutTiming(dir.resolve("fluent/tune.csv")))
        .isEqualTo(TuneDeterminismTest.withoutTiming(dir.resolve("yaml/tune.csv")));
  }
}

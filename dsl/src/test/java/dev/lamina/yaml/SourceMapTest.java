package dev.lamina.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec paths from anywhere (the reader, records, registries) land on the line that wrote them. */
class SourceMapTest {
  private static final String YAML = """
      name: nested
      layers:
        - dense:
            units: 4
            kernel_initializer:
              variance_scaling:
                scale: 2.0
                mode: fan_in
        - dense: {units: 1, kernel_initializer: {class_name: RandomNormal, config: {stddev: 0.05}}}
      compile:
        loss: mse
        optimizer:
          sgd:
            learning_rate:
              exponential_decay:
                decay_steps: 100
        metrics:
          - accuracy
          - auc: {num_thresholds: 7}
      sweep:
        seeds: [1, 2]
      """;

  private final ParsedSpec parsed = SpecReader.read(YAML, "model.yaml");
  private final SourceMap marks = parsed.marks();

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
      "layers[0].dense.kernel_initializer.scale, 7, 18",
      "layers[0].dense.kernel_initializer.variance_scaling.scale, 7, 18",
      "layers[1].dense.kernel_initializer.random_normal, 9, 56",
      "layers[0].dense.kernel_initializer.mode, 8, 17",
      "layers[0].dense.kernel_initializer.variance_scaling, 6, 9",
      "layers[0].dense.kernel_initializer, 5, 7",
      "layers[0].dense.units, 4, 14",
      "layers[1].dense.kernel_initializer.stddev, 9, 87",
      "layers[1].dense.kernel_initializer.RandomNormal.stddev, 9, 87",
      "layers[1].dense.kernel_initializer.random_normal.stddev, 9, 87",
      "compile.optimizer.learning_rate.decay_steps, 16, 24",
      "compile.optimizer.sgd.learning_rate.exponential_decay.decay_steps, 16, 24",
      "compile.metrics[1].num_thresholds, 19, 29",
      "compile.metrics[1].auc.num_thresholds, 19, 29",
      "sweep.seeds[1], 21, 14",
  })
  void findsEveryRegisteredPath(String path, int line, int column) {
    assertThat(marks.contains(path)).isTrue();
    assertThat(marks.find(path)).isEqualTo(new SourceMark(line, column));
  }

  @Test
  void findsTheNestedInitializerArgumentLine() {
    assertThat(marks.find("layers[0].dense.kernel_initializer.scale").line()).isEqualTo(7);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
      "layers[0].dense.kernel_initializer.distribution, 5, 7",
      "layers[0].dense.kernel_initializer.variance_scaling.distribution, 6, 9",
      "layers[0].dense.bias_initializer, 3, 5",
      "layers[7].dense.units, 2, 1",
      "compile.optimizer.learning_rate.decay_rate, 14, 7",
      "nowhere.at.all, 1, 1",
      "'', 1, 1",
  })
  void fallsBackToTheLongestRegisteredPrefix(String path, int line, int column) {
    assertThat(marks.find(path)).isEqualTo(new SourceMark(line, column));
  }

  @Test
  void locatesAnErrorRaisedLaterByARegistry() {
    SpecException fromRegistry = new SpecException("layers[0].dense.kernel_initializer.mode",
        "variance_scaling argument 'mode' must be one of [fan_in, fan_out, fan_avg], got 'fan_inn'");
    assertThat(parsed.locate(fromRegistry)).isEqualTo("model.yaml:8:17: layers[0].dense.kernel_initializer.mode:"
        + " variance_scaling argument 'mode' must be one of [fan_in, fan_out, fan_avg], got 'fan_inn'");
    SpecLocationException located = parsed.located(fromRegistry);
    assertThat(located.line()).isEqualTo(8);
    assertThat(located.column()).isEqualTo(17);
    assertThat(located.path()).isEqualTo(fromRegistry.path());
    assertThat(located.detail()).isEqualTo(fromRegistry.detail());
    assertThat(located.getCause()).isSameAs(fromRegistry);
  }

  @Test
  void leavesAnAlreadyLocatedErrorAsItIs() {
    SpecLocationException e = new SpecLocationException("other.yaml", new SourceMark(3, 4), "x", "bad");
    assertThat(parsed.located(e)).isSameAs(e);
    assertThat(parsed.locate(e)).isEqualTo("other.yaml:3:4: x: bad");
  }

  @Test
  void anErrorWithoutAPathIsPlacedAtTheStart() {
    assertThat(parsed.locate(new SpecException("", "something global"))).isEqualTo("model.yaml:1:1: something global");
  }

  @Test
  void parentStripsOneSegment() {
    assertThat(SourceMap.parent("a.b[1]")).isEqualTo("a.b");
    assertThat(SourceMap.parent("a.b")).isEqualTo("a");
    assertThat(SourceMap.parent("a")).isEmpty();
  }
}

package dev.lamina.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import dev.lamina.sweep.ThreadEngine;
import dev.lamina.yaml.ParsedSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every mistake in a tune section is one message at its place in the file, before any training:
 * the parser's errors, and values the spec itself refuses once applied.
 */
class SearchSpaceErrorsTest {
  @TempDir
  Path dir;

  /** The error of searching {@code tune} ({@code |} for new lines), located in the file. */
  private String error(String tune) throws Exception {
    ParsedSpec parsed = SmallTune.write(dir, tune.replace('|', '\n'), 1);
    try {
      TuneJob.run(parsed, new TuneJob.Options(dir.resolve("out"), null, null, false), new ThreadEngine(1),
          (rung, epochs, tasks) -> r -> { });
    } catch (SpecException e) {
      assertThat(Files.exists(dir.resolve("out").resolve("tune.csv"))).as("nothing trained").isFalse();
      return parsed.locate(e);
    }
    throw new AssertionError("accepted: " + tune);
  }

  /** The line of the spec file (1-based) holding {@code text}. */
  private int lineOf(String text) throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("tune.yaml"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in the spec");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "strategy: succesive_halving|space:|  layers[0].units: [4, 8]; strategy; unknown strategy 'succesive_halving'. Did you mean successive_halving?",
      "trials: 0|space:|  layers[0].units: [4, 8]; trials:; trials must be a whole number of at least 1, got 0",
      "space:|  layers[0].units: []; layers[0].units:; the list of values is empty",
      "space:|  layers[0].units: [4, 8, 4]; layers[0].units:; '4' is listed twice",
      "space:|  compile.optimizer.learning_rate: {log_uniform: [0, 0.1]}; compile.optimizer.learning_rate:; log_uniform needs lo > 0",
      "space:|  compile.optimizer.learning_rate: {loguniform: [0.001, 0.1]}; compile.optimizer.learning_rate:; unknown range 'loguniform'. Did you mean log_uniform",
      "space:|  layers[1].rate: {uniform: [0.5, 0.1]}; layers[1].rate:; uniform needs lo < hi",
      "space:|  fit.batch_size: {int: [16.5, 64]}; fit.batch_size:; int takes whole numbers",
      "space:|  layers[0].units: 8; layers[0].units:; expected a list of values or a range, got 8",
      "space:|  layer[0].units: [4, 8]; layer[0].units:; does not start with a section of the spec. Did you mean layers?",
      "space:|  data.scale: [standard, minmax]; data.scale:; cannot be tuned: every trial is scored on the same rows",
      "space:|  layers[0]units: [4]; layers[0]units:; is not a spec path",
      "strategy: grid|trials: 5|space:|  layers[0].units: [4, 8]; trials:; a grid trains every combination",
      "strategy: grid|space:|  layers[1].rate: {uniform: [0.0, 0.5]}; layers[1].rate:; a grid needs a list of values",
      "strategy: random|reduction_factor: 2|space:|  layers[0].units: [4]; reduction_factor; is a setting of strategy: successive_halving",
      "metric: accuracy|space:|  layers[0].units: [4]; metric: ; is not measured on held-out rows: rank trials by a val_ key such as val_accuracy",
      "metric: val_auc|space:|  layers[0].units: [4]; metric: ; but not val_auc; add auc to compile.metrics",
      "trails: 5|space:|  layers[0].units: [4]; trails; unknown key 'trails' in tune. Did you mean trials?",
  })
  void parserErrorsNameTheKeyAndTheFix(String tune, String lineText, String message) throws Exception {
    String e = error(tune);
    assertThat(e).contains(message).startsWith(dir.resolve("tune.yaml") + ":" + lineOf(lineText.strip()) + ":");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // The value the layer refuses, at the value itself (column of the 0).
      "strategy: grid|space:|  layers[0].units: [0, 4]; 0, 4]; layers[0].units = 0 (trial 0) makes an invalid spec: layers[0].dense.units",
      "strategy: grid|space:|  layers[*].kernel_initializer: [he_uniform, he_unifrom]; he_unifrom; Did you mean he_uniform",
      "strategy: grid|space:|  layers[7].units: [4, 8]; 4, 8]; layers has 4 items (indices 0 to 3), so [7] does not exist",
      "strategy: grid|space:|  layers[0].unitz: [4, 8]; 4, 8]; unknown argument 'unitz' for dense",
      "strategy: grid|space:|  compile.optimizer.learning_rat: [0.01, 0.1]; 0.01, 0.1]; learning_rat",
  })
  void invalidTrialsAreSpecErrorsAtTheirValueBeforeTraining(String tune, String value, String message) throws Exception {
    String e = error(tune);
    assertThat(e).contains(message);
    int line = lineOf(value.strip());
    int column = Files.readAllLines(dir.resolve("tune.yaml")).get(line - 1).indexOf(value.strip()) + 1;
    assertThat(e).startsWith(dir.resolve("tune.yaml") + ":" + line + ":" + column + ":");
  }
}

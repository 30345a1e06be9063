package dev.lamina.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each mistake a user can make is one line an editor can jump to: {@code file:line:column:
 * path: what is wrong and how to fix it}.
 */
class SpecReaderErrorsTest {
  private static final String COMPILE = "compile: {loss: mse}\n";

  static SpecLocationException error(String yaml) {
    SpecLocationException e = catchThrowableOfType(SpecLocationException.class,
        () -> SpecReader.read(yaml, "model.yaml"));
    assertThat(e).as("an error for:%n%s", yaml).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n");
    return e;
  }

  @Test
  void unknownTopLevelKeySuggestsTheClosest() {
    SpecLocationException e = error("name: x\nlayrs:\n  - dense: {units: 1}\n" + COMPILE);
    assertThat(e.getMessage()).isEqualTo("model.yaml:2:1: unknown key 'layrs' at the top level (known keys: name,"
        + " seed, dtype, data, layers, compile, fit, predict, sweep, tune). Did you mean layers?");
    assertThat(e.file()).isEqualTo("model.yaml");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(1);
  }

  @Test
  void unknownLayerArgumentSuggestsTheClosest() {
    assertThat(error("layers:\n  - dense: {unit: 6, activation: relu}\n" + COMPILE).getMessage())
        .isEqualTo("model.yaml:2:13: layers[0].dense: unknown argument 'unit' for dense (known arguments: units,"
            + " activation, use_bias, kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer,"
            + " kernel_constraint, bias_constraint,"
            + " input_dim, name). Did you mean units?");
  }

  @Test
  void unknownSectionKeyInsideASectionSuggestsTheClosest() {
    assertThat(error("layers: [{dense: {units: 1}}]\n" + COMPILE + "fit:\n  epochs: 2\n  batch: 4\n").getMessage())
        .isEqualTo("model.yaml:5:3: fit: unknown key 'batch' in fit (known keys: epochs, batch_size,"
            + " validation_split, shuffle, callbacks, class_weight, cross_validation). Did you mean batch_size?");
  }

  @Test
  void wrongTypeNamesThePathTheExpectationAndTheValue() {
    SpecLocationException e = error("layers:\n  - dense: {units: six, activation: relu}\n" + COMPILE);
    assertThat(e.getMessage()).isEqualTo("model.yaml:2:20: layers[0].dense.units: expected a whole number, got 'six'");
    assertThat(e.path()).isEqualTo("layers[0].dense.units");
    assertThat(e.detail()).isEqualTo("expected a whole number, got 'six'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "layers: [{dense: {units: 1, use_bias: maybe}}]|model.yaml:1:39: layers[0].dense.use_bias: expected true or false,"
          + " got 'maybe'",
      "layers: [{dense: {units: 1}}, {dropout: {rate: high}}]|model.yaml:1:48: layers[1].dropout.rate: expected a number,"
          + " got 'high'",
      "layers: [{dense: {units: 99999999999}}]|model.yaml:1:26: layers[0].dense.units: expected a whole number up to"
          + " 2147483647, got '99999999999'",
      "fit: {epochs: 2.5}|model.yaml:2:15: fit.epochs: expected a whole number, got '2.5'",
  })
  void wrongTypesAreReportedAtTheValue(String line, String message) {
    String yaml = line.startsWith("fit") ? "layers: [{dense: {units: 1}}]\n" + line + "\n" + COMPILE : line + "\n" + COMPILE;
    assertThat(error(yaml).getMessage()).isEqualTo(message);
  }

  @Test
  void aQuotedNumberIsExplainedAsText() {
    assertThat(error("layers: [{dense: {units: \"6\"}}]\n" + COMPILE).getMessage())
        .isEqualTo("model.yaml:1:26: layers[0].dense.units: expected a whole number, got '6' (in quotes, so it is"
            + " text: remove the quotes)");
  }

  @Test
  void dropoutRateOutOfRangeIsPlacedAtTheRate() {
    assertThat(error("layers:\n  - dense: {units: 4}\n  - dropout: {rate: 1.5}\n" + COMPILE).getMessage())
        .isEqualTo("model.yaml:3:21: layers[1].dropout.rate: dropout rate must be in [0, 1), got 1.5. It is the"
            + " fraction of inputs dropped, e.g. rate: 0.2");
  }

  @Test
  void zeroUnitsIsPlacedAtTheUnitsInABlockMap() {
    assertThat(error("layers:\n  - dense:\n      units: 0\n" + COMPILE).getMessage())
        .isEqualTo("model.yaml:3:14: layers[0].dense.units: units must be a positive whole number, got 0. Use the"
            + " number of neurons in the layer, e.g. units: 6");
  }

  @Test
  void validationSplitOutOfRangeIsPlacedAtTheValue() {
    String yaml = "layers:\n  - dense: {units: 1}\n" + COMPILE + "fit:\n  epochs: 3\n  validation_split: 1.2\n";
    assertThat(error(yaml).getMessage()).isEqualTo("model.yaml:6:21: fit.validation_split: validation_split must be"
        + " in [0, 1), got 1.2. It is the fraction of the training rows held out, e.g. 0.2");
  }

  @Test
  void thresholdOutOfRangeIsPlacedAtTheValue() {
    assertThat(error("layers: [{dense: {units: 1}}]\n" + COMPILE + "predict: {threshold: 1}\n").getMessage())
        .isEqualTo("model.yaml:3:22: predict.threshold: threshold must be in (0, 1), got 1.0; or write threshold: best_f1, threshold: {recall: 0.7}, or one per label: threshold: {label: 0.4}");
  }

  @Test
  void missingLayersSaysWhatToWrite() {
    assertThat(error("name: x\n" + COMPILE).getMessage()).isEqualTo("model.yaml:1:1: missing required section"
        + " 'layers': list the model's layers, e.g. layers: [{dense: {units: 1, activation: sigmoid}}]");
  }

  @Test
  void emptyLayersSaysAModelNeedsALayer() {
    assertThat(error("name: x\nlayers: []\n" + COMPILE).getMessage()).isEqualTo("model.yaml:2:1: layers: a model"
        + " needs at least one layer, e.g. a dense layer with units: 1");
  }

  @Test
  void missingUnitsSaysWhatUnitsAre() {
    assertThat(error("layers:\n  - dense: {activation: relu}\n" + COMPILE).getMessage())
        .isEqualTo("model.yaml:2:5: layers[0].dense: dense needs units, the number of neurons, e.g. units: 6");
  }

  @Test
  void missingLossIsPlacedAtCompile() {
    assertThat(error("layers:\n  - dense: {units: 1}\ncompile:\n  optimizer: adam\n").getMessage())
        .isEqualTo("model.yaml:3:1: compile.loss: compile needs a loss, e.g. loss: binary_crossentropy");
  }

  @Test
  void missingCompileWhenTrainingIsAsked() {
    assertThat(error("layers:\n  - dense: {units: 1}\nfit: {epochs: 3}\n").getMessage())
        .isEqualTo("model.yaml:1:1: missing required section 'compile': training needs a loss, e.g. compile:"
            + " {optimizer: adam, loss: binary_crossentropy, metrics: [accuracy]}");
  }

  @Test
  void missingTargetIsPlacedAtData() {
    assertThat(error("layers:\n  - dense: {units: 1}\n" + COMPILE + "data:\n  csv: churn.csv\n").getMessage())
        .isEqualTo("model.yaml:4:1: data.target: data needs a target column, e.g. target: Exited");
  }

  @Test
  void yamlSyntaxErrorGivesLineColumnAndContextOnOneLine() {
    assertThat(error("layers:\n  - dense: {units: 1\n" + COMPILE).getMessage())
        .isEqualTo("model.yaml:3:8: YAML syntax error: expected ',' or '}', but got : (while parsing a flow mapping"
            + " started at line 2, column 12)");
  }

  @Test
  void yamlSyntaxErrorForAMisplacedColon() {
    assertThat(error("layers: a: b\n").getMessage())
        .isEqualTo("model.yaml:1:10: YAML syntax error: mapping values are not allowed here");
  }

  @Test
  void duplicateKeyNamesBothPlaces() {
    assertThat(error("layers:\n  - dense: {units: 1, units: 2}\n" + COMPILE).getMessage())
        .isEqualTo("model.yaml:2:23: layers[0].dense: duplicate argument 'units' (first given at line 2, column 13);"
            + " give each argument once");
  }

  @Test
  void duplicateKeyIsFoundEvenWhenSpelledInCamelCase() {
    assertThat(error("layers: [{dense: {units: 1}}]\n" + COMPILE + "fit: {batch_size: 2, batchSize: 4}\n").getMessage())
        .isEqualTo("model.yaml:3:22: fit: duplicate key 'batchSize' (first given at line 3, column 7); give each key"
            + " once");
  }

  @Test
  void duplicateTopLevelSection() {
    assertThat(error("layers: [{dense: {units: 1}}]\n" + COMPILE + COMPILE).getMessage())
        .isEqualTo("model.yaml:3:1: duplicate key 'compile' (first given at line 2, column 1); give each key once");
  }

  @Test
  void emptyFileSaysItIsEmpty() {
    assertThat(error("").getMessage()).isEqualTo("model.yaml:1:1: the file is empty; a spec needs at least layers,"
        + " e.g. layers: [{dense: {units: 1, activation: sigmoid}}]");
  }

  @Test
  void fileWithOnlyCommentsIsEmpty() {
    assertThat(error("# nothing yet\n").getMessage()).startsWith("model.yaml:1:1: the file is empty");
  }

  @Test
  void aListAtTheTopIsNotASpec() {
    assertThat(error("- dense: {units: 1}\n").getMessage()).isEqualTo("model.yaml:1:1: a spec is a map of sections"
        + " (name, seed, dtype, data, layers, compile, fit, predict, sweep, tune), got a list");
  }

  @Test
  void unknownLayerTypeListsTheKnownOnes() {
    assertThat(error("layers:\n  - dense: {units: 1}\n  - denze: {units: 1}\n" + COMPILE).getMessage())
        .isEqualTo("model.yaml:3:5: layers[1]: unknown layer type 'denze' (known types: "
            + String.join(", ", dev.lamina.layertype.LayerTypes.names()) + "). Did you mean dense?");
  }

  @Test
  void argumentsBesideTheLayerTypeAreCaughtAsAnIndentationMistake() {
    assertThat(error("layers:\n  - dense: {units: 1}\n    activation: relu\n" + COMPILE).getMessage())
        .isEqualTo("model.yaml:2:5: layers[0]: a layer is one entry such as dense: {units: 6}, got 2 keys (dense,"
            + " activation); indent the arguments under the layer type, inside its map");
  }

  @Test
  void componentArgumentsMustBeAMap() {
    assertThat(error("layers: [{dense: {units: 1, kernel_regularizer: {l2: 0.01}}}]\n" + COMPILE).getMessage())
        .isEqualTo("model.yaml:1:54: layers[0].dense.kernel_regularizer: the arguments of 'l2' must be a map such"
            + " as {l2: {argument: value}}, got '0.01'");
  }

  @Test
  void componentWithSeveralKeysIsRefused() {
    assertThat(error("layers: [{dense: {units: 1}}]\ncompile: {loss: mse, optimizer: {adam: {}, learning_rate: 0.1}}\n")
        .getMessage()).isEqualTo("model.yaml:2:33: compile.optimizer: a component is written {name: {arguments}},"
            + " got a map with 2 keys (adam, learning_rate); put the arguments inside the name's map");
  }

  @Test
  void recordRulesAcrossFieldsArePlacedAtTheField() {
    assertThat(error("layers: [{dense: {units: 1}}]\n" + COMPILE + "data: {target: y, drop: [a], features: [b]}\n")
        .getMessage()).isEqualTo("model.yaml:3:30: data.features: give either drop or features, not both");
  }

  @Test
  void tabsForIndentationAreASyntaxError() {
    assertThat(error("layers:\n\t- dense: {units: 1}\n").getMessage())
        .startsWith("model.yaml:2:1: YAML syntax error: found character '\\t(TAB)' that cannot start any token.");
  }
}

package dev.lamina.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.DropoutSpec;
import dev.lamina.spec.EluSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.LeakyReluSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.PReluSpec;
import dev.lamina.train.Fit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a layer, a component and a value may be written. */
class SpecReaderFormsTest {
  private static final String COMPILE = "compile: {loss: mse}\n";

  /** The layers of a spec whose layers section is {@code layersYaml} (plus a dense layer). */
  static List<LayerSpec> layers(String layersYaml) {
    return SpecReader.read("layers:\n" + layersYaml + "  - dense: {units: 1}\n" + COMPILE, "model.yaml")
        .spec().model().layers();
  }

  static LayerSpec firstLayer(String itemYaml) {
    return layers("  - " + itemYaml + "\n").get(0);
  }

  /** The kernel initializer of a dense layer whose initializer is written {@code yaml}. */
  static ComponentSpec initializer(String yaml) {
    return ((DenseSpec) firstLayer("dense: {units: 2, kernel_initializer: " + yaml + "}")).kernelInitializer();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "dense: {units: 6, activation: relu, use_bias: false, kernel_initializer: he_normal, bias_initializer: ones,"
          + " kernel_regularizer: l2, bias_regularizer: l1, input_dim: 11, name: hidden}",
      "{class_name: Dense, config: {units: 6, activation: relu, use_bias: false, kernel_initializer: he_normal,"
          + " bias_initializer: ones, kernel_regularizer: l2, bias_regularizer: l1, input_dim: 11, name: hidden}}",
      "Dense: {units: 6, activation: relu, useBias: false, kernelInitializer: he_normal, biasInitializer: ones,"
          + " kernelRegularizer: l2, biasRegularizer: l1, inputDim: 11, name: hidden}",
  })
  void readsEveryDenseArgumentInEachForm(String item) {
    assertThat(firstLayer(item)).isEqualTo(new DenseSpec(6, ComponentSpec.of("relu"), false,
        ComponentSpec.of("he_normal"), ComponentSpec.of("ones"), ComponentSpec.of("l2"), ComponentSpec.of("l1"),
        11, "hidden"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dropout: {rate: 0.25, seed: 7, name: drop}", "Dropout: {rate: 0.25, seed: 7, name: drop}",
      "{class_name: Dropout, config: {rate: 0.25, seed: 7, name: drop}}"})
  void readsDropout(String item) {
    assertThat(firstLayer(item)).isEqualTo(new DropoutSpec(0.25, 7L, "drop"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"activation: {activation: tanh, name: act}", "Activation: {activation: tanh, name: act}",
      "{class_name: Activation, config: {activation: tanh, name: act}}"})
  void readsActivationLayers(String item) {
    assertThat(firstLayer(item)).isEqualTo(new ActivationLayerSpec(ComponentSpec.of("tanh"), "act"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"leaky_relu: {negative_slope: 0.1, name: lr}", "LeakyReLU: {negative_slope: 0.1, name: lr}",
      "LeakyReLU: {alpha: 0.1, name: lr}", "leakyRelu: {negativeSlope: 0.1, name: lr}",
      "{class_name: LeakyReLU, config: {negative_slope: 0.1, name: lr}}"})
  void readsLeakyReluIncludingKeras2Alpha(String item) {
    assertThat(firstLayer(item)).isEqualTo(new LeakyReluSpec(0.1, "lr"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"prelu: {alpha_initializer: {constant: {value: 0.25}}, name: p}",
      "PReLU: {alpha_initializer: {constant: {value: 0.25}}, name: p}",
      "{class_name: PReLU, config: {alpha_initializer: {class_name: Constant, config: {value: 0.25}}, name: p}}"})
  void readsPrelu(String item) {
    LayerSpec layer = firstLayer(item);
    assertThat(layer).isInstanceOf(PReluSpec.class);
    PReluSpec p = (PReluSpec) layer;
    assertThat(p.alphaInitializer().args()).containsExactly(Map.entry("value", 0.25));
    assertThat(Names.canonical(p.alphaInitializer().name())).isEqualTo("constant");
    assertThat(p.name()).isEqualTo("p");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"elu: {alpha: 0.5, name: e}", "ELU: {alpha: 0.5, name: e}",
      "{class_name: ELU, config: {alpha: 0.5, name: e}}"})
  void readsElu(String item) {
    assertThat(firstLayer(item)).isEqualTo(new EluSpec(0.5, "e"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"elu|ELU", "prelu|PReLU", "leaky_relu|LeakyReLU"})
  void readsABareTypeWithAllDefaults(String snake, String pascal) {
    assertThat(firstLayer(snake)).isEqualTo(firstLayer(pascal)).isEqualTo(firstLayer(snake + ": {}"));
  }

  @Test
  void readsDefaultsForOptionalLayerArguments() {
    assertThat(layers("  - leaky_relu\n  - prelu\n  - elu\n")).startsWith(
        new LeakyReluSpec(LeakyReluSpec.DEFAULT_NEGATIVE_SLOPE, null), new PReluSpec(ComponentSpec.of("zeros"), null),
        new EluSpec(EluSpec.DEFAULT_ALPHA, null));
  }

  @Test
  void readsAComponentAsABareName() {
    assertThat(initializer("he_uniform")).isEqualTo(ComponentSpec.of("he_uniform"));
  }

  @Test
  void keepsAComponentNameAsWritten() {
    assertThat(initializer("HeUniform")).isEqualTo(ComponentSpec.of("HeUniform"));
  }

  @Test
  void readsAComponentAsAOneEntryMapWithTypedArguments() {
    ComponentSpec c = initializer("{variance_scaling: {scale: 2.0, mode: fan_in, distribution: uniform, seed: 3}}");
    assertThat(c).isEqualTo(ComponentSpec.of("variance_scaling", "scale", 2.0, "mode", "fan_in",
        "distribution", "uniform", "seed", 3));
    assertThat(c.args().get("scale")).isInstanceOf(Double.class);
    assertThat(c.args().get("seed")).isInstanceOf(Integer.class);
  }

  @Test
  void readsAComponentInKerasClassNameConfigForm() {
    assertThat(initializer("{module: keras.initializers, class_name: VarianceScaling,"
        + " config: {scale: 2.0, mode: fan_in, seed: null}, registered_name: null}"))
        .isEqualTo(new ComponentSpec("VarianceScaling", mapOf("scale", 2.0, "mode", "fan_in", "seed", null)));
  }

  @Test
  void readsAOneEntryMapWithoutArgumentsAsTheBareName() {
    assertThat(initializer("{he_uniform: }")).isEqualTo(initializer("{he_uniform: {}}"))
        .isEqualTo(ComponentSpec.of("he_uniform"));
  }

  @Test
  void putsCamelCaseArgumentKeysInSnakeCase() {
    String yaml = "layers: [{dense: {units: 1}}]\ncompile: {loss: mse, optimizer: {adam: {learningRate: 0.01, beta_1: 0.8}}}\n";
    assertThat(SpecReader.read(yaml, "m.yaml").spec().model().compile().optimizer())
        .isEqualTo(ComponentSpec.of("adam", "learning_rate", 0.01, "beta_1", 0.8));
  }

  @Test
  void readsANestedScheduleAsANestedComponent() {
    String yaml = """
        layers: [{dense: {units: 1}}]
        compile:
          loss: mse
          optimizer:
            sgd:
              momentum: 0.9
              learning_rate: {exponential_decay: {initial_learning_rate: 0.1, decay_steps: 100, decay_rate: 0.96}}
        """;
    assertThat(SpecReader.read(yaml, "m.yaml").spec().model().compile().optimizer())
        .isEqualTo(ComponentSpec.of("sgd", "momentum", 0.9, "learning_rate", ComponentSpec.of("exponential_decay",
            "initial_learning_rate", 0.1, "decay_steps", 100, "decay_rate", 0.96)));
  }

  @Test
  void readsANestedComponentInKerasForm() {
    String yaml = "layers: [{dense: {units: 1}}]\ncompile: {loss: mse, optimizer: {class_name: Adam, config:"
        + " {learning_rate: {class_name: ExponentialDecay, config: {decay_steps: 10}}}}}\n";
    assertThat(SpecReader.read(yaml, "m.yaml").spec().model().compile().optimizer())
        .isEqualTo(ComponentSpec.of("Adam", "learning_rate", ComponentSpec.of("ExponentialDecay", "decay_steps", 10)));
  }

  @Test
  void readsRegularizersWithArguments() {
    DenseSpec d = (DenseSpec) firstLayer("dense: {units: 2, kernel_regularizer: {l1_l2: {l1: 0.01, l2: 0.001}},"
        + " bias_regularizer: {L2: {l2: 0.1}}}");
    assertThat(d.kernelRegularizer()).isEqualTo(ComponentSpec.of("l1_l2", "l1", 0.01, "l2", 0.001));
    assertThat(d.biasRegularizer()).isEqualTo(ComponentSpec.of("L2", "l2", 0.1));
  }

  @Test
  void keepsListsAndScalarTypesInArguments() {
    ComponentSpec c = initializer("{custom: {sizes: [1, 2.5, big, true, null, 5000000000], flag: no, hex: 0x1A}}");
    assertThat(c.args().get("sizes")).isEqualTo(Arrays.asList(1, 2.5, "big", true, null, 5_000_000_000L));
    assertThat(c.args().get("flag")).isEqualTo(false);
    assertThat(c.args().get("hex")).isEqualTo(26);
  }

  @Test
  void readsMetricsAndCallbacksInEveryForm() {
    String yaml = """
        layers: [{dense: {units: 1}}]
        compile:
          loss: {binary_crossentropy: {from_logits: false}}
          metrics: [accuracy, {auc: {num_thresholds: 50}}, {class_name: Precision, config: {thresholds: 0.7}}]
        fit:
          callbacks:
            - early_stopping: {patience: 3}
            - terminate_on_nan
        """;
    var spec = SpecReader.read(yaml, "m.yaml").spec();
    assertThat(spec.model().compile().loss()).isEqualTo(ComponentSpec.of("binary_crossentropy", "from_logits", false));
    assertThat(spec.model().compile().metrics()).containsExactly(ComponentSpec.of("accuracy"),
        ComponentSpec.of("auc", "num_thresholds", 50), ComponentSpec.of("Precision", "thresholds", 0.7));
    assertThat(spec.fit().callbacks()).containsExactly(ComponentSpec.of("early_stopping", "patience", 3),
        ComponentSpec.of("terminate_on_nan"));
  }

  @Test
  void readsASingleMetricAsAListOfOne() {
    String yaml = "layers: [{dense: {units: 1}}]\ncompile: {loss: mse, metrics: mae}\n";
    assertThat(SpecReader.read(yaml, "m.yaml").spec().model().compile().metrics())
        .containsExactly(ComponentSpec.of("mae"));
  }

  @Test
  void acceptsCamelCaseSectionKeys() {
    String yaml = """
        layers: [{dense: {units: 1, inputDim: 3}}]
        compile: {loss: mse}
        fit: {epochs: 2, batchSize: 4, validationSplit: 0.1, shuffle: false}
        """;
    assertThat(SpecReader.read(yaml, "m.yaml").spec().fit()).isEqualTo(new Fit(2, 4, 0.1, false, List.of()));
  }

  @Test
  void readsAModelOnlySpecWithRunDefaults() {
    var spec = SpecReader.read("layers:\n  - dense: {units: 1}\n", "m.yaml").spec();
    assertThat(spec.model().compile()).isNull();
    assertThat(spec.data()).isNull();
    assertThat(spec.fit()).isEqualTo(Fit.epochs(1));
  }

  @Test
  void keepsColumnNamesThatLookLikeOtherTypesAsText() {
    String yaml = """
        data: {target: y, drop: [No, 2019, null_col], one_hot: Country, fill_missing: {Age: median, Balance: 0}}
        layers: [{dense: {units: 1}}]
        compile: {loss: mse}
        """;
    var data = SpecReader.read(yaml, "m.yaml").spec().data();
    assertThat(data.drop()).containsExactly("No", "2019", "null_col");
    assertThat(data.oneHot()).containsExactly("Country");
    assertThat(data.fillMissing()).isEqualTo(Map.of("Age", "median", "Balance", 0));
  }

  @Test
  void keepsTheSweepSectionRawAndUnvalidated() {
    String yaml = """
        layers: [{dense: {units: 1}}]
        compile: {loss: mse}
        sweep:
          kernel_initializer: [he_uniform, glorot_uniform, {variance_scaling: {scale: 2.0}}]
          anything_Goes: {repeats: 3}
        """;
    ParsedSpec parsed = SpecReader.read(yaml, "m.yaml");
    assertThat(parsed.sweep()).containsOnlyKeys("kernel_initializer", "anything_Goes");
    assertThat(parsed.sweep().get("kernel_initializer")).isEqualTo(List.of("he_uniform", "glorot_uniform",
        Map.of("variance_scaling", Map.of("scale", 2.0))));
    assertThat(parsed.marks().find("sweep.anything_Goes.repeats")).isEqualTo(new SourceMark(5, 28));
  }

  @Test
  void acceptsAliasesForReuse() {
    String yaml = """
        layers:
          - dense: {units: 4, kernel_initializer: &init {variance_scaling: {scale: 2.0}}}
          - dense: {units: 1, kernel_initializer: *init}
        compile: {loss: mse}
        """;
    var layers = SpecReader.read(yaml, "m.yaml").spec().model().layers();
    assertThat(((DenseSpec) layers.get(1)).kernelInitializer()).isEqualTo(((DenseSpec) layers.get(0)).kernelInitializer());
  }

  private static Map<String, Object> mapOf(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}

package dev.lamina.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.layertype.LayerType;
import dev.lamina.layertype.LayerTypes;
import dev.lamina.runspec.PredictSpec;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.DropoutSpec;
import dev.lamina.spec.EluSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.LeakyReluSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.PReluSpec;
import dev.lamina.table.DataSpec;
import dev.lamina.train.Fit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code read(write(spec)).equals(spec)}, and the written text is the canonical, readable form. */
class SpecWriterRoundTripTest {
  static RunSpec roundTrip(RunSpec spec) {
    return SpecReader.read(SpecWriter.write(spec), "written.yaml").spec();
  }

  static RunSpec withLayer(LayerSpec layer) {
    ModelSpec model = new ModelSpec("one", null, List.of(DenseSpec.of(3), layer),
        new CompileSpec(null, ComponentSpec.of("mse"), null));
    return new RunSpec(model, null, null, null);
  }

  static Stream<LayerSpec> everyLayer() {
    ComponentSpec schedule = ComponentSpec.of("exponential_decay", "initial_learning_rate", 0.1, "decay_steps", 100);
    return Stream.of(
        DenseSpec.of(1),
        new DenseSpec(8, ComponentSpec.of("relu"), false, ComponentSpec.of("variance_scaling", "scale", 2.0, "mode",
            "fan_avg", "distribution", "truncated_normal", "seed", 7), ComponentSpec.of("constant", "value", 0.1),
            ComponentSpec.of("l1_l2", "l1", 0.01, "l2", 1e-4), ComponentSpec.of("l2"), 11, "hidden_1"),
        new DenseSpec(2, ComponentSpec.of("linear"), true, ComponentSpec.of("glorot_uniform"), ComponentSpec.of("zeros"),
            null, null, null, null),
        new DenseSpec(2, ComponentSpec.of("custom", "schedule", schedule), true, null, null, null, null, null, null),
        new DropoutSpec(0.2, null, null),
        new DropoutSpec(0.0, 123_456_789_012L, "drop"),
        new ActivationLayerSpec(ComponentSpec.of("tanh"), null),
        new ActivationLayerSpec(ComponentSpec.of("leaky_relu", "negative_slope", 0.2), "act"),
        new LeakyReluSpec(LeakyReluSpec.DEFAULT_NEGATIVE_SLOPE, null),
        new LeakyReluSpec(0.01, "lrelu"),
        new PReluSpec(null, null),
        new PReluSpec(ComponentSpec.of("constant", "value", 0.25), "p"),
        new EluSpec(EluSpec.DEFAULT_ALPHA, null),
        new EluSpec(0.0, "e"));
  }

  static Stream<LayerType<?>> everyRegisteredType() {
    return LayerTypes.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRegisteredType")
  void everyRegisteredLayerTypeSurvivesARoundTripAtItsDefaultsAndWithEveryArgumentWritten(LayerType<?> type) {
    LayerSpec example = LayerTypes.example(type);
    RunSpec spec = withLayer(example);
    assertThat(roundTrip(spec)).isEqualTo(spec);
    // every argument written out, defaults included, reads back to the same layer
    Map<String, Object> all = new java.util.LinkedHashMap<>(LayerTypes.arguments(example));
    all.values().removeIf(java.util.Objects::isNull);
    all.put("name", "named");
    LayerSpec named = LayerTypes.read(type, new dev.lamina.spec.Args("", type.name(), all));
    String yaml = "layers:\n  - dense: {units: 3}\n  - " + type.name() + ": " + YamlText.arguments(all) + "\n";
    assertThat(SpecReader.read(yaml, "all.yaml").spec().model().layers().get(1)).isEqualTo(named);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyLayer")
  void everyLayerSurvivesARoundTrip(LayerSpec layer) {
    RunSpec spec = withLayer(layer);
    assertThat(roundTrip(spec)).isEqualTo(spec);
  }

  /** A spec that uses every section, option and kind of value. */
  static RunSpec rich() {
    ComponentSpec schedule = ComponentSpec.of("piecewise_constant_decay", "boundaries", List.of(100, 200),
        "values", List.of(0.1, 0.01, 0.001));
    ComponentSpec optimizer = ComponentSpec.of("adam", "learning_rate", ComponentSpec.of("exponential_decay",
        "initial_learning_rate", 0.01, "decay_steps", 1000, "decay_rate", 0.96, "staircase", true,
        "inner", ComponentSpec.of("nothing")), "beta_1", 0.9, "epsilon", 1e-7, "amsgrad", false,
        "clipnorm", 1.0, "schedules", List.of(schedule));
    List<LayerSpec> layers = everyLayer().toList();
    ModelSpec model = new ModelSpec("churn: \"rich\" #1", Long.MAX_VALUE, layers, new CompileSpec(optimizer,
        ComponentSpec.of("binary_focal_crossentropy", "gamma", 2.0, "from_logits", false),
        List.of(ComponentSpec.of("accuracy"), ComponentSpec.of("auc", "num_thresholds", 200),
            ComponentSpec.of("precision", "thresholds", 0.5))));
    DataSpec data = new DataSpec("data/my churn.csv", "data/test.csv", "Exited?", List.of(),
        List.of("CreditScore", "yes", "1.5", "", " padded", "a: b", "#hash", "caf\u00e9", "tab\there", "null"),
        List.of("Geography"), false, List.of("Gender"), "minmax", 0.0, true,
        Map.of("Age", "median", "Balance", 0, "Tenure", 2.5));
    Fit fit = new Fit(250, 64, 0.25, false, List.of(
        ComponentSpec.of("early_stopping", "monitor", "val_loss", "patience", 10, "min_delta", 0.0,
            "restore_best_weights", true),
        ComponentSpec.of("reduce_lr_on_plateau", "factor", 0.5, "patience", 3, "min_lr", 1e-6),
        ComponentSpec.of("terminate_on_nan")));
    return new RunSpec(model, data, fit, new PredictSpec(0.35));
  }

  @Test
  void aRichSpecSurvivesARoundTrip() {
    RunSpec spec = rich();
    assertThat(roundTrip(spec)).isEqualTo(spec);
  }

  @Test
  void writingIsStableAfterOneRoundTrip() {
    String once = SpecWriter.write(rich());
    assertThat(SpecWriter.write(SpecReader.read(once, "w.yaml").spec())).isEqualTo(once);
  }

  @Test
  void argumentValuesKeepTheirJavaTypes() {
    ComponentSpec c = ComponentSpec.of("custom", "int", 2, "double", 2.0, "long", 5_000_000_000L, "tiny", 1e-300,
        "huge", 1e300, "negative_zero", -0.0, "inf", Double.NEGATIVE_INFINITY, "nan", Double.NaN, "text", "2",
        "flag", true, "nothing", null, "list", Arrays.asList(1, 1.0, "1", null, List.of()));
    RunSpec spec = withLayer(new ActivationLayerSpec(c, null));
    ComponentSpec back = ((ActivationLayerSpec) roundTrip(spec).model().layers().get(1)).activation();
    assertThat(back).isEqualTo(c);
    assertThat(back.args().get("int")).isInstanceOf(Integer.class);
    assertThat(back.args().get("double")).isInstanceOf(Double.class);
    assertThat(back.args().get("long")).isInstanceOf(Long.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "No", "true", "null", "~", "", "1", "1.5", "0x1A", ".inf", "- item", "a: b", "a #b",
      "[x]", "{x}", "*alias", "&anchor", "!tag", "%", "@", "`", "'", "\"", "back\\slash", "line\nbreak", " lead",
      "trail ", "2024-01-01", "1:20", "caf\u00e9", "\u2028", "he_uniform", "../data/churn.csv"})
  void anyTextSurvivesARoundTrip(String text) {
    ComponentSpec c = ComponentSpec.of("custom", "value", text);
    RunSpec spec = withLayer(new ActivationLayerSpec(c, text.isBlank() ? null : text));
    assertThat(roundTrip(spec)).isEqualTo(spec);
  }

  @Test
  void aModelAloneSurvivesARoundTrip() {
    ModelSpec model = rich().model();
    assertThat(SpecReader.read(SpecWriter.write(model), "m.yaml").spec().model()).isEqualTo(model);
  }

  @Test
  void anUncompiledModelSurvivesARoundTrip() {
    ModelSpec model = new ModelSpec("bare", 1L, List.of(DenseSpec.of(2)), null);
    assertThat(SpecWriter.write(model)).isEqualTo("name: bare\nseed: 1\nlayers:\n  - dense: {units: 2}\n");
    assertThat(SpecReader.read(SpecWriter.write(model), "m.yaml").spec().model()).isEqualTo(model);
  }

  @Test
  void writesTheExampleInItsCanonicalShape() {
    RunSpec spec = SpecReader.read(SpecReaderExampleTest.example()).spec();
    assertThat(SpecWriter.write(spec)).isEqualTo("""
        name: churn-he-uniform
        seed: 42
        data:
          csv: ../../data/churn.csv
          target: Exited
          drop: [RowNumber, CustomerId, Surname]
          one_hot: [Geography, Gender]
          scale: standard
          test_split: 0.2
        layers:
          - dense: {units: 6, activation: relu, kernel_initializer: he_uniform, input_dim: 11}
          - dense: {units: 6, activation: relu, kernel_initializer: he_uniform}
          - dense: {units: 1, activation: sigmoid}
        compile:
          optimizer: adam
          loss: binary_crossentropy
          metrics: [accuracy]
        fit:
          epochs: 100
          batch_size: 10
          validation_split: 0.33
          callbacks:
            - early_stopping: {monitor: val_loss, patience: 10, restore_best_weights: true}
        """);
  }

  @Test
  void severalTargetsAreWrittenAsAListAndOneAsAColumnName() {
    String several = "name: m\nlayers: [{dense: {units: 3}}]\ncompile: {loss: mse}\n"
        + "data: {csv: l.csv, target: [Weight, Waist, Pulse]}\n";
    RunSpec spec = SpecReader.read(several, "m.yaml").spec();
    assertThat(spec.data().targets()).containsExactly("Weight", "Waist", "Pulse");
    assertThat(SpecWriter.write(spec)).contains("\n  target: [Weight, Waist, Pulse]\n");
    assertThat(roundTrip(spec)).isEqualTo(spec);
    RunSpec one = SpecReader.read("name: m\nlayers: [{dense: {units: 1}}]\ncompile: {loss: mse}\n"
        + "data: {csv: c.csv, target: Exited}\n", "m.yaml").spec();
    assertThat(one.data().targets()).containsExactly("Exited");
    assertThat(SpecWriter.write(one)).contains("\n  target: Exited\n");
  }

  @Test
  void writesNestedComponentsAsMapsEvenWithoutArguments() {
    ComponentSpec sgd = ComponentSpec.of("sgd", "learning_rate", ComponentSpec.of("constant_schedule"));
    assertThat(YamlText.component(sgd)).isEqualTo("{sgd: {learning_rate: {constant_schedule: {}}}}");
  }

  @Test
  void writesDoublesWithADecimalPointAndASignedExponent() {
    assertThat(YamlText.number(2.0)).isEqualTo("2.0");
    assertThat(YamlText.number(0.33)).isEqualTo("0.33");
    assertThat(YamlText.number(1e-7)).isEqualTo("1.0e-7");
    assertThat(YamlText.number(1e20)).isEqualTo("1.0e+20");
    assertThat(YamlText.number(Double.POSITIVE_INFINITY)).isEqualTo(".inf");
    assertThat(YamlText.number(Double.NaN)).isEqualTo(".nan");
  }

  @Test
  void quotesOnlyTextThatWouldReadAsSomethingElse() {
    assertThat(YamlText.text("he_uniform")).isEqualTo("he_uniform");
    assertThat(YamlText.text("churn-he-uniform")).isEqualTo("churn-he-uniform");
    assertThat(YamlText.text("yes")).isEqualTo("\"yes\"");
    assertThat(YamlText.text("0.5")).isEqualTo("\"0.5\"");
    assertThat(YamlText.text("a: b")).isEqualTo("\"a: b\"");
  }

  @Test
  void refusesArgumentValuesThatYamlSpecsCannotHold() {
    RunSpec spec = withLayer(new ActivationLayerSpec(ComponentSpec.of("custom", "when", new java.util.Date(0)), null));
    assertThatThrownBy(() -> SpecWriter.write(spec)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot write a Date");
  }

  @Test
  void dtypeIsWrittenOnlyWhenItIsNotTheDefaultAndReadsBack() {
    RunSpec plain = withLayer(DenseSpec.of(1));
    assertThat(SpecWriter.write(plain)).doesNotContain("dtype");
    RunSpec single = new RunSpec(plain.model().withDtype(DType.FLOAT32), null, null, null);
    assertThat(SpecWriter.write(single)).contains("dtype: float32");
    assertThat(roundTrip(single)).isEqualTo(single);
    assertThat(roundTrip(single).model().dtype()).isEqualTo(DType.FLOAT32);
  }

  @ParameterizedTest
  @ValueSource(strings = {"float32", "FLOAT32", "float"})
  void dtypeAcceptsKerasNamesCaseInsensitivelyAndTheJavaAlias(String name) {
    String yaml = "dtype: " + name + "\nlayers: [{dense: {units: 1}}]\n";
    assertThat(SpecReader.read(yaml, "m.yaml").spec().model().dtype()).isEqualTo(DType.FLOAT32);
  }
}

package dev.lamina.init;

import static dev.lamina.init.VarianceScaling.Distribution.TRUNCATED_NORMAL;
import static dev.lamina.init.VarianceScaling.Distribution.UNIFORM;
import static dev.lamina.init.VarianceScaling.Distribution.UNTRUNCATED_NORMAL;
import static dev.lamina.init.VarianceScaling.Mode.FAN_AVG;
import static dev.lamina.init.VarianceScaling.Mode.FAN_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names, aliases, defaults, typed specs and error messages of {@link Initializers}. */
class InitializersRegistryTest {
  private static final String PATH = "layers[0].dense.kernel_initializer";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "he_uniform, he_uniform", "HeUniform, he_uniform", "heUniform, he_uniform",
      "GlorotUniform, glorot_uniform", "glorotUniform, glorot_uniform", "GlorotUniformV2, glorot_uniform",
      "glorotNormal, glorot_normal", "HeNormal, he_normal",
      "LecunNormal, lecun_normal", "leCunNormal, lecun_normal", "LeCunNormal, lecun_normal",
      "LecunUniform, lecun_uniform", "leCunUniform, lecun_uniform", "LeCunUniform, lecun_uniform",
      "uniform, random_uniform", "RandomUniform, random_uniform", "randomUniform, random_uniform",
      "normal, random_normal", "RandomNormal, random_normal", "randomNormal, random_normal",
      "TruncatedNormal, truncated_normal", "truncatedNormal, truncated_normal",
      "zero, zeros", "Zeros, zeros", "one, ones", "Ones, ones", "Constant, constant",
      "VarianceScaling, variance_scaling", "varianceScaling, variance_scaling",
      "IdentityInitializer, identity", "Identity, identity",
      "OrthogonalInitializer, orthogonal", "Orthogonal, orthogonal",
      "UniformFanIn, uniform_fan_in", "uniform_fan_in, uniform_fan_in",
  })
  void everySpellingResolvesToTheCanonicalName(String spelling, String canonical) {
    assertThat(Initializers.REGISTRY.canonicalName(spelling, PATH)).isEqualTo(canonical);
    assertThat(Initializers.create(spelling).name()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"leCunNormal", "leCunUniform"})
  void tfjsLeCunNamesNeedTheirAliasBecauseTheyDoNotCanonicalize(String tfjs) {
    assertThat(Names.canonical(tfjs)).startsWith("le_cun_");
  }

  static Stream<String> registeredNames() {
    return Initializers.REGISTRY.names().stream();
  }

  @ParameterizedTest
  @MethodSource("registeredNames")
  void everyNameBuildsAnInitializerThatReportsIt(String name) {
    assertThat(Initializers.create(name).name()).isEqualTo(name);
  }

  @Test
  void everyNameHasATypedConstant() throws IllegalAccessException {
    List<String> constants = new ArrayList<>();
    for (Field f : Initializers.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == ComponentSpec.class) {
        constants.add(((ComponentSpec) f.get(null)).name());
      }
    }

    assertThat(constants).containsExactlyInAnyOrderElementsOf(Initializers.REGISTRY.names());
  }

  static Stream<Arguments> kerasDefaults() {
    return Stream.of(
        Arguments.of("random_uniform", new RandomUniform(-0.05, 0.05, null)),
        Arguments.of("random_normal", new RandomNormal(0, 0.05, null)),
        Arguments.of("truncated_normal", new TruncatedNormal(0, 0.05, null)),
        Arguments.of("constant", new Constant(0)),
        Arguments.of("variance_scaling", new VarianceScaling(1, VarianceScaling.Mode.FAN_IN, TRUNCATED_NORMAL, null)),
        Arguments.of("orthogonal", new Orthogonal(1, null)),
        Arguments.of("identity", new Identity(1)),
        Arguments.of("zeros", new Zeros()),
        Arguments.of("ones", new Ones()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kerasDefaults")
  void defaultsAreKeras3s(String name, Initializer expected) {
    assertThat(Initializers.create(name)).isEqualTo(expected);
  }

  static Stream<Arguments> typedSpecs() {
    return Stream.of(
        Arguments.of(Initializers.varianceScaling(2, FAN_OUT, UNIFORM), new VarianceScaling(2, FAN_OUT, UNIFORM, null)),
        Arguments.of(Initializers.randomUniform(-1, 2), new RandomUniform(-1, 2, null)),
        Arguments.of(Initializers.randomNormal(0.5, 3), new RandomNormal(0.5, 3, null)),
        Arguments.of(Initializers.truncatedNormal(-1, 0.1), new TruncatedNormal(-1, 0.1, null)),
        Arguments.of(Initializers.constant(0.1), new Constant(0.1)),
        Arguments.of(Initializers.orthogonal(2), new Orthogonal(2, null)),
        Arguments.of(Initializers.identity(0.5), new Identity(0.5)),
        Arguments.of(Initializers.HE_UNIFORM, new HeUniform()),
        Arguments.of(Initializers.HE_UNIFORM.with("seed", 3), new HeUniform(3L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typedSpecs")
  void typedSpecsBuildWhatTheyName(ComponentSpec spec, Initializer expected) {
    assertThat(Initializers.create(spec, PATH)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "distribution ''{0}''")
  @CsvSource({
      "truncated_normal, TRUNCATED_NORMAL", "normal, TRUNCATED_NORMAL", "Normal, TRUNCATED_NORMAL",
      "TRUNCATED_NORMAL, TRUNCATED_NORMAL", "untruncated_normal, UNTRUNCATED_NORMAL", "Uniform, UNIFORM"})
  void distributionIsLowerCasedAndNormalMeansTruncated(String given, VarianceScaling.Distribution expected) {
    VarianceScaling vs = (VarianceScaling) Initializers.create(
        ComponentSpec.of("variance_scaling", "distribution", given), PATH);

    assertThat(vs.distribution()).isEqualTo(expected);
  }

  @Test
  void modeAndDistributionRoundTripThroughTheirKerasNames() {
    for (VarianceScaling.Mode m : VarianceScaling.Mode.values()) {
      assertThat(VarianceScaling.Mode.parse(m.kerasName())).isEqualTo(m);
    }
    for (VarianceScaling.Distribution d : VarianceScaling.Distribution.values()) {
      assertThat(VarianceScaling.Distribution.parse(d.kerasName())).isEqualTo(d);
    }
    assertThat(List.of(FAN_AVG.kerasName(), UNTRUNCATED_NORMAL.kerasName())).containsExactly("fan_avg", "untruncated_normal");
  }

  @Test
  void unknownNameSuggestsTheClosest() {
    assertThatThrownBy(() -> Initializers.create(ComponentSpec.of("he_unifrom"), PATH))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown initializer 'he_unifrom'")
        .hasMessageContaining("Did you mean")
        .hasMessageContaining("he_uniform?")
        .extracting(e -> ((SpecException) e).path()).isEqualTo(PATH);
  }

  @Test
  void unknownArgumentSuggestsTheClosest() {
    assertThatThrownBy(() -> Initializers.create(ComponentSpec.of("variance_scaling", "scal", 2.0), PATH))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown argument 'scal'")
        .hasMessageContaining("Did you mean scale")
        .extracting(e -> ((SpecException) e).path()).isEqualTo(PATH + ".scal");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -1.0, Double.POSITIVE_INFINITY})
  void scaleMustBePositive(double scale) {
    assertThatThrownBy(() -> Initializers.create(ComponentSpec.of("variance_scaling", "scale", scale), PATH))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("scale must be a positive finite number")
        .extracting(e -> ((SpecException) e).path()).isEqualTo(PATH + ".scale");
  }

  @ParameterizedTest
  @CsvSource({"fan_inn, Did you mean fan_in", "FAN_IN, Did you mean fan_in", "fanavg, Did you mean fan_avg"})
  void modeMustBeSpelledExactly(String mode, String hint) {
    assertThatThrownBy(() -> Initializers.create(ComponentSpec.of("variance_scaling", "mode", mode), PATH))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("mode must be one of [fan_in, fan_out, fan_avg]")
        .hasMessageContaining(hint)
        .extracting(e -> ((SpecException) e).path()).isEqualTo(PATH + ".mode");
  }

  @Test
  void unknownDistributionIsRefused() {
    assertThatThrownBy(() -> Initializers.create(ComponentSpec.of("variance_scaling", "distribution", "unifrom"), PATH))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("got 'unifrom'")
        .hasMessageContaining("Did you mean uniform")
        .extracting(e -> ((SpecException) e).path()).isEqualTo(PATH + ".distribution");
  }

  @Test
  void reversedUniformBoundsAreRefused() {
    assertThatThrownBy(() -> Initializers.create(Initializers.randomUniform(1, -1), PATH))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("minval <= maxval")
        .extracting(e -> ((SpecException) e).path()).isEqualTo(PATH + ".maxval");
  }

  @Test
  void negativeStddevIsRefused() {
    assertThatThrownBy(() -> Initializers.create(Initializers.randomNormal(0, -0.1), PATH))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("stddev >= 0")
        .extracting(e -> ((SpecException) e).path()).isEqualTo(PATH + ".stddev");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zeros", "ones", "constant", "identity"})
  void deterministicInitializersRejectASeedAsKerasDoes(String name) {
    assertThatThrownBy(() -> Initializers.create(ComponentSpec.of(name, "seed", 1), PATH))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown argument 'seed'");
  }
}

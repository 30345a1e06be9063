package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.layertype.NormalizationType;
import dev.lamina.layertype.ReluType;
import dev.lamina.model.Model;
import dev.lamina.spec.BatchNormalizationSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures of {@code keras/fixtures} (built by {@code make_fixtures.py} in Keras 3.10's exact
 * layouts, see the README there): every layer and constraint of issue 19 imports from both the
 * {@code .keras} archive and the legacy {@code .h5} file and reproduces the numpy reference
 * forward pass within 1e-6.
 */
class KerasFixturesTest {
  private static final double TOLERANCE = 1e-6;

  static Path fixture(String name) {
    try {
      return Path.of(KerasFixturesTest.class.getResource("/keras/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> files() {
    return Stream.of("bn_keras3.keras", "bn_legacy.h5", "norm_keras3.keras", "norm_legacy.h5", "misc_keras3.keras",
        "misc_legacy.h5");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void importReproducesTheNumpyReferenceWithinOneInAMillion(String file) throws Exception {
    Model m = KerasImporter.read(fixture(file)).model();
    List<String> lines = Files.readAllLines(fixture(file.substring(0, file.indexOf('_')) + "_reference.csv"));
    String[] header = lines.get(0).split(",");
    int inputs = (int) Stream.of(header).filter(h -> h.startsWith("x")).count();
    int outputs = header.length - inputs;
    double[][] x = new double[lines.size() - 1][inputs];
    double[][] y = new double[lines.size() - 1][outputs];
    for (int r = 1; r < lines.size(); r++) {
      String[] f = lines.get(r).split(",");
      for (int j = 0; j < inputs; j++) {
        x[r - 1][j] = Double.parseDouble(f[j]);
      }
      for (int j = 0; j < outputs; j++) {
        y[r - 1][j] = Double.parseDouble(f[inputs + j]);
      }
    }
    double[][] p = m.predict(x);
    double worst = 0;
    for (int r = 0; r < x.length; r++) {
      for (int j = 0; j < outputs; j++) {
        worst = Math.max(worst, Math.abs(p[r][j] - y[r][j]));
      }
    }
    assertThat(worst).as(file).isLessThan(TOLERANCE);
  }

  @Test
  void batchNormalizationReluAndMaxNormKeepTheirArgumentsAndState() {
    Model m = KerasImporter.read(fixture("bn_keras3.keras")).model();
    List<LayerSpec> layers = m.spec().layers();
    assertThat(((DenseSpec) layers.get(0)).kernelConstraint())
        .isEqualTo(ComponentSpec.of("max_norm", "max_value", 3.0, "axis", 0));
    BatchNormalizationSpec bn = (BatchNormalizationSpec) layers.get(1);
    assertThat(bn.momentum()).isEqualTo(0.9);
    assertThat(bn.epsilon()).isEqualTo(0.01);
    assertThat(layers.get(4)).isEqualTo(new ReluType.Spec(6.0, 0.1, 0.5, "re_lu"));
    assertThat(m.state()).extracting(p -> p.name())
        .containsExactly("batch_normalization/moving_mean", "batch_normalization/moving_variance");
    assertThat(m.summary()).contains("kernel max_norm{max_value=3.0, axis=0}").contains("(BatchNormalization)")
        .contains("(ReLU)").contains("(LayerNormalization)");
  }

  @Test
  void anAdaptedNormalizationTakesItsStatisticsFromTheWeights() {
    Model m = KerasImporter.read(fixture("norm_legacy.h5")).model();
    NormalizationType.Spec n = (NormalizationType.Spec) m.spec().layers().get(0);
    assertThat(n.mean()).isNull();
    assertThat(m.state()).extracting(p -> p.name())
        .containsExactly("normalization/mean", "normalization/variance", "normalization/count");
    assertThat(m.state().get(2).value()).containsExactly(1000.0);
    assertThat(((DenseSpec) m.spec().layers().get(1)).biasConstraint()).isEqualTo(ComponentSpec.of("non_neg"));
  }

  @Test
  void aGivenInvertedNormalizationAndTheIdentityLayersRead() {
    Model m = KerasImporter.read(fixture("misc_keras3.keras")).model();
    assertThat(m.spec().layers()).extracting(LayerSpec::kerasClassName).containsExactly("Flatten", "Normalization",
        "Dense", "GaussianDropout", "AlphaDropout", "Reshape", "BatchNormalization", "Dense");
    NormalizationType.Spec n = (NormalizationType.Spec) m.spec().layers().get(1);
    assertThat(n.invert()).isTrue();
    assertThat(n.mean()).containsExactly(1.5, -2.0, 0.25);
    assertThat(m.parameters()).extracting(p -> p.name()).doesNotContain("batch_normalization/gamma",
        "batch_normalization/beta");
  }
}

package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.model.Model;
import dev.lamina.spec.DenseSpec;
import org.junit.jupiter.api.Test;

/** Imports of the real Keras 3 files reproduce Keras's outputs. */
class RealFileImportTest {
  private static final double TOLERANCE = 1e-6;

  private static double maxError(Model m) {
    double[][] x = RealKerasFiles.features();
    double[] ref = RealKerasFiles.reference();
    double[][] p = m.predict(x);
    assertThat(p.length).isEqualTo(ref.length);
    double worst = 0;
    for (int i = 0; i < ref.length; i++) {
      worst = Math.max(worst, Math.abs(p[i][0] - ref[i]));
    }
    return worst;
  }

  @Test
  void kerasArchiveReproducesEveryReferenceProbability() {
    KerasImport imp = KerasImporter.read(RealKerasFiles.archive());
    assertThat(imp.format()).isEqualTo("keras3");
    assertThat(imp.kerasVersion()).isEqualTo("3.10.0");
    assertThat(maxError(imp.model())).isLessThan(TOLERANCE);
  }

  @Test
  void legacyH5ReproducesEveryReferenceProbability() {
    KerasImport imp = KerasImporter.read(RealKerasFiles.legacy());
    assertThat(imp.format()).isEqualTo("legacy-h5");
    assertThat(maxError(imp.model())).isLessThan(TOLERANCE);
  }

  @Test
  void bothFormatsGiveIdenticalWeightsAndOutputs() {
    Model a = KerasImporter.read(RealKerasFiles.archive()).model();
    Model b = KerasImporter.read(RealKerasFiles.legacy()).model();
    assertThat(a.weights()).isDeepEqualTo(b.weights());
    double[][] x = RealKerasFiles.features();
    assertThat(a.predict(x)).isDeepEqualTo(b.predict(x));
  }

  @Test
  void architectureMapsToDenseSpecsWithKerasNamesAndDefaults() {
    Model m = KerasImporter.read(RealKerasFiles.archive()).model();
    assertThat(m.spec().name()).isEqualTo("sequential_2");
    assertThat(m.spec().layers()).extracting(l -> l.name()).containsExactly("dense_6", "dense_7", "dense_8");
    DenseSpec first = (DenseSpec) m.spec().layers().get(0);
    assertThat(first.units()).isEqualTo(64);
    assertThat(first.inputDim()).isEqualTo(12);
    assertThat(first.activation().name()).isEqualTo("relu");
    assertThat(first.kernelInitializer().name()).isEqualTo("glorot_uniform");
    assertThat(first.kernelInitializer().args()).isEmpty();
    assertThat(((DenseSpec) m.spec().layers().get(2)).activation().name()).isEqualTo("sigmoid");
    assertThat(m.inputWidth()).isEqualTo(12);
  }

  @Test
  void compileSettingsAreReadFromBothFormats() {
    for (var file : java.util.List.of(RealKerasFiles.archive(), RealKerasFiles.legacy())) {
      KerasImport imp = KerasImporter.read(file);
      assertThat(imp.compileFromFile()).isTrue();
      var c = imp.model().spec().compile();
      assertThat(c.optimizer().name()).isEqualTo("adam");
      assertThat(c.optimizer().args()).containsEntry("learning_rate", 0.009999999776482582);
      assertThat(c.loss().name()).isEqualTo("binary_crossentropy");
      assertThat(c.metrics()).extracting(m -> m.name()).containsExactly("accuracy");
    }
  }
}

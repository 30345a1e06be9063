package dev.lamina.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.init.Initializers;
import dev.lamina.model.LsuvStep;
import dev.lamina.model.Model;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** LSUV (Mishkin &amp; Matas 2015): every layer's pre-activation variance ends within the tolerance of 1. */
class LsuvTest {
  private static final double TOLERANCE = 0.05;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"relu", "tanh", "sigmoid"})
  void everyLayerReachesUnitVarianceWithinTheTolerance(String activation) {
    Model m = Model.of(TinyNetwork.deep(11, 12, 16, activation, Initializers.lsuv(TOLERANCE, 10, 200), 7));
    Dataset data = DiagnosticsTest.batch(11, 200, 8);
    List<LsuvStep> steps = m.initializeDataDependent(data.x(), data.rows());
    assertThat(steps).hasSize(13).allMatch(LsuvStep::converged);
    // Measured independently on the same rows (all 200 of them form the LSUV batch).
    for (LayerStats s : Diagnostics.inspect(m, data).layers()) {
      assertThat(Math.abs(s.preActivationStd() * s.preActivationStd() - 1)).as("layer %d", s.index()).isLessThan(TOLERANCE);
    }
  }

  @Test
  void fitRunsLsuvBeforeTheFirstEpochReproducibly() {
    Dataset data = DiagnosticsTest.batch(11, 300, 8);
    Model a = Model.of(TinyNetwork.deep(11, 6, 16, "relu", Initializers.LSUV, 7));
    Model b = Model.of(TinyNetwork.deep(11, 6, 16, "relu", Initializers.LSUV, 7));
    double[][] orthogonal = a.weights();
    a.fit(data, null, Fit.epochs(1).batchSize(300).shuffle(false));
    b.fit(data, null, Fit.epochs(1).batchSize(300).shuffle(false));
    assertThat(a.weights()).isDeepEqualTo(b.weights());
    assertThat(a.weights()[0]).isNotEqualTo(orthogonal[0]);
  }

  @Test
  void thePreInitIsOrthogonal() {
    Model m = Model.of(TinyNetwork.deep(16, 1, 16, "relu", Initializers.LSUV, 7));
    double[] w = m.weights()[0];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        double dot = 0;
        for (int k = 0; k < 16; k++) {
          dot += w[k * 16 + i] * w[k * 16 + j];
        }
        assertThat(dot).isCloseTo(i == j ? 1 : 0, org.assertj.core.api.Assertions.within(1e-9));
      }
    }
  }

  @Test
  void aToleranceOutsideZeroToOneIsRefusedWithTheFix() {
    assertThatThrownBy(() -> Model.of(TinyNetwork.deep(4, 1, 4, "relu", ComponentSpec.of("lsuv", "tolerance", 2.0), 1)))
        .isInstanceOf(SpecException.class).hasMessageContaining("tolerance must be in (0, 1), got 2.0");
  }
}

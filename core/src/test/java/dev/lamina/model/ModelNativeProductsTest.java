package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.layer.Dense;
import dev.lamina.layer.OpenBlasRequirement;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Fit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Model#allowNativeProducts}: wide float32 layers use OpenBLAS by default when it is
 * installed (float64 ones run on the Java kernels, measured faster); a model told not to keeps the
 * Java kernels, also when it is told before its layers exist (no input_dim: built by the first
 * fit).
 */
class ModelNativeProductsTest {
  @BeforeAll
  static void needsOpenBlas() {
    OpenBlasRequirement.check();
  }

  private static Model wideWithoutInputDim() {
    return Model.of(new ModelSpec("wide", 9L, List.of(Fixtures.dense(32, "relu", "he_uniform"),
        Fixtures.dense(32, "relu", "he_uniform"), Fixtures.dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"), List.of()), DType.FLOAT32));
  }

  private static boolean secondLayerNative(Model m) {
    return ((Dense) m.network().layers().get(1)).nativeProducts();
  }

  @Test
  void wideLayersUseOpenBlasByDefault() {
    Model m = wideWithoutInputDim();
    double[][] x = Fixtures.features(64, 20, 1);
    m.fit(x, Fixtures.labels(x, 1), Fit.epochs(1).batchSize(32));
    assertThat(secondLayerNative(m)).isTrue();
  }

  @Test
  void aModelToldBeforeItIsBuiltKeepsTheJavaKernels() {
    Model m = wideWithoutInputDim();
    assertThat(m.isBuilt()).isFalse();
    m.allowNativeProducts(false);
    double[][] x = Fixtures.features(64, 20, 1);
    m.fit(x, Fixtures.labels(x, 1), Fit.epochs(1).batchSize(32));
    assertThat(secondLayerNative(m)).isFalse();
    m.allowNativeProducts(true);
    assertThat(secondLayerNative(m)).isTrue();
  }
}

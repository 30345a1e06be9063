package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.layer.Dense;
import dev.lamina.layer.NativeGemm;
import dev.lamina.layer.OpenBlasRequirement;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Training gives bit-identical weights and history whatever the thread count: a network wide
 * enough (11-64-64-1, batch 128) that its products are split between threads, trained with 1
 * thread and with 2, 3 or 4, on the Java kernels and with the wide products on OpenBLAS.
 */
class ThreadCountTest {
  private static ModelSpec wide(DType dtype) {
    return new ModelSpec("wide", 5L, List.of(Fixtures.dense(64, "relu", "he_uniform", 11),
        Fixtures.dense(64, "relu", "he_uniform"), Fixtures.dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"),
            List.of(ComponentSpec.of("accuracy"))), dtype);
  }

  private static Model train(int threads, DType dtype, boolean openBlas, double[][] x, double[] y,
      History[] history) {
    Model m = Model.of(wide(dtype));
    m.allowNativeProducts(openBlas);
    m.network().setThreads(threads);
    m.optimizer().setThreads(threads);
    history[0] = m.fit(x, y, Fit.epochs(2).batchSize(128));
    return m;
  }

  @ParameterizedTest(name = "{0} threads, {1}, OpenBLAS {2}")
  @CsvSource({"2,FLOAT64,false", "3,FLOAT64,false", "4,FLOAT64,false", "2,FLOAT32,false", "3,FLOAT32,false",
      "2,FLOAT32,true", "3,FLOAT32,true", "2,FLOAT64,true", "3,FLOAT64,true"})
  void weightsAndHistoryAreBitIdenticalToOneThread(int threads, DType dtype, boolean openBlas) {
    if (openBlas) {
      OpenBlasRequirement.check();
    }
    double[][] x = Fixtures.features(2000, 11, 3);
    double[] y = Fixtures.labels(x, 3);
    History[] one = new History[1];
    History[] many = new History[1];
    Model single = train(1, dtype, openBlas, x, y, one);
    Model parallel = train(threads, dtype, openBlas, x, y, many);
    assertThat(((Dense) single.network().layers().get(1)).nativeProducts())
        .isEqualTo(openBlas && (dtype == DType.FLOAT32 || NativeGemm.runsFloat64Products()));
    double[][] a = single.weights();
    double[][] b = parallel.weights();
    assertThat(b.length).isEqualTo(a.length);
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).as("tensor %d", i).isEqualTo(a[i]);
    }
    assertThat(many[0]).isEqualTo(one[0]);
  }
}

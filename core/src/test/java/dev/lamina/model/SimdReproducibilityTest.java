package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.layer.Simd;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.ModelSpec;
import dev.lamina.testing.ChildJvm;
import dev.lamina.train.Fit;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A whole training of a wide network gives the same weights, bit for bit, on the Vector API
 * kernels (this JVM, which the build starts with the module) and on the plain-Java kernels (a child
 * JVM with {@code -Dlamina.simd=false}): reproducibility does not depend on a JVM flag.
 */
class SimdReproducibilityTest {
  static ModelSpec wide(DType dtype) {
    return new ModelSpec("wide", 9L, List.of(Fixtures.dense(40, "relu", "he_uniform", 11),
        Fixtures.dense(36, "tanh", "glorot_uniform"), Fixtures.dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"),
            List.of(ComponentSpec.of("accuracy"))), dtype);
  }

  /** Trains {@link #wide} and returns a fingerprint of every weight's bits. */
  static String trainedWeights(DType dtype) {
    double[][] x = Fixtures.features(600, 11, 4);
    double[] y = Fixtures.labels(x, 4);
    Model m = Model.of(wide(dtype));
    m.fit(x, y, Fit.epochs(2).batchSize(64));
    StringBuilder sb = new StringBuilder();
    for (double[] w : m.weights()) {
      sb.append(Arrays.hashCode(w)).append(' ').append(Double.doubleToRawLongBits(w[w.length - 1])).append(';');
    }
    return sb.toString();
  }

  /** Entry point of the child JVM: prints the fingerprint for the dtype named in args[0]. */
  public static void main(String[] args) {
    System.out.println(Simd.enabled() + " " + trainedWeights(DType.valueOf(args[0])));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void vectorAndPlainKernelsTrainTheSameWeights(DType dtype) throws IOException, InterruptedException {
    String child = String.join("\n", ChildJvm.run(SimdReproducibilityTest.class, List.of("-Dlamina.simd=false"), dtype.name()));
    assertThat(child).startsWith("false ");
    assertThat(child.substring("false ".length())).isEqualTo(trainedWeights(dtype));
  }
}

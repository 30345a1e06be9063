package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.DropoutSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central-difference gradient checks of the float32 path: the analytic gradient of every parameter
 * of a {@code dtype: float32} network (float activations between its Dense layers, conversions
 * where they meet double layers, the fused sigmoid cross-entropy from float logits) against
 * (L(w + h) - L(w - h)) / 2h of the same weights computed in double precision (the float64 twin of
 * the network, whose weights are the float32 ones exactly). The float path rounds every activation
 * and partial sum to float (relative 6e-8 each), so the two agree to a relative 1e-3, not 1e-6.
 */
class Float32GradientCheckTest {
  private static final int ROWS = 9;
  private static final int INPUTS = 5;
  private static final double H = 1e-6;
  /** Relative to the largest gradient of the tensor: float rounding over a few hundred terms. */
  private static final double TOLERANCE = 1e-3;

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of("float layers end to end, sigmoid fused with binary cross-entropy",
            List.of(dense(32, "relu"), dense(24, "tanh"), dense(1, "sigmoid")), "binary_crossentropy", 1),
        Arguments.of("a double layer between two float ones (conversions both ways)",
            List.of(dense(20, "elu"), new ActivationLayerSpec(ComponentSpec.of("swish"), null), dense(18, "linear"),
                new DropoutSpec(0.5, null, null), dense(2, "linear")), "mean_squared_error", 2),
        Arguments.of("a float layer under double ones (narrow both ways, softmax)",
            List.of(dense(17, "softplus"), dense(6, "tanh"), dense(3, "softmax")), "categorical_crossentropy", 3),
        Arguments.of("regularizers and no bias",
            List.of(new DenseSpec(16, ComponentSpec.of("selu"), false, ComponentSpec.of("glorot_uniform"), null,
                ComponentSpec.of("l1_l2", "l1", 0.01, "l2", 0.02), null, null, null),
                new DenseSpec(1, ComponentSpec.of("linear"), true, ComponentSpec.of("glorot_uniform"),
                    ComponentSpec.of("random_normal", "stddev", 0.3), null, ComponentSpec.of("l2", "l2", 0.03), null,
                    null)), "huber", 1));
  }

  private static DenseSpec dense(int units, String activation) {
    return new DenseSpec(units, ComponentSpec.of(activation), true, ComponentSpec.of("glorot_uniform"),
        ComponentSpec.of("random_normal", "stddev", 0.3), null, null, null, null);
  }

  private static Model model(List<LayerSpec> layers, String loss, DType dtype) {
    return Model.of(new ModelSpec("check", 11L, layers, new CompileSpec(ComponentSpec.of("sgd"), ComponentSpec.of(loss),
        List.of()), dtype), INPUTS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void float32GradientsMatchCentralDifferencesOfTheSameWeightsInDouble(String label, List<LayerSpec> layers,
      String loss, int outputs) {
    Model single = model(layers, loss, DType.FLOAT32);
    Model exact = model(layers, loss, DType.FLOAT64);
    exact.setWeights(single.weights()); // float32 values, held exactly in double
    assertThat(single.network().layers().get(0).floatActivations()).as("the first layer runs in float").isTrue();
    Rng rng = new Rng(5);
    double[] x = new double[ROWS * INPUTS];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextGaussian();
    }
    double[] y = NetworkGradientCheckTest.targets(loss, outputs, ROWS, rng);
    double[][] analytic = gradients(single, x, y);
    Network net = exact.network();
    LossHead head = exact.head();
    net.allocate(ROWS);
    head.allocate(ROWS);
    List<Parameter> params = net.parameters();
    for (int t = 0; t < params.size(); t++) {
      double[] w = params.get(t).value();
      double scale = 1e-6;
      for (double g : analytic[t]) {
        scale = Math.max(scale, Math.abs(g));
      }
      for (int i = 0; i < w.length; i++) {
        double keep = w[i];
        w[i] = keep + H;
        double plus = NetworkGradientCheckTest.totalLoss(net, head, x, y, ROWS);
        w[i] = keep - H;
        double minus = NetworkGradientCheckTest.totalLoss(net, head, x, y, ROWS);
        w[i] = keep;
        double numeric = (plus - minus) / (2 * H);
        assertThat(Math.abs(analytic[t][i] - numeric) / scale)
            .as("%s: d loss / d %s[%d]: float32 analytic %s, float64 numeric %s", label, params.get(t).name(), i,
                analytic[t][i], numeric)
            .isLessThan(TOLERANCE);
      }
    }
  }

  /** Every parameter's gradient of one inference-mode forward and backward pass. */
  private static double[][] gradients(Model m, double[] x, double[] y) {
    Network net = m.network();
    LossHead head = m.head();
    net.allocate(ROWS);
    head.allocate(ROWS);
    head.loss(net.forward(x, ROWS, false), y, null, ROWS, true);
    head.backward(ROWS);
    return net.parameters().stream().map(p -> p.grad().clone()).toArray(double[][]::new);
  }
}

package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.DropoutSpec;
import dev.lamina.spec.EluSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.LeakyReluSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.PReluSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central-difference gradient checks of every layer, through the real network and loss code:
 * the analytic gradient of every parameter (and so of every layer's input, which feeds the layer
 * below) must match (L(w + h) - L(w - h)) / 2h to a relative error below 1e-6.
 */
class NetworkGradientCheckTest {
  private static final int ROWS = 7;
  private static final int INPUTS = 5;
  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-6;

  static Stream<Arguments> networks() {
    ComponentSpec normal = ComponentSpec.of("random_normal", "stddev", 0.7);
    return Stream.of(
        Arguments.of("dense tanh + dense linear, mse",
            List.of(dense(4, "tanh", normal), dense(2, "linear", normal)), "mean_squared_error", 2),
        Arguments.of("dense sigmoid output fused with binary cross-entropy",
            List.of(dense(4, "relu", normal), dense(1, "sigmoid", normal)), "binary_crossentropy", 1),
        Arguments.of("dense softmax output fused with categorical cross-entropy",
            List.of(dense(6, "elu", normal), dense(3, "softmax", normal)), "categorical_crossentropy", 3),
        Arguments.of("dropout in inference mode is the identity",
            List.of(dense(4, "softplus", normal), new DropoutSpec(0.5, null, null), dense(1, "linear", normal)), "huber", 1),
        Arguments.of("activation layer",
            List.of(dense(4, "linear", normal), new ActivationLayerSpec(ComponentSpec.of("swish"), null), dense(1, "linear", normal)),
            "mean_squared_error", 1),
        Arguments.of("leaky relu and elu layers",
            List.of(dense(4, "linear", normal), new LeakyReluSpec(0.3, null), dense(3, "linear", normal),
                new EluSpec(0.7, null), dense(1, "linear", normal)), "mean_squared_error", 1),
        Arguments.of("prelu layer with trainable slopes",
            List.of(dense(4, "linear", normal), new PReluSpec(ComponentSpec.of("random_uniform", "minval", 0.1, "maxval", 0.4), null),
                dense(1, "linear", normal)), "mean_squared_error", 1),
        Arguments.of("l1 and l2 regularizers on kernel and bias",
            List.of(new DenseSpec(4, ComponentSpec.of("tanh"), true, normal, normal,
                ComponentSpec.of("l1_l2", "l1", 0.01, "l2", 0.02), ComponentSpec.of("l2", "l2", 0.03), null, null),
                dense(1, "linear", normal)), "mean_squared_error", 1),
        Arguments.of("no bias",
            List.of(new DenseSpec(3, ComponentSpec.of("selu"), false, normal, null, null, null, null, null),
                dense(1, "sigmoid", normal)), "mean_squared_error", 1));
  }

  private static DenseSpec dense(int units, String activation, ComponentSpec init) {
    return new DenseSpec(units, ComponentSpec.of(activation), true, init, ComponentSpec.of("random_normal", "stddev", 0.3),
        null, null, null, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void analyticGradientsMatchCentralDifferences(String label, List<LayerSpec> layers, String loss, int outputs) {
    Model model = Model.of(new ModelSpec("check", 11L, layers, new CompileSpec(ComponentSpec.of("sgd"), ComponentSpec.of(loss), List.of())), INPUTS);
    Rng rng = new Rng(5);
    double[] x = new double[ROWS * INPUTS];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    double[] y = targets(loss, outputs, ROWS, rng);
    Network net = model.network();
    LossHead head = model.head();
    net.allocate(ROWS);
    head.allocate(ROWS);

    double[] out = net.forward(x, ROWS, false);
    head.loss(out, y, null, ROWS, true);
    head.backward(ROWS);
    for (Parameter p : net.parameters()) {
      double[] analytic = p.grad().clone();
      double[] w = p.value();
      for (int i = 0; i < w.length; i++) {
        double keep = w[i];
        w[i] = keep + H;
        double plus = totalLoss(net, head, x, y, ROWS);
        w[i] = keep - H;
        double minus = totalLoss(net, head, x, y, ROWS);
        w[i] = keep;
        double numeric = (plus - minus) / (2 * H);
        assertThat(relativeError(analytic[i], numeric))
            .as("%s: d loss / d %s[%d]: analytic %s, numeric %s", label, p.name(), i, analytic[i], numeric)
            .isLessThan(TOLERANCE);
      }
    }
  }

  /** Targets for {@code rows} rows that suit the loss: alternating labels, one-hot rows or Gaussian values. */
  static double[] targets(String loss, int outputs, int rows, Rng rng) {
    double[] y = new double[rows * outputs];
    if (loss.equals("binary_crossentropy")) {
      for (int r = 0; r < rows; r++) {
        y[r] = r % 2;
      }
    } else if (loss.equals("categorical_crossentropy")) {
      for (int r = 0; r < rows; r++) {
        y[r * outputs + rng.nextInt(outputs)] = 1;
      }
    } else {
      for (int i = 0; i < y.length; i++) {
        y[i] = rng.nextGaussian();
      }
    }
    return y;
  }

  /** The data loss plus the regularization penalty of an inference-mode forward pass. */
  static double totalLoss(Network net, LossHead head, double[] x, double[] y, int rows) {
    double[] out = net.forward(x, rows, false);
    return head.loss(out, y, null, rows, false) + net.regularizationLoss();
  }

  private static double relativeError(double a, double b) {
    double scale = Math.max(Math.abs(a) + Math.abs(b), 1e-7);
    return Math.abs(a - b) / scale;
  }

  @Test
  void sigmoidOutputWithBinaryCrossentropyUsesTheFusedLogitsPath() {
    Model model = Model.of(new ModelSpec("fused", 1L, List.of(dense(1, "sigmoid", ComponentSpec.of("ones"))),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"), List.of())), 2);
    assertThat(model.head().fused()).isTrue();
  }

  @Test
  void dropoutInTrainingScalesKeptUnitsAndRoutesGradientThroughTheMask() {
    dev.lamina.layer.Dropout d = new dev.lamina.layer.Dropout("dropout", 4, 0.5, new Rng(3));
    d.allocate(50);
    double[] x = new double[200];
    java.util.Arrays.fill(x, 1.0);
    double[] out = d.forward(x, 50, true).clone();
    double[] ones = new double[200];
    java.util.Arrays.fill(ones, 1.0);
    double[] dx = d.backward(ones, 50, true);
    int kept = 0;
    for (int i = 0; i < 200; i++) {
      assertThat(out[i]).isIn(0.0, 2.0);
      assertThat(dx[i]).isEqualTo(out[i]);
      kept += out[i] > 0 ? 1 : 0;
    }
    assertThat(kept).isBetween(70, 130);
  }

  @Test
  void dropoutAtInferenceIsTheIdentity() {
    dev.lamina.layer.Dropout d = new dev.lamina.layer.Dropout("dropout", 3, 0.9, new Rng(3));
    d.allocate(2);
    double[] x = {1, 2, 3, 4, 5, 6};
    assertThat(d.forward(x, 2, false)).containsExactly(1, 2, 3, 4, 5, 6);
  }
}

package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.layertype.LayerType;
import dev.lamina.layertype.LayerTypes;
import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered layer type, between two Dense layers, with every tensor (state included) set
 * to random values: the analytic gradient of every trainable value matches central differences
 * (in inference mode, where the noise layers are the identity and BatchNormalization uses its
 * moving statistics), and the summary lists the layer.
 */
class EveryLayerTypeTest {
  private static final int ROWS = 6;
  private static final int INPUTS = 5;
  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-6;

  static Stream<LayerType<?>> types() {
    return LayerTypes.ALL.stream();
  }

  static Model model(LayerType<?> type) {
    ComponentSpec normal = ComponentSpec.of("random_normal", "stddev", 0.7);
    List<LayerSpec> layers = List.of(
        new DenseSpec(4, ComponentSpec.of("tanh"), true, normal, normal, null, null, null, null),
        LayerTypes.example(type),
        new DenseSpec(2, ComponentSpec.of("linear"), true, normal, normal, null, null, null, null));
    Model m = Model.of(new ModelSpec("every", 3L, layers,
        new CompileSpec(ComponentSpec.of("sgd"), ComponentSpec.of("mean_squared_error"), List.of())), INPUTS);
    Rng rng = new Rng(17);
    for (Parameter p : m.tensors()) {
      boolean positive = m.state().contains(p);
      for (int i = 0; i < p.size(); i++) {
        p.value()[i] = positive ? 0.5 + Math.abs(rng.nextGaussian()) : rng.nextGaussian() * 0.8;
      }
    }
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void analyticGradientsMatchCentralDifferences(LayerType<?> type) {
    Model model = model(type);
    Rng rng = new Rng(5);
    double[] x = new double[ROWS * INPUTS];
    double[] y = new double[ROWS * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = rng.nextGaussian();
    }
    Network net = model.network();
    LossHead head = model.head();
    net.allocate(ROWS);
    head.allocate(ROWS);
    head.loss(net.forward(x, ROWS, false), y, null, ROWS, true);
    head.backward(ROWS);
    for (Parameter p : net.parameters()) {
      double[] analytic = p.grad().clone();
      double[] w = p.value();
      for (int i = 0; i < w.length; i++) {
        double keep = w[i];
        w[i] = keep + H;
        double plus = head.loss(net.forward(x, ROWS, false), y, null, ROWS, false);
        w[i] = keep - H;
        double minus = head.loss(net.forward(x, ROWS, false), y, null, ROWS, false);
        w[i] = keep;
        double numeric = (plus - minus) / (2 * H);
        double scale = Math.max(Math.abs(analytic[i]) + Math.abs(numeric), 1e-7);
        assertThat(Math.abs(analytic[i] - numeric) / scale)
            .as("%s: d loss / d %s[%d]: analytic %s, numeric %s", type.name(), p.name(), i, analytic[i], numeric)
            .isLessThan(TOLERANCE);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void theSummaryListsTheLayerByItsKerasClass(LayerType<?> type) {
    assertThat(model(type).summary()).contains("(" + type.kerasClassName() + ")");
  }
}

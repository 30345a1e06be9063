package dev.lamina.layertype;

import dev.lamina.activation.Activations;
import dev.lamina.layer.ActivationLayer;
import dev.lamina.layer.Layer;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.LeakyReluSpec;
import dev.lamina.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keras's {@code LeakyReLU(negative_slope=0.3)} layer (Keras 2: {@code alpha}); see {@link LeakyReluSpec}. */
final class LeakyReluType implements LayerType<LeakyReluSpec> {
  private static final String SLOPE = "negative_slope";
  private static final String KERAS2_SLOPE = "alpha";

  @Override
  public String name() {
    return "leaky_relu";
  }

  @Override
  public String kerasClassName() {
    return "LeakyReLU";
  }

  @Override
  public Class<LeakyReluSpec> specClass() {
    return LeakyReluSpec.class;
  }

  @Override
  public String description() {
    return "f(x) = x for x >= 0, negative_slope * x otherwise (Keras 3's layer default 0.3; Keras 2 called it alpha)";
  }

  @Override
  public LeakyReluSpec read(Args a, String name) {
    if (a.has(SLOPE) && a.has(KERAS2_SLOPE)) {
      throw new SpecException(a.pathOf(KERAS2_SLOPE), "give negative_slope or Keras 2's alpha, not both");
    }
    double slope = a.has(KERAS2_SLOPE) ? a.getDouble(KERAS2_SLOPE, LeakyReluSpec.DEFAULT_NEGATIVE_SLOPE)
        : a.getDouble(SLOPE, LeakyReluSpec.DEFAULT_NEGATIVE_SLOPE);
    try {
      return new LeakyReluSpec(slope, name);
    } catch (SpecException e) {
      throw new SpecException(a.pathOf(a.has(KERAS2_SLOPE) ? KERAS2_SLOPE : SLOPE), e.detail());
    }
  }

  @Override
  public Map<String, Object> arguments(LeakyReluSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(SLOPE, s.negativeSlope());
    return m;
  }

  @Override
  public Layer build(LeakyReluSpec s, BuildContext c) {
    return new ActivationLayer(c.name(), kerasClassName(), c.inputWidth(),
        Activations.create(ComponentSpec.of("leaky_relu", SLOPE, s.negativeSlope()), c.path()));
  }

  @Override
  public String summary(LeakyReluSpec s) {
    return "leaky_relu";
  }
}

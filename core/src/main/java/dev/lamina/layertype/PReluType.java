package dev.lamina.layertype;

import dev.lamina.init.Initializers;
import dev.lamina.layer.Layer;
import dev.lamina.layer.PRelu;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.PReluSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keras's {@code PReLU}: one trainable slope per unit; see {@link PReluSpec}. */
final class PReluType implements LayerType<PReluSpec> {
  private static final ComponentSpec DEFAULT_ALPHA = new PReluSpec(null, null).alphaInitializer();

  @Override
  public String name() {
    return "prelu";
  }

  @Override
  public String kerasClassName() {
    return "PReLU";
  }

  @Override
  public Class<PReluSpec> specClass() {
    return PReluSpec.class;
  }

  @Override
  public String description() {
    return "f(x) = x for x >= 0, alpha_j * x otherwise, with one trainable slope alpha_j per column";
  }

  @Override
  public PReluSpec read(Args a, String name) {
    return new PReluSpec(a.getComponent("alpha_initializer", DEFAULT_ALPHA), name);
  }

  @Override
  public Map<String, Object> arguments(PReluSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alpha_initializer", s.alphaInitializer());
    return m;
  }

  @Override
  public Layer build(PReluSpec s, BuildContext c) {
    PRelu p = new PRelu(c.name(), c.inputWidth(), Initializers.create(s.alphaInitializer(),
        c.path() + ".alpha_initializer"));
    p.initialize(c.seed());
    return p;
  }

  @Override
  public List<WeightSlot> weights(PReluSpec s, int inputWidth) {
    return List.of(WeightSlot.trainable("alpha", inputWidth));
  }

  @Override
  public Map<String, Object> kerasFixed() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alpha_regularizer", null);
    m.put("alpha_constraint", null);
    m.put("shared_axes", null);
    return m;
  }

  @Override
  public String summary(PReluSpec s) {
    return "prelu";
  }
}

package dev.lamina.layertype;

import dev.lamina.activation.Activations;
import dev.lamina.layer.ActivationLayer;
import dev.lamina.layer.Layer;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.EluSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keras's {@code ELU(alpha=1.0)} layer; see {@link EluSpec}. */
final class EluType implements LayerType<EluSpec> {
  @Override
  public String name() {
    return "elu";
  }

  @Override
  public String kerasClassName() {
    return "ELU";
  }

  @Override
  public Class<EluSpec> specClass() {
    return EluSpec.class;
  }

  @Override
  public String description() {
    return "f(x) = x for x > 0, alpha (e^x - 1) otherwise";
  }

  @Override
  public EluSpec read(Args a, String name) {
    return new EluSpec(a.getDouble("alpha", EluSpec.DEFAULT_ALPHA), name);
  }

  @Override
  public Map<String, Object> arguments(EluSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alpha", s.alpha());
    return m;
  }

  @Override
  public Layer build(EluSpec s, BuildContext c) {
    return new ActivationLayer(c.name(), kerasClassName(), c.inputWidth(),
        Activations.create(ComponentSpec.of("elu", "alpha", s.alpha()), c.path()));
  }

  @Override
  public String summary(EluSpec s) {
    return "elu";
  }
}

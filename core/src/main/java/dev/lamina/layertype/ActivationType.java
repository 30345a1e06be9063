package dev.lamina.layertype;

import dev.lamina.activation.Activations;
import dev.lamina.layer.ActivationLayer;
import dev.lamina.layer.Layer;
import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keras's {@code Activation(activation)}: an activation function as a layer; see {@link ActivationLayerSpec}. */
final class ActivationType implements LayerType<ActivationLayerSpec> {
  @Override
  public String name() {
    return "activation";
  }

  @Override
  public String kerasClassName() {
    return "Activation";
  }

  @Override
  public Class<ActivationLayerSpec> specClass() {
    return ActivationLayerSpec.class;
  }

  @Override
  public String description() {
    return "applies an activation function on its own, y = activation(x)";
  }

  @Override
  public ActivationLayerSpec read(Args a, String name) {
    ComponentSpec act = a.getComponent("activation");
    return new ActivationLayerSpec(act, name);
  }

  @Override
  public Map<String, Object> arguments(ActivationLayerSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activation", s.activation());
    return m;
  }

  @Override
  public Layer build(ActivationLayerSpec s, BuildContext c) {
    return new ActivationLayer(c.name(), kerasClassName(), c.inputWidth(),
        Activations.create(s.activation(), c.path() + ".activation"));
  }

  @Override
  public String summary(ActivationLayerSpec s) {
    return Activations.REGISTRY.canonicalName(s.activation().name(), "activation");
  }

  @Override
  public Map<String, Object> example() {
    return Map.of("activation", "tanh");
  }
}

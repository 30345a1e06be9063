package dev.lamina.layertype;

import dev.lamina.activation.Activations;
import dev.lamina.layer.ActivationLayer;
import dev.lamina.layer.Layer;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.LayerSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keras's {@code Softmax(axis=-1)} layer: {@code exp(x_j - max) / sum_k exp(x_k - max)} over each row. */
public final class SoftmaxType implements LayerType<SoftmaxType.Spec> {
  /**
   * A Softmax layer (over the row's columns: {@code axis} -1, the only one a dense network has).
   *
   * @param name the layer's name, or null
   */
  public record Spec(String name) implements LayerSpec {
    @Override
    public String type() {
      return "softmax";
    }

    @Override
    public String kerasClassName() {
      return "Softmax";
    }
  }

  @Override
  public String name() {
    return "softmax";
  }

  @Override
  public String kerasClassName() {
    return "Softmax";
  }

  @Override
  public Class<Spec> specClass() {
    return Spec.class;
  }

  @Override
  public String description() {
    return "y_j = exp(x_j - max_k x_k) / sum_k exp(x_k - max_k x_k) over each row";
  }

  @Override
  public Spec read(Args a, String name) {
    FeatureAxis.read(a);
    return new Spec(name);
  }

  @Override
  public Map<String, Object> arguments(Spec s) {
    return new LinkedHashMap<>();
  }

  @Override
  public Layer build(Spec s, BuildContext c) {
    return new ActivationLayer(c.name(), kerasClassName(), c.inputWidth(),
        Activations.create(ComponentSpec.of("softmax"), c.path()));
  }

  @Override
  public Map<String, Object> kerasFixed() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("axis", FeatureAxis.LAST);
    return m;
  }

  @Override
  public String summary(Spec s) {
    return "softmax";
  }
}

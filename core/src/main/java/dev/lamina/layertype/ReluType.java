package dev.lamina.layertype;

import dev.lamina.activation.Activations;
import dev.lamina.activation.Relu;
import dev.lamina.layer.ActivationLayer;
import dev.lamina.layer.Layer;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.LayerSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code ReLU(max_value=None, negative_slope=0.0, threshold=0.0)} layer: {@code x} for
 * {@code x >= threshold} (capped at {@code max_value}), {@code negative_slope * (x - threshold)}
 * below; the {@code relu} activation with these arguments.
 */
public final class ReluType implements LayerType<ReluType.Spec> {
  /**
   * A ReLU layer.
   *
   * @param maxValue the cap, &gt;= 0, or null for none
   * @param negativeSlope the slope below the threshold, &gt;= 0 (default 0)
   * @param threshold where the positive piece starts (default 0)
   * @param name the layer's name, or null
   */
  public record Spec(Double maxValue, double negativeSlope, double threshold, String name) implements LayerSpec {
    /** Validates through the activation, which owns the rules. */
    public Spec {
      Activations.create(activation(maxValue, negativeSlope, threshold), "");
    }

    @Override
    public String type() {
      return "relu";
    }

    @Override
    public String kerasClassName() {
      return "ReLU";
    }
  }

  private static ComponentSpec activation(Double maxValue, double negativeSlope, double threshold) {
    ComponentSpec c = ComponentSpec.of(Relu.NAME, "negative_slope", negativeSlope, "threshold", threshold);
    return maxValue == null ? c : c.with("max_value", maxValue);
  }

  @Override
  public String name() {
    return "relu";
  }

  @Override
  public String kerasClassName() {
    return "ReLU";
  }

  @Override
  public Class<Spec> specClass() {
    return Spec.class;
  }

  @Override
  public String description() {
    return "f(x) = min(x, max_value) for x >= threshold, negative_slope * (x - threshold) otherwise";
  }

  @Override
  public Spec read(Args a, String name) {
    return new Spec(a.getOptionalDouble("max_value"), a.getDouble("negative_slope", Relu.DEFAULT_NEGATIVE_SLOPE),
        a.getDouble("threshold", Relu.DEFAULT_THRESHOLD), name);
  }

  @Override
  public Map<String, Object> arguments(Spec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max_value", s.maxValue());
    m.put("negative_slope", s.negativeSlope());
    m.put("threshold", s.threshold());
    return m;
  }

  @Override
  public Layer build(Spec s, BuildContext c) {
    return new ActivationLayer(c.name(), kerasClassName(), c.inputWidth(),
        Activations.create(activation(s.maxValue(), s.negativeSlope(), s.threshold()), c.path()));
  }

  @Override
  public String summary(Spec s) {
    return s.maxValue() == null ? "relu" : "relu, max " + s.maxValue();
  }
}

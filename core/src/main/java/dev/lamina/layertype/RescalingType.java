package dev.lamina.layertype;

import dev.lamina.layer.Layer;
import dev.lamina.layer.Rescaling;
import dev.lamina.spec.Args;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keras's {@code Rescaling(scale, offset=0.0)}: {@code y = x * scale + offset}; see {@link Rescaling}. */
public final class RescalingType implements LayerType<RescalingType.Spec> {
  /**
   * A Rescaling layer.
   *
   * @param scale the factor (required, finite)
   * @param offset added after scaling (default 0)
   * @param name the layer's name, or null
   */
  public record Spec(double scale, double offset, String name) implements LayerSpec {
    /** Keras's default offset. */
    public static final double DEFAULT_OFFSET = 0.0;

    /** Validates. */
    public Spec {
      if (!Double.isFinite(scale)) {
        throw new SpecException("scale", "scale must be a finite number, e.g. scale: 0.0039 for 1/255, got " + scale);
      }
      if (!Double.isFinite(offset)) {
        throw new SpecException("offset", "offset must be a finite number, got " + offset);
      }
    }

    @Override
    public String type() {
      return "rescaling";
    }

    @Override
    public String kerasClassName() {
      return "Rescaling";
    }
  }

  @Override
  public String name() {
    return "rescaling";
  }

  @Override
  public String kerasClassName() {
    return "Rescaling";
  }

  @Override
  public Class<Spec> specClass() {
    return Spec.class;
  }

  @Override
  public String description() {
    return "y = x * scale + offset, the same in training and inference";
  }

  @Override
  public Spec read(Args a, String name) {
    return new Spec(a.getRequiredDouble("scale", "the factor, e.g. scale: 0.5"),
        a.getDouble("offset", Spec.DEFAULT_OFFSET), name);
  }

  @Override
  public Map<String, Object> arguments(Spec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scale", s.scale());
    m.put("offset", s.offset());
    return m;
  }

  @Override
  public Layer build(Spec s, BuildContext c) {
    return new Rescaling(c.name(), c.inputWidth(), s.scale(), s.offset());
  }

  @Override
  public String summary(Spec s) {
    return "x * " + s.scale() + " + " + s.offset();
  }

  @Override
  public Map<String, Object> example() {
    return Map.of("scale", 0.5);
  }
}

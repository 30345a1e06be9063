package dev.lamina.layertype;

import dev.lamina.layer.Identity;
import dev.lamina.layer.Layer;
import dev.lamina.spec.Args;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code Flatten} and {@code Reshape(target_shape)} applied to a row that is already flat,
 * as tabular models have them (a {@code Flatten} after the input, a {@code Reshape((n,))}): both
 * pass the row through. A reshape to anything but the row's own width is refused, since a dense
 * network has no other shape. One registered instance per Keras class ({@link #FLATTEN},
 * {@link #RESHAPE}).
 */
public final class FlatType implements LayerType<FlatType.Spec> {
  /** Keras's {@code Flatten(data_format=None)}. */
  public static final FlatType FLATTEN = new FlatType("flatten", "Flatten");
  /** Keras's {@code Reshape(target_shape)} with {@code target_shape} {@code [width]} or {@code [-1]}. */
  public static final FlatType RESHAPE = new FlatType("reshape", "Reshape");

  /**
   * A Flatten or Reshape of a flat row.
   *
   * @param type {@code flatten} or {@code reshape}
   * @param targetShape Reshape's {@code target_shape} (one whole number: the width, or -1); null for Flatten
   * @param name the layer's name, or null
   */
  public record Spec(String type, List<Integer> targetShape, String name) implements LayerSpec {
    /** Validates the target shape. */
    public Spec {
      if (type.equals("reshape") && (targetShape == null || targetShape.size() != 1
          || targetShape.get(0) == null || (targetShape.get(0) < 1 && targetShape.get(0) != -1))) {
        throw new SpecException("target_shape", "a dense network's rows are flat: target_shape must be one whole"
            + " number, the row's width (or -1), e.g. target_shape: [8]; got " + targetShape);
      }
      targetShape = targetShape == null ? null : List.copyOf(targetShape);
    }

    @Override
    public String kerasClassName() {
      return type.equals("flatten") ? "Flatten" : "Reshape";
    }
  }

  private final String name;
  private final String kerasClassName;

  private FlatType(String name, String kerasClassName) {
    this.name = name;
    this.kerasClassName = kerasClassName;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kerasClassName() {
    return kerasClassName;
  }

  @Override
  public Class<Spec> specClass() {
    return Spec.class;
  }

  @Override
  public boolean handles(LayerSpec spec) {
    return spec instanceof Spec s && s.type().equals(name);
  }

  @Override
  public String description() {
    return this == FLATTEN ? "passes a flat row through (Flatten of one row of features)"
        : "passes a flat row through (Reshape of one row of features to its own width)";
  }

  @Override
  public Spec read(Args a, String layerName) {
    if (this == FLATTEN) {
      return new Spec(name, null, layerName);
    }
    Object v = a.raw("target_shape", "list of one whole number");
    List<Integer> shape = null;
    if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof Integer)) {
      shape = l.stream().map(x -> (Integer) x).toList();
    } else if (v instanceof Integer i) {
      shape = List.of(i);
    } else if (v == null && a.describing()) {
      return null;
    }
    return new Spec(name, shape, layerName);
  }

  @Override
  public Map<String, Object> arguments(Spec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (this == RESHAPE) {
      m.put("target_shape", s.targetShape());
    }
    return m;
  }

  @Override
  public Layer build(Spec s, BuildContext c) {
    if (this == RESHAPE && s.targetShape().get(0) != -1 && s.targetShape().get(0) != c.inputWidth()) {
      throw new SpecException("target_shape", "target_shape " + s.targetShape() + " does not fit a row of "
          + c.inputWidth() + " columns; a dense network only reshapes a row to its own width");
    }
    return new Identity(c.name(), kerasClassName, c.inputWidth());
  }

  @Override
  public Map<String, Object> kerasFixed() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (this == FLATTEN) {
      m.put("data_format", ANY);
    }
    return m;
  }

  @Override
  public Map<String, Object> example() {
    return this == RESHAPE ? Map.of("target_shape", List.of(-1)) : Map.of();
  }
}

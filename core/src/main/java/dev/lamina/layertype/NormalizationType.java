package dev.lamina.layertype;

import dev.lamina.layer.Layer;
import dev.lamina.layer.Normalization;
import dev.lamina.spec.Args;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code Normalization(axis=-1, mean=None, variance=None, invert=False)}: see
 * {@link Normalization}. Keras keeps an adapted layer's statistics as weights ({@code mean},
 * {@code variance}, {@code count}) and given ones in the config; Lamina reads both and writes the
 * config form (the statistics rounded to float32, as every exported weight is).
 */
public final class NormalizationType implements LayerType<NormalizationType.Spec> {
  /**
   * A Normalization layer.
   *
   * @param mean the mean per column (one value: every column), or null to take it from weights
   * @param variance the variance per column, each &gt;= 0, given with mean or not at all
   * @param invert whether to undo a normalization instead (default false)
   * @param name the layer's name, or null
   */
  public record Spec(List<Double> mean, List<Double> variance, boolean invert, String name) implements LayerSpec {
    /** Validates. */
    public Spec {
      if ((mean == null) != (variance == null)) {
        throw new SpecException(mean == null ? "mean" : "variance", "give both mean and variance, or neither (then"
            + " they come from the weights of an adapted Keras layer)");
      }
      if (mean != null) {
        mean = List.copyOf(mean);
        variance = List.copyOf(variance);
        if (mean.size() != variance.size() || mean.isEmpty()) {
          throw new SpecException("variance", "mean and variance need the same number of values (one per column,"
              + " or one for all), got " + mean.size() + " and " + variance.size());
        }
        for (double v : variance) {
          if (!(v >= 0) || Double.isInfinite(v)) {
            throw new SpecException("variance", "every variance must be a finite number >= 0, got " + v);
          }
        }
        for (double m : mean) {
          if (!Double.isFinite(m)) {
            throw new SpecException("mean", "every mean must be a finite number, got " + m);
          }
        }
      }
    }

    @Override
    public String type() {
      return "normalization";
    }

    @Override
    public String kerasClassName() {
      return "Normalization";
    }
  }

  @Override
  public String name() {
    return "normalization";
  }

  @Override
  public String kerasClassName() {
    return "Normalization";
  }

  @Override
  public Class<Spec> specClass() {
    return Spec.class;
  }

  @Override
  public String description() {
    return "y = (x - mean) / max(sqrt(variance), 1e-7) per column, or with invert y = mean + x * max(sqrt(variance),"
        + " 1e-7); mean and variance are fixed (given, or adapted in Keras and imported)";
  }

  @Override
  public Spec read(Args a, String name) {
    FeatureAxis.read(a);
    List<Double> mean = numbers(a, "mean");
    List<Double> variance = numbers(a, "variance");
    return new Spec(mean, variance, a.getBoolean("invert", false), name);
  }

  private static List<Double> numbers(Args a, String key) {
    Object v = a.raw(key, "number or list of numbers");
    if (v == null) {
      return null;
    }
    List<?> items = v instanceof List<?> l ? l : List.of(v);
    List<Double> out = new ArrayList<>();
    for (Object x : items) {
      if (!(x instanceof Number n)) {
        throw new SpecException(a.pathOf(key), "normalization argument '" + key + "' must be a number or a list of"
            + " numbers (one per column), got '" + v + "'");
      }
      out.add(n.doubleValue());
    }
    return out;
  }

  @Override
  public Map<String, Object> arguments(Spec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean", s.mean());
    m.put("variance", s.variance());
    m.put("invert", s.invert());
    return m;
  }

  @Override
  public Layer build(Spec s, BuildContext c) {
    int w = c.inputWidth();
    if (s.mean() != null && s.mean().size() != 1 && s.mean().size() != w) {
      throw new SpecException("mean", "mean and variance have " + s.mean().size() + " values but the layer receives "
          + w + " columns; give one per column (or one for all)");
    }
    return new Normalization(c.name(), w, broadcast(s.mean(), w), broadcast(s.variance(), w), s.invert());
  }

  private static double[] broadcast(List<Double> v, int width) {
    if (v == null) {
      return null;
    }
    double[] out = new double[width];
    for (int j = 0; j < width; j++) {
      out[j] = v.get(v.size() == 1 ? 0 : j);
    }
    return out;
  }

  @Override
  public List<WeightSlot> weights(Spec s, int width) {
    return s.mean() != null ? List.of() : List.of(WeightSlot.state("mean", width), WeightSlot.state("variance", width),
        WeightSlot.state("count"));
  }

  @Override
  public Spec withState(Spec s, Layer built) {
    Normalization n = (Normalization) built;
    List<Double> mean = new ArrayList<>();
    List<Double> variance = new ArrayList<>();
    for (int j = 0; j < n.inputWidth(); j++) {
      mean.add((double) (float) n.mean().value()[j]);
      variance.add((double) (float) n.variance().value()[j]);
    }
    return new Spec(mean, variance, s.invert(), s.name());
  }

  @Override
  public Map<String, Object> kerasFixed() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("axis", FeatureAxis.LAST);
    return m;
  }

  @Override
  public String summary(Spec s) {
    return s.invert() ? "invert" : "";
  }

  @Override
  public Map<String, Object> example() {
    return Map.of("mean", List.of(0.5), "variance", List.of(4.0));
  }
}

package dev.lamina.layertype;

import dev.lamina.layer.Dropout;
import dev.lamina.layer.Layer;
import dev.lamina.random.Rng;
import dev.lamina.spec.Args;
import dev.lamina.spec.DropoutSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Keras's {@code Dropout(rate, seed)}; see {@link DropoutSpec}. */
final class DropoutType implements LayerType<DropoutSpec> {
  @Override
  public String name() {
    return "dropout";
  }

  @Override
  public String kerasClassName() {
    return "Dropout";
  }

  @Override
  public Class<DropoutSpec> specClass() {
    return DropoutSpec.class;
  }

  @Override
  public String description() {
    return "inverted dropout: in training each value is zeroed with probability rate and the others scaled by"
        + " 1/(1-rate); the identity at inference";
  }

  @Override
  public DropoutSpec read(Args a, String name) {
    double rate = a.getRequiredDouble("rate", "the fraction of inputs dropped, e.g. rate: 0.2");
    return new DropoutSpec(rate, a.getOptionalLong("seed"), name);
  }

  @Override
  public Map<String, Object> arguments(DropoutSpec d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rate", d.rate());
    m.put("seed", d.seed());
    return m;
  }

  @Override
  public Layer build(DropoutSpec d, BuildContext c) {
    Rng rng = d.seed() != null ? new Rng(d.seed()) : Rng.forPath(c.seed(), c.name() + "/mask");
    return new Dropout(c.name(), c.inputWidth(), d.rate(), rng);
  }

  @Override
  public Map<String, Object> kerasFixed() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("noise_shape", null);
    return m;
  }

  @Override
  public String summary(DropoutSpec d) {
    return String.format(Locale.ROOT, "rate %.2f", d.rate());
  }

  @Override
  public Map<String, Object> example() {
    return Map.of("rate", 0.2);
  }
}

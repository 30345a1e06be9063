package dev.lamina.layertype;

import dev.lamina.init.Initializers;
import dev.lamina.layer.Layer;
import dev.lamina.layer.LayerNormalization;
import dev.lamina.spec.Args;
import dev.lamina.spec.LayerNormalizationSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keras's {@code LayerNormalization}; see {@link LayerNormalizationSpec}. Keras stores gamma then beta. */
final class LayerNormalizationType implements LayerType<LayerNormalizationSpec> {
  private static final LayerNormalizationSpec D = LayerNormalizationSpec.DEFAULT;

  @Override
  public String name() {
    return "layer_normalization";
  }

  @Override
  public String kerasClassName() {
    return "LayerNormalization";
  }

  @Override
  public Class<LayerNormalizationSpec> specClass() {
    return LayerNormalizationSpec.class;
  }

  @Override
  public String description() {
    return "each row normalized over its own columns, y = gamma (x - mean_row) / sqrt(var_row + epsilon) + beta,"
        + " the same in training and inference";
  }

  @Override
  public LayerNormalizationSpec read(Args a, String name) {
    FeatureAxis.read(a);
    return new LayerNormalizationSpec(a.getDouble("epsilon", D.epsilon()), a.getBoolean("center", D.center()),
        a.getBoolean("scale", D.scale()), a.getComponent("beta_initializer", D.betaInitializer()),
        a.getComponent("gamma_initializer", D.gammaInitializer()), name);
  }

  @Override
  public Map<String, Object> arguments(LayerNormalizationSpec l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epsilon", l.epsilon());
    m.put("center", l.center());
    m.put("scale", l.scale());
    m.put("beta_initializer", l.betaInitializer());
    m.put("gamma_initializer", l.gammaInitializer());
    return m;
  }

  @Override
  public Layer build(LayerNormalizationSpec l, BuildContext c) {
    String path = c.path();
    LayerNormalization ln = new LayerNormalization(c.name(), c.inputWidth(), l.epsilon(),
        l.scale() ? Initializers.create(l.gammaInitializer(), path + ".gamma_initializer") : null,
        l.center() ? Initializers.create(l.betaInitializer(), path + ".beta_initializer") : null);
    ln.initialize(c.seed());
    return ln;
  }

  @Override
  public List<WeightSlot> weights(LayerNormalizationSpec l, int width) {
    List<WeightSlot> w = new ArrayList<>();
    if (l.scale()) {
      w.add(WeightSlot.trainable("gamma", width));
    }
    if (l.center()) {
      w.add(WeightSlot.trainable("beta", width));
    }
    return w;
  }

  @Override
  public Map<String, Object> kerasFixed() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("axis", FeatureAxis.LAST);
    m.put("rms_scaling", false);
    m.put("beta_regularizer", null);
    m.put("gamma_regularizer", null);
    m.put("beta_constraint", null);
    m.put("gamma_constraint", null);
    return m;
  }
}

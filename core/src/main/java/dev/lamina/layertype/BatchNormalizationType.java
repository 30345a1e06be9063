package dev.lamina.layertype;

import dev.lamina.init.Initializers;
import dev.lamina.layer.BatchNormalization;
import dev.lamina.layer.Layer;
import dev.lamina.spec.Args;
import dev.lamina.spec.BatchNormalizationSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code BatchNormalization}; see {@link BatchNormalizationSpec}. Keras stores gamma, beta
 * (each only when {@code scale}/{@code center}), then the moving mean and variance.
 */
final class BatchNormalizationType implements LayerType<BatchNormalizationSpec> {
  private static final BatchNormalizationSpec D = BatchNormalizationSpec.DEFAULT;

  @Override
  public String name() {
    return "batch_normalization";
  }

  @Override
  public String kerasClassName() {
    return "BatchNormalization";
  }

  @Override
  public Class<BatchNormalizationSpec> specClass() {
    return BatchNormalizationSpec.class;
  }

  @Override
  public String description() {
    return "y = gamma (x - mean) / sqrt(var + epsilon) + beta, with the batch's statistics in training (updating"
        + " moving = moving * momentum + batch * (1 - momentum)) and the moving ones at inference";
  }

  @Override
  public BatchNormalizationSpec read(Args a, String name) {
    FeatureAxis.read(a);
    return new BatchNormalizationSpec(a.getDouble("momentum", D.momentum()), a.getDouble("epsilon", D.epsilon()),
        a.getBoolean("center", D.center()), a.getBoolean("scale", D.scale()),
        a.getComponent("beta_initializer", D.betaInitializer()),
        a.getComponent("gamma_initializer", D.gammaInitializer()),
        a.getComponent("moving_mean_initializer", D.movingMeanInitializer()),
        a.getComponent("moving_variance_initializer", D.movingVarianceInitializer()), name);
  }

  @Override
  public Map<String, Object> arguments(BatchNormalizationSpec b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("momentum", b.momentum());
    m.put("epsilon", b.epsilon());
    m.put("center", b.center());
    m.put("scale", b.scale());
    m.put("beta_initializer", b.betaInitializer());
    m.put("gamma_initializer", b.gammaInitializer());
    m.put("moving_mean_initializer", b.movingMeanInitializer());
    m.put("moving_variance_initializer", b.movingVarianceInitializer());
    return m;
  }

  @Override
  public Layer build(BatchNormalizationSpec b, BuildContext c) {
    String path = c.path();
    BatchNormalization bn = new BatchNormalization(c.name(), c.inputWidth(), b.momentum(), b.epsilon(),
        b.scale() ? Initializers.create(b.gammaInitializer(), path + ".gamma_initializer") : null,
        b.center() ? Initializers.create(b.betaInitializer(), path + ".beta_initializer") : null,
        Initializers.create(b.movingMeanInitializer(), path + ".moving_mean_initializer"),
        Initializers.create(b.movingVarianceInitializer(), path + ".moving_variance_initializer"));
    bn.initialize(c.seed());
    return bn;
  }

  @Override
  public List<WeightSlot> weights(BatchNormalizationSpec b, int width) {
    List<WeightSlot> w = new ArrayList<>();
    if (b.scale()) {
      w.add(WeightSlot.trainable("gamma", width));
    }
    if (b.center()) {
      w.add(WeightSlot.trainable("beta", width));
    }
    w.add(WeightSlot.state("moving_mean", width));
    w.add(WeightSlot.state("moving_variance", width));
    return w;
  }

  @Override
  public Map<String, Object> kerasFixed() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("axis", FeatureAxis.LAST);
    m.put("beta_regularizer", null);
    m.put("gamma_regularizer", null);
    m.put("beta_constraint", null);
    m.put("gamma_constraint", null);
    m.put("synchronized", false);
    m.put("renorm", false);
    m.put("renorm_clipping", null);
    m.put("renorm_momentum", ANY);
    m.put("fused", ANY);
    m.put("virtual_batch_size", null);
    m.put("adjustment", null);
    return m;
  }

  @Override
  public String summary(BatchNormalizationSpec b) {
    return "";
  }
}

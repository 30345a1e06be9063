package dev.lamina.layertype;

import dev.lamina.activation.Activation;
import dev.lamina.activation.Activations;
import dev.lamina.init.AutoInitializer;
import dev.lamina.init.Initializer;
import dev.lamina.init.Initializers;
import dev.lamina.layer.Dense;
import dev.lamina.layer.Layer;
import dev.lamina.layer.Regularizer;
import dev.lamina.model.NetworkBuilder;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keras's {@code Dense}: {@code y = activation(x . kernel + bias)}; see {@link DenseSpec}. */
final class DenseType implements LayerType<DenseSpec> {
  @Override
  public String name() {
    return "dense";
  }

  @Override
  public String kerasClassName() {
    return "Dense";
  }

  @Override
  public Class<DenseSpec> specClass() {
    return DenseSpec.class;
  }

  @Override
  public String description() {
    return "a fully connected layer, y = activation(x . kernel + bias), kernel (input_dim, units)";
  }

  @Override
  public DenseSpec read(Args a, String name) {
    int units = a.getRequiredInt("units", "the number of neurons, e.g. units: 6");
    ComponentSpec activation = a.getComponent("activation", ComponentSpec.of(DenseSpec.DEFAULT_ACTIVATION));
    boolean useBias = a.getBoolean("use_bias", true);
    ComponentSpec kernel = a.getComponent("kernel_initializer", ComponentSpec.of(DenseSpec.DEFAULT_KERNEL_INITIALIZER));
    ComponentSpec bias = a.getComponent("bias_initializer", ComponentSpec.of(DenseSpec.DEFAULT_BIAS_INITIALIZER));
    ComponentSpec kernelReg = a.getComponent("kernel_regularizer");
    ComponentSpec biasReg = a.getComponent("bias_regularizer");
    ComponentSpec kernelCon = a.getComponent("kernel_constraint");
    ComponentSpec biasCon = a.getComponent("bias_constraint");
    Integer inputDim = a.getOptionalInt("input_dim");
    return new DenseSpec(units, activation, useBias, kernel, bias, kernelReg, biasReg, kernelCon, biasCon, inputDim,
        name);
  }

  @Override
  public Map<String, Object> arguments(DenseSpec d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("units", d.units());
    m.put("activation", d.activation());
    m.put("use_bias", d.useBias());
    m.put("kernel_initializer", d.kernelInitializer());
    m.put("bias_initializer", d.biasInitializer());
    m.put("kernel_regularizer", d.kernelRegularizer());
    m.put("bias_regularizer", d.biasRegularizer());
    m.put("kernel_constraint", d.kernelConstraint());
    m.put("bias_constraint", d.biasConstraint());
    m.put("input_dim", d.inputDim());
    return m;
  }

  @Override
  public Layer build(DenseSpec d, BuildContext c) {
    int width = c.inputWidth();
    if (d.inputDim() != null && d.inputDim() != width) {
      throw new SpecException("input_dim", "input_dim is " + d.inputDim() + " but " + (c.index() == 0
          ? "the data has " + width + " feature columns" : "the previous layer outputs " + width + " columns")
          + ". Set input_dim: " + width + " or leave it out to take it from the data");
    }
    String path = c.path();
    Activation act = Activations.create(d.activation(), path + ".activation");
    Initializer k = Initializers.create(d.kernelInitializer(), path + ".kernel_initializer");
    if (k instanceof AutoInitializer auto) {
      // auto needs the activation, so it is resolved here, before any weight is drawn.
      k = auto.resolveFor(act);
    }
    Initializer b = d.useBias() ? Initializers.create(d.biasInitializer(), path + ".bias_initializer") : null;
    Regularizer kr = regularizer(d.kernelRegularizer(), path + ".kernel_regularizer");
    Regularizer br = regularizer(d.biasRegularizer(), path + ".bias_regularizer");
    Dense dense = new Dense(c.name(), width, d.units(), act, k, b, kr, br);
    dense.setDtype(c.dtype());
    dense.initialize(c.seed());
    dev.lamina.constraint.Constraints.attach(dense.parameters().get(0), d.kernelConstraint(), path + ".kernel_constraint");
    if (d.useBias()) {
      dev.lamina.constraint.Constraints.attach(dense.parameters().get(1), d.biasConstraint(), path + ".bias_constraint");
    }
    return dense;
  }

  private static Regularizer regularizer(ComponentSpec spec, String path) {
    return spec == null ? null : Regularizer.REGISTRY.create(spec, path);
  }

  @Override
  public int outputWidth(DenseSpec d, int inputWidth) {
    return d.units();
  }

  @Override
  public List<WeightSlot> weights(DenseSpec d, int inputWidth) {
    return d.useBias()
        ? List.of(WeightSlot.trainable("kernel", inputWidth, d.units()), WeightSlot.trainable("bias", d.units()))
        : List.of(WeightSlot.trainable("kernel", inputWidth, d.units()));
  }

  @Override
  public Map<String, Object> kerasFixed() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activity_regularizer", null);
    m.put("lora_rank", null);
    m.put("lora_alpha", ANY);
    m.put("quantization_config", null);
    return m;
  }

  @Override
  public List<String> laminaOnly() {
    return List.of("input_dim");
  }

  @Override
  public String summary(DenseSpec d) {
    StringBuilder sb = new StringBuilder();
    if (d.kernelConstraint() != null) {
      sb.append("kernel ").append(d.kernelConstraint());
    }
    if (d.biasConstraint() != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("bias ").append(d.biasConstraint());
    }
    return sb.toString();
  }

  @Override
  public Map<String, Object> example() {
    return Map.of("units", 8);
  }
}

package dev.lamina.spec;

/**
 * A fully connected layer, Keras's {@code Dense}: {@code y = activation(x . kernel + bias)} with a
 * kernel of shape {@code (input_dim, units)} and a bias of shape {@code (units,)}.
 *
 * <p>Defaults as Keras: {@code activation} linear, {@code use_bias} true, {@code kernel_initializer}
 * {@code glorot_uniform}, {@code bias_initializer} {@code zeros}, no regularizers; {@code input_dim}
 * only on the first layer, and there optional (taken from the data).
 *
 * @param units number of output units, at least 1
 * @param activation the activation, or null for linear
 * @param useBias whether the layer has a bias
 * @param kernelInitializer the kernel's initializer (default glorot_uniform)
 * @param biasInitializer the bias's initializer (default zeros)
 * @param kernelRegularizer {@code l1}, {@code l2} or {@code l1_l2}, or null
 * @param biasRegularizer as kernelRegularizer, for the bias
 * @param kernelConstraint a projection applied to the kernel after each optimizer step
 *     ({@code max_norm}, {@code min_max_norm}, {@code non_neg}, {@code unit_norm}), or null
 * @param biasConstraint as kernelConstraint, for the bias
 * @param inputDim the input width, or null to infer it
 * @param name the layer's name, or null
 */
public record DenseSpec(int units, ComponentSpec activation, boolean useBias, ComponentSpec kernelInitializer,
    ComponentSpec biasInitializer, ComponentSpec kernelRegularizer, ComponentSpec biasRegularizer,
    ComponentSpec kernelConstraint, ComponentSpec biasConstraint, Integer inputDim, String name) implements LayerSpec {
  /** Keras's default kernel initializer. */
  public static final String DEFAULT_KERNEL_INITIALIZER = "glorot_uniform";
  /** Keras's default bias initializer. */
  public static final String DEFAULT_BIAS_INITIALIZER = "zeros";
  /** Keras's default activation (None means linear). */
  public static final String DEFAULT_ACTIVATION = "linear";

  /** Fills in Keras's defaults and validates. */
  public DenseSpec {
    if (units <= 0) {
      throw new SpecException("units", "units must be a positive whole number, got " + units
          + ". Use the number of neurons in the layer, e.g. units: 6");
    }
    if (inputDim != null && inputDim <= 0) {
      throw new SpecException("input_dim", "input_dim must be a positive whole number, got " + inputDim
          + ". Leave it out to take it from the data");
    }
    activation = activation == null ? ComponentSpec.of(DEFAULT_ACTIVATION) : activation;
    kernelInitializer = kernelInitializer == null ? ComponentSpec.of(DEFAULT_KERNEL_INITIALIZER) : kernelInitializer;
    biasInitializer = biasInitializer == null ? ComponentSpec.of(DEFAULT_BIAS_INITIALIZER) : biasInitializer;
  }

  /** A Dense layer without constraints. */
  public DenseSpec(int units, ComponentSpec activation, boolean useBias, ComponentSpec kernelInitializer,
      ComponentSpec biasInitializer, ComponentSpec kernelRegularizer, ComponentSpec biasRegularizer, Integer inputDim,
      String name) {
    this(units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, null, null,
        inputDim, name);
  }

  /** A Dense layer with all defaults. */
  public static DenseSpec of(int units) {
    return new DenseSpec(units, null, true, null, null, null, null, null, null);
  }

  /** A copy with another activation. */
  public DenseSpec withActivation(ComponentSpec a) {
    return new DenseSpec(units, a, useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, kernelConstraint,
        biasConstraint, inputDim, name);
  }

  /** A copy with another kernel initializer. */
  public DenseSpec withKernelInitializer(ComponentSpec k) {
    return new DenseSpec(units, activation, useBias, k, biasInitializer, kernelRegularizer, biasRegularizer, kernelConstraint,
        biasConstraint, inputDim, name);
  }

  /** A copy with another input width. */
  public DenseSpec withInputDim(Integer d) {
    return new DenseSpec(units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, kernelConstraint,
        biasConstraint, d, name);
  }

  /** A copy with other constraints (either may be null). */
  public DenseSpec withConstraints(ComponentSpec kernel, ComponentSpec bias) {
    return new DenseSpec(units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
        biasRegularizer, kernel, bias, inputDim, name);
  }

  @Override
  public String type() {
    return "dense";
  }

  @Override
  public String kerasClassName() {
    return "Dense";
  }
}

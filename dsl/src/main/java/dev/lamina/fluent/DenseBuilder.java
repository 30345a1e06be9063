package dev.lamina.fluent;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;

/**
 * Configures one Dense layer with Keras's argument names in camelCase: {@code activation},
 * {@code useBias}, {@code kernelInitializer}, {@code biasInitializer}, {@code kernelRegularizer},
 * {@code biasRegularizer}, {@code inputDim}, {@code name}. Unset arguments keep Keras's defaults.
 */
public final class DenseBuilder {
  private final int units;
  private ComponentSpec activation;
  private boolean useBias = true;
  private ComponentSpec kernelInitializer;
  private ComponentSpec biasInitializer;
  private ComponentSpec kernelRegularizer;
  private ComponentSpec biasRegularizer;
  private Integer inputDim;
  private String name;

  DenseBuilder(int units) {
    this.units = units;
  }

  /** The activation by name ({@code relu}, {@code sigmoid}, ...). */
  public DenseBuilder activation(String a) {
    return activation(ComponentSpec.of(a));
  }

  /** The activation as a typed component (for example {@code Activations.RELU}). */
  public DenseBuilder activation(ComponentSpec a) {
    this.activation = a;
    return this;
  }

  /** Whether the layer has a bias (default true). */
  public DenseBuilder useBias(boolean b) {
    this.useBias = b;
    return this;
  }

  /** The kernel initializer by name ({@code he_uniform}, {@code HeUniform}, ...). */
  public DenseBuilder kernelInitializer(String i) {
    return kernelInitializer(ComponentSpec.of(i));
  }

  /** The kernel initializer with arguments (for example {@code Initializers.varianceScaling(...)}). */
  public DenseBuilder kernelInitializer(ComponentSpec i) {
    this.kernelInitializer = i;
    return this;
  }

  /** The bias initializer by name. */
  public DenseBuilder biasInitializer(String i) {
    return biasInitializer(ComponentSpec.of(i));
  }

  /** The bias initializer with arguments. */
  public DenseBuilder biasInitializer(ComponentSpec i) {
    this.biasInitializer = i;
    return this;
  }

  /** An L2 penalty on the kernel (Keras's {@code regularizers.l2(factor)}). */
  public DenseBuilder kernelL2(double factor) {
    return kernelRegularizer(ComponentSpec.of("l2", "l2", factor));
  }

  /** An L1 penalty on the kernel (Keras's {@code regularizers.l1(factor)}). */
  public DenseBuilder kernelL1(double factor) {
    return kernelRegularizer(ComponentSpec.of("l1", "l1", factor));
  }

  /** The kernel regularizer ({@code l1}, {@code l2} or {@code l1_l2} with arguments). */
  public DenseBuilder kernelRegularizer(ComponentSpec r) {
    this.kernelRegularizer = r;
    return this;
  }

  /** The bias regularizer. */
  public DenseBuilder biasRegularizer(ComponentSpec r) {
    this.biasRegularizer = r;
    return this;
  }

  /** The number of input columns (first layer only; otherwise taken from the data). */
  public DenseBuilder inputDim(int d) {
    this.inputDim = d;
    return this;
  }

  /** The layer's name. */
  public DenseBuilder name(String n) {
    this.name = n;
    return this;
  }

  LayerSpec build(int index) {
    return Layers.at(index, () -> new DenseSpec(units, activation, useBias, kernelInitializer, biasInitializer,
        kernelRegularizer, biasRegularizer, inputDim, name));
  }
}

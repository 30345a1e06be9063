package dev.lamina.layer;

import dev.lamina.activation.Activation;

/**
 * A layer that only applies an activation: Keras's {@code Activation}, and also {@code LeakyReLU}
 * and {@code ELU} (the same functions as layers, with Keras's layer defaults: LeakyReLU's
 * negative_slope 0.3, ELU's alpha 1.0).
 */
public final class ActivationLayer extends SameWidthLayer {
  private final String kerasClassName;
  private final Activation activation;
  private int capacity;
  private double[] lastInput;
  private double[] out;
  private double[] dInput;

  /** An activation layer over {@code width} columns. */
  public ActivationLayer(String name, String kerasClassName, int width, Activation activation) {
    super(name, width);
    this.kerasClassName = kerasClassName;
    this.activation = activation;
  }

  @Override
  public void allocate(int maxRows) {
    if (maxRows <= capacity) {
      return;
    }
    capacity = maxRows;
    out = new double[maxRows * width];
    dInput = new double[maxRows * width];
  }

  @Override
  public double[] forward(double[] input, int rows, boolean training) {
    lastInput = input;
    activation.forward(input, out, rows, width);
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    if (!needInputGrad) {
      return null;
    }
    activation.backward(lastInput, out, dOutput, dInput, rows, width);
    return dInput;
  }

  /** The activation. */
  public Activation activation() {
    return activation;
  }

  @Override
  public String kerasClassName() {
    return kerasClassName;
  }
}

package dev.lamina.layer;

import dev.lamina.activation.Activation;
import dev.lamina.optim.Parameter;
import java.util.List;

/**
 * A layer that only applies an activation: Keras's {@code Activation}, and also {@code LeakyReLU}
 * and {@code ELU} (the same functions as layers, with Keras's layer defaults: LeakyReLU's
 * negative_slope 0.3, ELU's alpha 1.0).
 */
public final class ActivationLayer implements Layer {
  private final String name;
  private final String kerasClassName;
  private final int width;
  private final Activation activation;
  private int capacity;
  private double[] lastInput;
  private double[] out;
  private double[] dInput;

  /** An activation layer over {@code width} columns. */
  public ActivationLayer(String name, String kerasClassName, int width, Activation activation) {
    this.name = name;
    this.kerasClassName = kerasClassName;
    this.width = width;
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
  public List<Parameter> parameters() {
    return List.of();
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
  public int inputWidth() {
    return width;
  }

  @Override
  public int outputWidth() {
    return width;
  }
}

package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import java.util.List;

/**
 * Keras's {@code Rescaling(scale, offset=0.0)}: {@code y = x * scale + offset}, the same in training
 * and inference; no weights. Backward: {@code dx = dy * scale}.
 */
public final class Rescaling implements Layer {
  private final String name;
  private final int width;
  private final double scale;
  private final double offset;
  private int capacity;
  private double[] out;
  private double[] dInput;

  /** Rescales {@code width} columns. */
  public Rescaling(String name, int width, double scale, double offset) {
    this.name = name;
    this.width = width;
    this.scale = scale;
    this.offset = offset;
  }

  @Override
  public void allocate(int maxRows) {
    if (maxRows > capacity) {
      capacity = maxRows;
      out = new double[maxRows * width];
      dInput = new double[maxRows * width];
    }
  }

  @Override
  public double[] forward(double[] input, int rows, boolean training) {
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      out[i] = input[i] * scale + offset;
    }
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    if (!needInputGrad) {
      return null;
    }
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      dInput[i] = dOutput[i] * scale;
    }
    return dInput;
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
    return "Rescaling";
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

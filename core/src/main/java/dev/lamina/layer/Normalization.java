package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import java.util.List;

/**
 * Keras's {@code Normalization} preprocessing layer with a mean and variance per column (adapted
 * from data or given): {@code y = (x - mean) / max(sqrt(variance), 1e-7)}, or with
 * {@code invert}, {@code y = mean + x * max(sqrt(variance), 1e-7)}; the same in training and
 * inference. Mean, variance and Keras's {@code count} are non-trainable state, saved with the
 * weights; the optimizer never changes them.
 */
public final class Normalization implements Layer {
  /** Keras's {@code backend.epsilon()}: the smallest standard deviation divided by. */
  public static final double EPSILON = 1e-7;

  private final String name;
  private final int width;
  private final boolean invert;
  private final Parameter mean;
  private final Parameter variance;
  private final Parameter count;
  private int capacity;
  private double[] out;
  private double[] dInput;

  /**
   * A normalization of {@code width} columns with the given mean and variance (zeros and ones when
   * null, to be set by {@link #state()} as an import does).
   */
  public Normalization(String name, int width, double[] meanValues, double[] varianceValues, boolean invert) {
    this.name = name;
    this.width = width;
    this.invert = invert;
    this.mean = new Parameter(name + "/mean", width);
    this.variance = new Parameter(name + "/variance", width);
    this.count = new Parameter(name + "/count");
    for (int j = 0; j < width; j++) {
      mean.value()[j] = meanValues == null ? 0 : meanValues[j];
      variance.value()[j] = varianceValues == null ? 1 : varianceValues[j];
    }
  }

  @Override
  public void allocate(int maxRows) {
    if (maxRows > capacity) {
      capacity = maxRows;
      out = new double[maxRows * width];
      dInput = new double[maxRows * width];
    }
  }

  private double std(int j) {
    return Math.max(Math.sqrt(variance.value()[j]), EPSILON);
  }

  @Override
  public double[] forward(double[] input, int rows, boolean training) {
    double[] m = mean.value();
    for (int r = 0; r < rows; r++) {
      int o = r * width;
      for (int j = 0; j < width; j++) {
        out[o + j] = invert ? m[j] + input[o + j] * std(j) : (input[o + j] - m[j]) / std(j);
      }
    }
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    if (!needInputGrad) {
      return null;
    }
    for (int r = 0; r < rows; r++) {
      int o = r * width;
      for (int j = 0; j < width; j++) {
        dInput[o + j] = invert ? dOutput[o + j] * std(j) : dOutput[o + j] / std(j);
      }
    }
    return dInput;
  }

  /** Whether the layer undoes a normalization ({@code invert}). */
  public boolean invert() {
    return invert;
  }

  /** The mean per column (live). */
  public Parameter mean() {
    return mean;
  }

  /** The variance per column (live). */
  public Parameter variance() {
    return variance;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public List<Parameter> state() {
    return List.of(mean, variance, count);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kerasClassName() {
    return "Normalization";
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

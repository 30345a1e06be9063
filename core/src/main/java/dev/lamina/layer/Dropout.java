package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import java.util.List;

/**
 * Keras's {@code Dropout(rate)}, inverted dropout (Srivastava et al., 2014): in training each value
 * is kept with probability {@code 1 - rate} and scaled by {@code 1/(1 - rate)}, so inference is the
 * identity and expected activations match. The masks come from a generator seeded from the model
 * seed and the layer name (or the layer's own {@code seed}).
 */
public final class Dropout implements Layer {
  private final String name;
  private final int width;
  private final double rate;
  private final Rng rng;
  private int capacity;
  private double[] mask;
  private double[] out;
  private double[] dInput;
  private boolean masked;

  /** A dropout layer over {@code width} columns. */
  public Dropout(String name, int width, double rate, Rng rng) {
    this.name = name;
    this.width = width;
    this.rate = rate;
    this.rng = rng;
  }

  @Override
  public void allocate(int maxRows) {
    if (maxRows <= capacity) {
      return;
    }
    capacity = maxRows;
    mask = new double[maxRows * width];
    out = new double[maxRows * width];
    dInput = new double[maxRows * width];
  }

  @Override
  public double[] forward(double[] input, int rows, boolean training) {
    masked = training && rate > 0;
    if (!masked) {
      return input;
    }
    double scale = 1.0 / (1.0 - rate);
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      double m = rng.nextDouble() >= rate ? scale : 0.0;
      mask[i] = m;
      out[i] = input[i] * m;
    }
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    if (!needInputGrad) {
      return null;
    }
    if (!masked) {
      return dOutput;
    }
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      dInput[i] = dOutput[i] * mask[i];
    }
    return dInput;
  }

  /** The mask generator, live: a checkpoint saves and restores its {@link Rng#state()}. */
  public Rng rng() {
    return rng;
  }

  @Override
  public List<Rng> generators() {
    return List.of(rng);
  }

  /** The dropout rate. */
  public double rate() {
    return rate;
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
    return "Dropout";
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

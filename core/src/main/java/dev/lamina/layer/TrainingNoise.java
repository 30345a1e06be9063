package dev.lamina.layer;

import dev.lamina.random.Rng;
import java.util.List;

/**
 * A layer that perturbs its input in training and is the identity at inference: Keras's
 * {@code Dropout}, {@code GaussianNoise}, {@code GaussianDropout} and {@code AlphaDropout}. Each variant draws, per
 * value, a factor {@code a} and a shift {@code b} and outputs {@code y = a * x + b}; backward is
 * {@code dx = a * dy}. The draws come from a generator seeded from the model seed and the layer
 * name (or the layer's own seed), as Dropout's masks do.
 */
public abstract class TrainingNoise extends SameWidthLayer {
  private final Rng rng;
  private int capacity;
  private double[] factor;
  private double[] out;
  private double[] dInput;
  private boolean perturbed;
  private final double[] pair = new double[2];

  /** A noise layer over {@code width} columns drawing from {@code rng}. */
  protected TrainingNoise(String name, int width, Rng rng) {
    super(name, width);
    this.rng = rng;
  }

  /**
   * Draws the factor and shift of one value into {@code ab[0]} and {@code ab[1]}.
   *
   * @param rng the layer's generator
   */
  protected abstract void draw(Rng rng, double[] ab);

  /** Whether the layer changes anything in training (false for a rate or stddev of 0). */
  protected abstract boolean active();

  @Override
  public void allocate(int maxRows) {
    if (maxRows > capacity) {
      capacity = maxRows;
      factor = new double[maxRows * width];
      out = new double[maxRows * width];
      dInput = new double[maxRows * width];
    }
  }

  @Override
  public double[] forward(double[] input, int rows, boolean training) {
    perturbed = training && active();
    if (!perturbed) {
      return input;
    }
    double[] ab = pair;
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      draw(rng, ab);
      factor[i] = ab[0];
      out[i] = ab[0] * input[i] + ab[1];
    }
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    if (!needInputGrad) {
      return null;
    }
    if (!perturbed) {
      return dOutput;
    }
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      dInput[i] = dOutput[i] * factor[i];
    }
    return dInput;
  }

  /** The generator, live: a checkpoint saves and restores its state. */
  public Rng rng() {
    return rng;
  }

  @Override
  public List<Rng> generators() {
    return List.of(rng);
  }
}

package dev.lamina.layer;

import dev.lamina.init.Initializer;
import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keras's {@code LayerNormalization(axis=-1)}: each row is normalized over its own columns (Ba,
 * Kiros and Hinton, 2016, "Layer Normalization", arXiv:1607.06450), the same in training and
 * inference.
 *
 * <p>Per row: {@code mu} and the biased variance {@code var} over the d columns,
 * {@code xhat_j = (x_j - mu) / sqrt(var + epsilon)}, {@code y_j = gamma_j * xhat_j + beta_j}.
 * Backward per row with {@code g_j = dy_j * gamma_j}:
 * {@code dx_j = (1 / (d * sqrt(var + eps))) * (d g_j - sum g - xhat_j * sum(g * xhat))};
 * {@code dgamma_j} and {@code dbeta_j} sum {@code dy_j * xhat_j} and {@code dy_j} over rows.
 *
 * <p>Defaults (Keras 3): {@code epsilon=0.001, center=true, scale=true,
 * beta_initializer=zeros, gamma_initializer=ones}.
 */
public final class LayerNormalization implements Layer {
  private final String name;
  private final int width;
  private final double epsilon;
  private final Parameter gamma;
  private final Parameter beta;
  private final Initializer gammaInit;
  private final Initializer betaInit;
  private final List<Parameter> params;
  private int capacity;
  private double[] xhat;
  private double[] invStd;
  private double[] out;
  private double[] dInput;

  /**
   * A layer over {@code width} columns.
   *
   * @param gammaInit the scale's initializer, or null for {@code scale=false}
   * @param betaInit the offset's initializer, or null for {@code center=false}
   */
  public LayerNormalization(String name, int width, double epsilon, Initializer gammaInit, Initializer betaInit) {
    this.name = name;
    this.width = width;
    this.epsilon = epsilon;
    this.gammaInit = gammaInit;
    this.betaInit = betaInit;
    this.gamma = gammaInit == null ? null : new Parameter(name + "/gamma", width);
    this.beta = betaInit == null ? null : new Parameter(name + "/beta", width);
    List<Parameter> p = new ArrayList<>(2);
    if (gamma != null) {
      p.add(gamma);
    }
    if (beta != null) {
      p.add(beta);
    }
    this.params = List.copyOf(p);
  }

  /** Fills gamma and beta from their initializers. */
  public void initialize(long modelSeed) {
    if (gamma != null) {
      Long own = gammaInit.seed();
      gammaInit.fill(gamma.value(), gamma.shape(), own != null ? new Rng(own) : Rng.forPath(modelSeed, gamma.name()));
    }
    if (beta != null) {
      Long own = betaInit.seed();
      betaInit.fill(beta.value(), beta.shape(), own != null ? new Rng(own) : Rng.forPath(modelSeed, beta.name()));
    }
  }

  @Override
  public void allocate(int maxRows) {
    if (maxRows <= capacity) {
      return;
    }
    capacity = maxRows;
    xhat = new double[maxRows * width];
    invStd = new double[maxRows];
    out = new double[maxRows * width];
    dInput = new double[maxRows * width];
  }

  @Override
  public double[] forward(double[] input, int rows, boolean training) {
    for (int r = 0; r < rows; r++) {
      int o = r * width;
      double mu = 0;
      for (int j = 0; j < width; j++) {
        mu += input[o + j];
      }
      mu /= width;
      double var = 0;
      for (int j = 0; j < width; j++) {
        double d = input[o + j] - mu;
        var += d * d;
      }
      var /= width;
      double inv = 1.0 / Math.sqrt(var + epsilon);
      invStd[r] = inv;
      for (int j = 0; j < width; j++) {
        double h = (input[o + j] - mu) * inv;
        xhat[o + j] = h;
        out[o + j] = (gamma == null ? h : gamma.value()[j] * h) + (beta == null ? 0 : beta.value()[j]);
      }
    }
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    if (gamma != null) {
      Arrays.fill(gamma.grad(), 0.0);
    }
    if (beta != null) {
      Arrays.fill(beta.grad(), 0.0);
    }
    for (int r = 0; r < rows; r++) {
      int o = r * width;
      double sumG = 0;
      double sumGx = 0;
      for (int j = 0; j < width; j++) {
        double dy = dOutput[o + j];
        double h = xhat[o + j];
        if (gamma != null) {
          gamma.grad()[j] += dy * h;
        }
        if (beta != null) {
          beta.grad()[j] += dy;
        }
        double g = gamma == null ? dy : dy * gamma.value()[j];
        sumG += g;
        sumGx += g * h;
      }
      if (needInputGrad) {
        for (int j = 0; j < width; j++) {
          double g = gamma == null ? dOutput[o + j] : dOutput[o + j] * gamma.value()[j];
          dInput[o + j] = invStd[r] / width * (width * g - sumG - xhat[o + j] * sumGx);
        }
      }
    }
    return needInputGrad ? dInput : null;
  }

  /** Keras's {@code epsilon}. */
  public double epsilon() {
    return epsilon;
  }

  /** The scale, or null when {@code scale=false}. */
  public Parameter gamma() {
    return gamma;
  }

  /** The offset, or null when {@code center=false}. */
  public Parameter beta() {
    return beta;
  }

  @Override
  public List<Parameter> parameters() {
    return params;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kerasClassName() {
    return "LayerNormalization";
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

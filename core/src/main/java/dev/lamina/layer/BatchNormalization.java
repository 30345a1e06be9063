package dev.lamina.layer;

import dev.lamina.init.Initializer;
import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keras's {@code BatchNormalization(axis=-1)} over the columns of a batch (Ioffe and Szegedy,
 * 2015, "Batch Normalization", arXiv:1502.03167).
 *
 * <p>Training: per column j, the batch mean {@code mu_j} and the <em>biased</em> batch variance
 * {@code var_j} (divided by the number of rows, as Keras 3's {@code ops.moments}), then
 * {@code xhat = (x - mu_j) / sqrt(var_j + epsilon)} and {@code y = gamma_j * xhat + beta_j}; the
 * moving statistics are updated as Keras does:
 * {@code moving = moving * momentum + batch * (1 - momentum)} (the moving variance takes the same
 * biased variance). Inference: the same formula with the moving mean and moving variance.
 *
 * <p>Backward (training mode, the output is a function of the whole batch), with n rows and
 * {@code g_i = dy_i * gamma_j}:
 * {@code dx_i = (1 / (n * sqrt(var_j + eps))) * (n g_i - sum g - xhat_i * sum(g * xhat))},
 * {@code dgamma_j = sum(dy * xhat)}, {@code dbeta_j = sum(dy)}. In inference mode
 * {@code dx = dy * gamma_j / sqrt(moving_var_j + eps)}.
 *
 * <p>Defaults (Keras 3): {@code momentum=0.99, epsilon=0.001, center=true, scale=true},
 * {@code beta_initializer=zeros, gamma_initializer=ones, moving_mean_initializer=zeros,
 * moving_variance_initializer=ones}. Tensors: trainable {@code gamma}, {@code beta} (when scale /
 * center), non-trainable {@code moving_mean}, {@code moving_variance} ({@link #state()}).
 */
public final class BatchNormalization implements Layer {
  private final String name;
  private final int width;
  private final double momentum;
  private final double epsilon;
  private final Parameter gamma;
  private final Parameter beta;
  private final Parameter movingMean;
  private final Parameter movingVariance;
  private final Initializer gammaInit;
  private final Initializer betaInit;
  private final Initializer movingMeanInit;
  private final Initializer movingVarianceInit;
  private final List<Parameter> params;
  private final double[] mean;
  private final double[] invStd;
  private final double[] sumG;
  private final double[] sumGx;
  private int capacity;
  private double[] xhat;
  private double[] out;
  private double[] dInput;
  private boolean lastTraining;

  /**
   * A layer over {@code width} columns.
   *
   * @param gammaInit the scale's initializer, or null for {@code scale=false}
   * @param betaInit the offset's initializer, or null for {@code center=false}
   */
  public BatchNormalization(String name, int width, double momentum, double epsilon, Initializer gammaInit,
      Initializer betaInit, Initializer movingMeanInit, Initializer movingVarianceInit) {
    this.name = name;
    this.width = width;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.gammaInit = gammaInit;
    this.betaInit = betaInit;
    this.movingMeanInit = movingMeanInit;
    this.movingVarianceInit = movingVarianceInit;
    this.gamma = gammaInit == null ? null : new Parameter(name + "/gamma", width);
    this.beta = betaInit == null ? null : new Parameter(name + "/beta", width);
    this.movingMean = new Parameter(name + "/moving_mean", width);
    this.movingVariance = new Parameter(name + "/moving_variance", width);
    List<Parameter> p = new ArrayList<>(2);
    if (gamma != null) {
      p.add(gamma);
    }
    if (beta != null) {
      p.add(beta);
    }
    this.params = List.copyOf(p);
    this.mean = new double[width];
    this.invStd = new double[width];
    this.sumG = new double[width];
    this.sumGx = new double[width];
  }

  /** Fills gamma, beta and the moving statistics from their initializers. */
  public void initialize(long modelSeed) {
    fill(gamma, gammaInit, modelSeed);
    fill(beta, betaInit, modelSeed);
    fill(movingMean, movingMeanInit, modelSeed);
    fill(movingVariance, movingVarianceInit, modelSeed);
  }

  private static void fill(Parameter p, Initializer init, long modelSeed) {
    if (p == null) {
      return;
    }
    Long own = init.seed();
    init.fill(p.value(), p.shape(), own != null ? new Rng(own) : Rng.forPath(modelSeed, p.name()));
  }

  @Override
  public void allocate(int maxRows) {
    if (maxRows <= capacity) {
      return;
    }
    capacity = maxRows;
    xhat = new double[maxRows * width];
    out = new double[maxRows * width];
    dInput = new double[maxRows * width];
  }

  @Override
  public double[] forward(double[] input, int rows, boolean training) {
    lastTraining = training;
    if (training && rows > 0) {
      batchStatistics(input, rows);
    } else {
      double[] mm = movingMean.value();
      double[] mv = movingVariance.value();
      for (int j = 0; j < width; j++) {
        mean[j] = mm[j];
        invStd[j] = 1.0 / Math.sqrt(mv[j] + epsilon);
      }
    }
    for (int r = 0; r < rows; r++) {
      int o = r * width;
      for (int j = 0; j < width; j++) {
        double h = (input[o + j] - mean[j]) * invStd[j];
        xhat[o + j] = h;
        out[o + j] = (gamma == null ? h : gamma.value()[j] * h) + (beta == null ? 0 : beta.value()[j]);
      }
    }
    return out;
  }

  /** Batch mean and biased variance per column; updates the moving statistics. */
  private void batchStatistics(double[] input, int rows) {
    Arrays.fill(mean, 0.0);
    for (int r = 0; r < rows; r++) {
      int o = r * width;
      for (int j = 0; j < width; j++) {
        mean[j] += input[o + j];
      }
    }
    double[] mm = movingMean.value();
    double[] mv = movingVariance.value();
    for (int j = 0; j < width; j++) {
      mean[j] /= rows;
      double var = 0;
      for (int r = 0; r < rows; r++) {
        double d = input[r * width + j] - mean[j];
        var += d * d;
      }
      var /= rows;
      invStd[j] = 1.0 / Math.sqrt(var + epsilon);
      mm[j] = mm[j] * momentum + mean[j] * (1 - momentum);
      mv[j] = mv[j] * momentum + var * (1 - momentum);
    }
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    if (gamma != null) {
      Arrays.fill(gamma.grad(), 0.0);
    }
    if (beta != null) {
      Arrays.fill(beta.grad(), 0.0);
    }
    Arrays.fill(sumG, 0.0);
    Arrays.fill(sumGx, 0.0);
    for (int r = 0; r < rows; r++) {
      int o = r * width;
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
        sumG[j] += g;
        sumGx[j] += g * h;
      }
    }
    if (!needInputGrad) {
      return null;
    }
    for (int r = 0; r < rows; r++) {
      int o = r * width;
      for (int j = 0; j < width; j++) {
        double g = gamma == null ? dOutput[o + j] : dOutput[o + j] * gamma.value()[j];
        dInput[o + j] = lastTraining
            ? invStd[j] / rows * (rows * g - sumG[j] - xhat[o + j] * sumGx[j])
            : g * invStd[j];
      }
    }
    return dInput;
  }

  /** Keras's {@code momentum}. */
  public double momentum() {
    return momentum;
  }

  /** Keras's {@code epsilon}. */
  public double epsilon() {
    return epsilon;
  }

  /** The moving mean (live). */
  public Parameter movingMean() {
    return movingMean;
  }

  /** The moving variance (live). */
  public Parameter movingVariance() {
    return movingVariance;
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
  public List<Parameter> state() {
    return List.of(movingMean, movingVariance);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kerasClassName() {
    return "BatchNormalization";
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

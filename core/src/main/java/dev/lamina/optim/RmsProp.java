package dev.lamina.optim;

import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop, as Keras's {@code keras.optimizers.RMSprop} (name {@code rmsprop}, the default
 * optimizer of Keras's {@code compile}); Hinton, Coursera lecture 6e, 2012; centered variant:
 * Graves, 2013, arXiv:1308.0850.
 *
 * <p>Update rule per element:
 * <pre>{@code
 * v = rho * v + (1 - rho) * g^2
 * centered: a = rho * a + (1 - rho) * g;  denom = v - a^2 + epsilon
 * else:                                   denom = v + epsilon
 * inc = lr * g / sqrt(denom)              (epsilon inside the square root)
 * momentum > 0: M = momentum * M + inc;  w = w - M
 * else:                                  w = w - inc
 * }</pre>
 * Defaults: {@code learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=false}.
 * Slots: the velocities, then (momentum &gt; 0) the momentums, then (centered) the average
 * gradients, as Keras creates them.
 */
public final class RmsProp extends Optimizer {
  /** Keras's default learning rate for RMSprop. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  /** Keras's default decay of the squared-gradient average. */
  public static final double DEFAULT_RHO = 0.9;
  /** Keras's default momentum. */
  public static final double DEFAULT_MOMENTUM = 0.0;
  /** Keras's default epsilon. */
  public static final double DEFAULT_EPSILON = 1e-7;
  /** Keras's default for the centered variant. */
  public static final boolean DEFAULT_CENTERED = false;

  private final double rho;
  private final double momentum;
  private final double epsilon;
  private final boolean centered;
  private Storage[] velocities = new Storage[0];
  private Storage[] momentums = new Storage[0];
  private Storage[] averageGradients = new Storage[0];

  /** RMSprop with Keras's defaults. */
  public RmsProp() {
    this(DEFAULT_LEARNING_RATE, null, DEFAULT_RHO, DEFAULT_MOMENTUM, DEFAULT_EPSILON, DEFAULT_CENTERED,
        Clipping.NONE);
  }

  /**
   * @param learningRate constant rate, used when {@code schedule} is null
   * @param schedule learning-rate schedule or null
   * @param rho decay of the squared-gradient average, in [0, 1)
   * @param momentum in [0, 1]
   * @param epsilon at least 0, added inside the square root
   * @param centered whether to subtract the squared mean gradient
   * @param clipping common Keras arguments
   * @throws SpecException for an argument out of range (path = the Keras argument name)
   */
  public RmsProp(double learningRate, LearningRateSchedule schedule, double rho, double momentum, double epsilon,
      boolean centered, Clipping clipping) {
    super("rmsprop", learningRate, schedule, clipping);
    this.rho = Hyper.inHalfOpenUnit("rho", rho);
    this.momentum = Hyper.inClosedUnit("momentum", momentum);
    this.epsilon = Hyper.nonNegative("epsilon", epsilon);
    this.centered = centered;
  }

  /** Decay of the squared-gradient average. */
  public double rho() {
    return rho;
  }

  /** The momentum coefficient. */
  public double momentum() {
    return momentum;
  }

  /** Epsilon, added inside the square root. */
  public double epsilon() {
    return epsilon;
  }

  /** Whether the centered variant is on. */
  public boolean centered() {
    return centered;
  }

  @Override
  public void build(List<Parameter> params) {
    velocities = Hyper.zerosLike(params);
    momentums = momentum > 0 ? Hyper.zerosLike(params) : new Storage[0];
    averageGradients = centered ? Hyper.zerosLike(params) : new Storage[0];
  }

  @Override
  protected void update(int index, Parameter p, double lr, long t) {
    if (p.singlePrecision()) {
      updateSingle(index, p, lr);
      return;
    }
    double[] w = p.value();
    double[] g = p.grad();
    double[] v = velocities[index].doubles();
    double[] mom = momentum > 0 ? momentums[index].doubles() : null;
    double[] avg = centered ? averageGradients[index].doubles() : null;
    for (int k = 0; k < w.length; k++) {
      double gk = g[k];
      v[k] = rho * v[k] + (1 - rho) * (gk * gk);
      double denom;
      if (avg != null) {
        avg[k] = rho * avg[k] + (1 - rho) * gk;
        denom = v[k] - avg[k] * avg[k] + epsilon;
      } else {
        denom = v[k] + epsilon;
      }
      double inc = lr * gk / Math.sqrt(denom);
      if (mom != null) {
        mom[k] = momentum * mom[k] + inc;
        w[k] -= mom[k];
      } else {
        w[k] -= inc;
      }
    }
  }

  /**
   * The same rule in float32 on a float32 parameter and its float32 slots (the scalars rounded to
   * float once). Java's primitive types force this second copy of the loop.
   */
  private void updateSingle(int index, Parameter p, double lr) {
    float[] w = p.floatValue();
    float[] g = p.floatGrad();
    float[] v = velocities[index].floats();
    float[] mom = momentum > 0 ? momentums[index].floats() : null;
    float[] avg = centered ? averageGradients[index].floats() : null;
    float r = (float) rho;
    float oneMinusRho = (float) (1 - rho);
    float eps = (float) epsilon;
    float rate = (float) lr;
    float mu = (float) momentum;
    for (int k = 0; k < w.length; k++) {
      float gk = g[k];
      v[k] = r * v[k] + oneMinusRho * (gk * gk);
      float denom;
      if (avg != null) {
        avg[k] = r * avg[k] + oneMinusRho * gk;
        denom = v[k] - avg[k] * avg[k] + eps;
      } else {
        denom = v[k] + eps;
      }
      float inc = rate * gk / (float) Math.sqrt(denom);
      if (mom != null) {
        mom[k] = mu * mom[k] + inc;
        w[k] -= mom[k];
      } else {
        w[k] -= inc;
      }
    }
  }

  @Override
  public boolean hasSinglePrecisionRule() {
    return true;
  }

  @Override
  public List<double[]> slots() {
    List<double[]> out = new ArrayList<>();
    Hyper.addDoubles(out, velocities);
    Hyper.addDoubles(out, momentums);
    Hyper.addDoubles(out, averageGradients);
    return out;
  }
}

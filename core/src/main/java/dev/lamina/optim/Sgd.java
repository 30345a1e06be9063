package dev.lamina.optim;

import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum, as Keras's
 * {@code keras.optimizers.SGD} (name {@code sgd}).
 *
 * <p>Update rule per element, with learning rate {@code lr} and momentum {@code mu}:
 * <pre>{@code
 * mu == 0:   w = w - lr * g
 * mu  > 0:   m = mu * m - lr * g            (velocity, starts at 0)
 *            w = w + m                      (classic)
 *            w = w + (mu * m - lr * g)      (nesterov, with the new m)
 * }</pre>
 * Defaults: {@code learning_rate=0.01, momentum=0.0, nesterov=false}. Momentum slots exist only
 * when {@code momentum != 0}, as in Keras. Nesterov momentum: Sutskever et al., 2013.
 */
public final class Sgd extends Optimizer {
  /** Keras's default learning rate for SGD. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  /** Keras's default momentum (plain gradient descent). */
  public static final double DEFAULT_MOMENTUM = 0.0;
  /** Keras's default for Nesterov momentum. */
  public static final boolean DEFAULT_NESTEROV = false;

  private final double momentum;
  private final boolean nesterov;
  private double[][] velocities = new double[0][];

  /** SGD with Keras's defaults. */
  public Sgd() {
    this(DEFAULT_LEARNING_RATE, null, DEFAULT_MOMENTUM, DEFAULT_NESTEROV, Clipping.NONE);
  }

  /**
   * @param learningRate constant rate, used when {@code schedule} is null
   * @param schedule learning-rate schedule or null
   * @param momentum in [0, 1]
   * @param nesterov whether to use Nesterov momentum
   * @param clipping common Keras arguments
   * @throws SpecException for an argument out of range (path = the Keras argument name)
   */
  public Sgd(double learningRate, LearningRateSchedule schedule, double momentum, boolean nesterov,
      Clipping clipping) {
    super("sgd", learningRate, schedule, clipping);
    this.momentum = Hyper.inClosedUnit("momentum", momentum);
    this.nesterov = nesterov;
  }

  /** The momentum coefficient. */
  public double momentum() {
    return momentum;
  }

  /** Whether Nesterov momentum is on. */
  public boolean nesterov() {
    return nesterov;
  }

  @Override
  public void build(List<Parameter> params) {
    velocities = momentum != 0 ? Hyper.zeros(params) : new double[0][];
  }

  @Override
  protected boolean updatesByElement() {
    return true;
  }

  @Override
  protected void update(int index, Parameter p, double lr, long t, int from, int to) {
    double[] w = p.value();
    double[] g = p.grad();
    if (momentum == 0) {
      for (int k = from; k < to; k++) {
        w[k] -= g[k] * lr;
      }
      return;
    }
    double[] m = velocities[index];
    for (int k = from; k < to; k++) {
      m[k] = m[k] * momentum - g[k] * lr;
      if (nesterov) {
        w[k] += m[k] * momentum - g[k] * lr;
      } else {
        w[k] += m[k];
      }
    }
  }

  @Override
  public List<double[]> slots() {
    List<double[]> out = new ArrayList<>(velocities.length);
    Collections.addAll(out, velocities);
    return out;
  }
}

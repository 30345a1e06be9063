package dev.lamina.optim;

import dev.lamina.spec.SpecException;
import java.util.ArrayList;
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
 * when {@code momentum != 0}, as in Keras, in the parameter's precision (a float32 parameter is
 * updated in float32 arithmetic). Nesterov momentum: Sutskever et al., 2013.
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
  private Storage[] velocities = new Storage[0];

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
    velocities = momentum != 0 ? Hyper.zerosLike(params) : new Storage[0];
  }

  @Override
  protected boolean updatesByElement() {
    return true;
  }

  @Override
  public boolean hasSinglePrecisionRule() {
    return true;
  }

  @Override
  protected void update(int index, Parameter p, double lr, long t, int from, int to) {
    if (p.singlePrecision()) {
      updateSingle(index, p, lr, from, to);
      return;
    }
    double[] w = p.value();
    double[] g = p.grad();
    if (momentum == 0) {
      for (int k = from; k < to; k++) {
        w[k] -= g[k] * lr;
      }
      return;
    }
    double[] m = velocities[index].doubles();
    for (int k = from; k < to; k++) {
      m[k] = m[k] * momentum - g[k] * lr;
      if (nesterov) {
        w[k] += m[k] * momentum - g[k] * lr;
      } else {
        w[k] += m[k];
      }
    }
  }

  /**
   * The same rule in single precision, on a float32 parameter and its float32 velocity (the
   * scalars rounded to float once, every operation in float, as Keras's float32). Java's primitive
   * types force this second copy of the loop; it is kept operation for operation.
   */
  private void updateSingle(int index, Parameter p, double lr, int from, int to) {
    float[] w = p.floatValue();
    float[] g = p.floatGrad();
    float rate = (float) lr;
    if (momentum == 0) {
      for (int k = from; k < to; k++) {
        w[k] -= g[k] * rate;
      }
      return;
    }
    float mu = (float) momentum;
    float[] m = velocities[index].floats();
    for (int k = from; k < to; k++) {
      m[k] = m[k] * mu - g[k] * rate;
      if (nesterov) {
        w[k] += m[k] * mu - g[k] * rate;
      } else {
        w[k] += m[k];
      }
    }
  }

  @Override
  public List<double[]> slots() {
    List<double[]> out = new ArrayList<>(velocities.length);
    Hyper.addDoubles(out, velocities);
    return out;
  }
}

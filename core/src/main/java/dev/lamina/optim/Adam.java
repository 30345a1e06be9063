package dev.lamina.optim;

import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam, as Keras's {@code keras.optimizers.Adam} (name {@code adam}); Kingma and Ba, 2014,
 * arXiv:1412.6980.
 *
 * <p>Update rule per element at step {@code t} (1-based):
 * <pre>{@code
 * m = m + (g - m) * (1 - beta_1)
 * v = v + (g^2 - v) * (1 - beta_2)
 * amsgrad: vhat = max(vhat, v), and vhat replaces v below
 * alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)
 * w = w - m * alpha / (sqrt(v) + epsilon)
 * }</pre>
 * {@code epsilon} is Keras's "epsilon hat" (the paper's formula just before section 2.1): it is
 * added to the uncorrected {@code sqrt(v)}, which equals textbook Adam with
 * {@code eps_std = epsilon / sqrt(1 - beta_2^t)}.
 *
 * <p>Defaults: {@code learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
 * amsgrad=false}. Slots: the first moments, then the second moments, then (amsgrad) the running
 * maxima, one per parameter each, in the parameter's precision (a float32 parameter is updated in
 * float32 arithmetic with float32 slots, as Keras does). The bias-correction scalars are computed
 * once per step.
 */
public class Adam extends Optimizer {
  /** Keras's default learning rate for Adam. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  /** Keras's default decay of the first moment. */
  public static final double DEFAULT_BETA_1 = 0.9;
  /** Keras's default decay of the second moment. */
  public static final double DEFAULT_BETA_2 = 0.999;
  /** Keras's default epsilon (epsilon hat). */
  public static final double DEFAULT_EPSILON = 1e-7;
  /** Keras's default for the AMSGrad variant (Reddi et al., 2018). */
  public static final boolean DEFAULT_AMSGRAD = false;

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final boolean amsgrad;
  private Storage[] momentums = new Storage[0];
  private Storage[] velocities = new Storage[0];
  private Storage[] velocityHats = new Storage[0];
  private long correctedStep = -1;
  private double sqrtOneMinusBeta2Power;
  private double oneMinusBeta1Power;

  /** Adam with Keras's defaults. */
  public Adam() {
    this(DEFAULT_LEARNING_RATE, null, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON, DEFAULT_AMSGRAD,
        Clipping.NONE);
  }

  /**
   * @param learningRate constant rate, used when {@code schedule} is null
   * @param schedule learning-rate schedule or null
   * @param beta1 first-moment decay in [0, 1)
   * @param beta2 second-moment decay in [0, 1)
   * @param epsilon epsilon hat, at least 0
   * @param amsgrad whether to use the AMSGrad maximum of second moments
   * @param clipping common Keras arguments
   * @throws SpecException for an argument out of range (path = the Keras argument name)
   */
  public Adam(double learningRate, LearningRateSchedule schedule, double beta1, double beta2, double epsilon,
      boolean amsgrad, Clipping clipping) {
    this("adam", learningRate, schedule, beta1, beta2, epsilon, amsgrad, clipping);
  }

  /** For {@link AdamW}, which only changes the name and the weight-decay default. */
  Adam(String name, double learningRate, LearningRateSchedule schedule, double beta1, double beta2,
      double epsilon, boolean amsgrad, Clipping clipping) {
    super(name, learningRate, schedule, clipping);
    this.beta1 = Hyper.inHalfOpenUnit("beta_1", beta1);
    this.beta2 = Hyper.inHalfOpenUnit("beta_2", beta2);
    this.epsilon = Hyper.nonNegative("epsilon", epsilon);
    this.amsgrad = amsgrad;
  }

  /** First-moment decay. */
  public double beta1() {
    return beta1;
  }

  /** Second-moment decay. */
  public double beta2() {
    return beta2;
  }

  /** Epsilon hat. */
  public double epsilon() {
    return epsilon;
  }

  /** Whether AMSGrad is on. */
  public boolean amsgrad() {
    return amsgrad;
  }

  @Override
  public void build(List<Parameter> params) {
    momentums = Hyper.zerosLike(params);
    velocities = Hyper.zerosLike(params);
    velocityHats = amsgrad ? Hyper.zerosLike(params) : new Storage[0];
    correctedStep = -1;
  }

  @Override
  protected void beginStep(double lr, long t) {
    if (t != correctedStep) {
      sqrtOneMinusBeta2Power = Math.sqrt(1 - Math.pow(beta2, t));
      oneMinusBeta1Power = 1 - Math.pow(beta1, t);
      correctedStep = t;
    }
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
    double alpha = lr * sqrtOneMinusBeta2Power / oneMinusBeta1Power;
    if (p.singlePrecision()) {
      updateSingle(index, p, alpha, from, to);
      return;
    }
    double[] w = p.value();
    double[] g = p.grad();
    double[] m = momentums[index].doubles();
    double[] v = velocities[index].doubles();
    double[] vHat = amsgrad ? velocityHats[index].doubles() : null;
    double oneMinusBeta1 = 1 - beta1;
    double oneMinusBeta2 = 1 - beta2;
    if (vHat == null) {
      // Branch-free copy of the loop below, so the JIT vectorizes it; same operations in the same order.
      for (int k = from; k < to; k++) {
        double gk = g[k];
        m[k] += (gk - m[k]) * oneMinusBeta1;
        v[k] += (gk * gk - v[k]) * oneMinusBeta2;
        w[k] -= m[k] * alpha / (Math.sqrt(v[k]) + epsilon);
      }
      return;
    }
    for (int k = from; k < to; k++) {
      double gk = g[k];
      m[k] += (gk - m[k]) * oneMinusBeta1;
      v[k] += (gk * gk - v[k]) * oneMinusBeta2;
      vHat[k] = Math.max(vHat[k], v[k]);
      w[k] -= m[k] * alpha / (Math.sqrt(vHat[k]) + epsilon);
    }
  }

  /**
   * The same rule in single precision, on a float32 parameter and its float32 slots (Keras's
   * float32 arithmetic: the scalars rounded to float once, every operation in float). Java's
   * primitive types force this second copy of the loops; it is kept operation for operation.
   */
  private void updateSingle(int index, Parameter p, double alpha, int from, int to) {
    float[] w = p.floatValue();
    float[] g = p.floatGrad();
    float[] m = momentums[index].floats();
    float[] v = velocities[index].floats();
    float[] vHat = amsgrad ? velocityHats[index].floats() : null;
    float a = (float) alpha;
    float oneMinusBeta1 = (float) (1 - beta1);
    float oneMinusBeta2 = (float) (1 - beta2);
    float eps = (float) epsilon;
    if (vHat == null) {
      for (int k = from; k < to; k++) {
        float gk = g[k];
        m[k] += (gk - m[k]) * oneMinusBeta1;
        v[k] += (gk * gk - v[k]) * oneMinusBeta2;
        w[k] -= m[k] * a / ((float) Math.sqrt(v[k]) + eps);
      }
      return;
    }
    for (int k = from; k < to; k++) {
      float gk = g[k];
      m[k] += (gk - m[k]) * oneMinusBeta1;
      v[k] += (gk * gk - v[k]) * oneMinusBeta2;
      vHat[k] = Math.max(vHat[k], v[k]);
      w[k] -= m[k] * a / ((float) Math.sqrt(vHat[k]) + eps);
    }
  }

  @Override
  public List<double[]> slots() {
    List<double[]> out = new ArrayList<>(3 * momentums.length);
    Hyper.addDoubles(out, momentums);
    Hyper.addDoubles(out, velocities);
    Hyper.addDoubles(out, velocityHats);
    return out;
  }
}

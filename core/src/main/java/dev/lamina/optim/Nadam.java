package dev.lamina.optim;

import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Nadam (Adam with Nesterov momentum), as Keras's {@code keras.optimizers.Nadam} (name
 * {@code nadam}); Dozat, 2015, "Incorporating Nesterov Momentum into Adam".
 *
 * <p>Keras's momentum-cache schedule, at step {@code t} (1-based):
 * <pre>{@code
 * u_t     = beta_1 * (1 - 0.5 * 0.96^t)
 * u_{t+1} = beta_1 * (1 - 0.5 * 0.96^(t+1))
 * P_t     = P_{t-1} * u_t                   (P_0 = 1; kept once per step, not per parameter)
 * m = m + (g - m) * (1 - beta_1)
 * v = v + (g^2 - v) * (1 - beta_2)
 * mhat = u_{t+1} * m / (1 - P_t * u_{t+1}) + (1 - u_t) * g / (1 - P_t)
 * vhat = v / (1 - beta_2^t)
 * w = w - mhat * lr / (sqrt(vhat) + epsilon)
 * }</pre>
 * Defaults: {@code learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7}. Slots: the first
 * moments, the second moments (float32 for a float32 parameter), then a one-element array
 * holding {@code P_t} (Keras's {@code u_product}, kept in double). If the step count jumps (a restored {@link #setIterations}), {@code P_t} is
 * recomputed from its definition.
 */
public final class Nadam extends Optimizer {
  /** Keras's default learning rate for Nadam. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  /** Keras's default decay of the first moment. */
  public static final double DEFAULT_BETA_1 = 0.9;
  /** Keras's default decay of the second moment. */
  public static final double DEFAULT_BETA_2 = 0.999;
  /** Keras's default epsilon. */
  public static final double DEFAULT_EPSILON = 1e-7;
  /** Base of Dozat's momentum warm-up: {@code u_t = beta_1 * (1 - 0.5 * 0.96^t)}. */
  static final double MOMENTUM_CACHE_DECAY = 0.96;

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private Storage[] momentums = new Storage[0];
  private Storage[] velocities = new Storage[0];
  private final double[] uProduct = {1.0};
  private long productStep;
  private double uT;
  private double uNext;
  private double oneMinusBeta2Power;

  /** Nadam with Keras's defaults. */
  public Nadam() {
    this(DEFAULT_LEARNING_RATE, null, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON, Clipping.NONE);
  }

  /**
   * @param learningRate constant rate, used when {@code schedule} is null
   * @param schedule learning-rate schedule or null
   * @param beta1 first-moment decay in [0, 1)
   * @param beta2 second-moment decay in [0, 1)
   * @param epsilon at least 0
   * @param clipping common Keras arguments
   * @throws SpecException for an argument out of range (path = the Keras argument name)
   */
  public Nadam(double learningRate, LearningRateSchedule schedule, double beta1, double beta2, double epsilon,
      Clipping clipping) {
    super("nadam", learningRate, schedule, clipping);
    this.beta1 = Hyper.inHalfOpenUnit("beta_1", beta1);
    this.beta2 = Hyper.inHalfOpenUnit("beta_2", beta2);
    this.epsilon = Hyper.nonNegative("epsilon", epsilon);
  }

  /** First-moment decay. */
  public double beta1() {
    return beta1;
  }

  /** Second-moment decay. */
  public double beta2() {
    return beta2;
  }

  /** Epsilon. */
  public double epsilon() {
    return epsilon;
  }

  @Override
  public void build(List<Parameter> params) {
    momentums = Hyper.zerosLike(params);
    velocities = Hyper.zerosLike(params);
    uProduct[0] = 1.0;
    productStep = 0;
  }

  private double u(long step) {
    return beta1 * (1.0 - 0.5 * Math.pow(MOMENTUM_CACHE_DECAY, step));
  }

  /** Advances the once-per-step state to step {@code t} (Keras does this before any update). */
  private void advanceTo(long t) {
    if (t == productStep) {
      return;
    }
    if (t == productStep + 1) {
      // Keras's order: u_product * beta_1 * (1 - 0.5 * 0.96^t).
      uProduct[0] = uProduct[0] * beta1 * (1.0 - 0.5 * Math.pow(MOMENTUM_CACHE_DECAY, t));
    } else {
      double prod = 1.0;
      for (long s = 1; s <= t; s++) {
        prod = prod * beta1 * (1.0 - 0.5 * Math.pow(MOMENTUM_CACHE_DECAY, s));
      }
      uProduct[0] = prod;
    }
    productStep = t;
    uT = u(t);
    uNext = u(t + 1);
    oneMinusBeta2Power = 1 - Math.pow(beta2, t);
  }

  @Override
  protected void update(int index, Parameter p, double lr, long t) {
    advanceTo(t);
    double productT = uProduct[0];
    double productNext = productT * uNext;
    if (p.singlePrecision()) {
      updateSingle(index, p, lr, productT, productNext);
      return;
    }
    double[] w = p.value();
    double[] g = p.grad();
    double[] m = momentums[index].doubles();
    double[] v = velocities[index].doubles();
    for (int k = 0; k < w.length; k++) {
      double gk = g[k];
      m[k] += (gk - m[k]) * (1 - beta1);
      v[k] += (gk * gk - v[k]) * (1 - beta2);
      double mHat = uNext * m[k] / (1 - productNext) + (1 - uT) * gk / (1 - productT);
      double vHat = v[k] / oneMinusBeta2Power;
      w[k] -= mHat * lr / (Math.sqrt(vHat) + epsilon);
    }
  }

  /**
   * The same rule in float32 on a float32 parameter and its float32 moments (the per-step scalars,
   * computed in double once per step, rounded to float). Java's primitive types force this second
   * copy of the loop.
   */
  private void updateSingle(int index, Parameter p, double lr, double productT, double productNext) {
    float[] w = p.floatValue();
    float[] g = p.floatGrad();
    float[] m = momentums[index].floats();
    float[] v = velocities[index].floats();
    float oneMinusBeta1 = (float) (1 - beta1);
    float oneMinusBeta2 = (float) (1 - beta2);
    float next = (float) uNext;
    float oneMinusProductNext = (float) (1 - productNext);
    float oneMinusUt = (float) (1 - uT);
    float oneMinusProductT = (float) (1 - productT);
    float beta2Correction = (float) oneMinusBeta2Power;
    float rate = (float) lr;
    float eps = (float) epsilon;
    for (int k = 0; k < w.length; k++) {
      float gk = g[k];
      m[k] += (gk - m[k]) * oneMinusBeta1;
      v[k] += (gk * gk - v[k]) * oneMinusBeta2;
      float mHat = next * m[k] / oneMinusProductNext + oneMinusUt * gk / oneMinusProductT;
      float vHat = v[k] / beta2Correction;
      w[k] -= mHat * rate / ((float) Math.sqrt(vHat) + eps);
    }
  }

  @Override
  public boolean hasSinglePrecisionRule() {
    return true;
  }

  @Override
  public List<double[]> slots() {
    List<double[]> out = new ArrayList<>(2 * momentums.length + 1);
    Hyper.addDoubles(out, momentums);
    Hyper.addDoubles(out, velocities);
    out.add(uProduct);
    return out;
  }
}

package dev.lamina.optim;

import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adagrad, as Keras's {@code keras.optimizers.Adagrad} (name {@code adagrad}); Duchi, Hazan and
 * Singer, 2011, JMLR 12.
 *
 * <p>Update rule per element, with the accumulator starting at {@code initial_accumulator_value}:
 * <pre>{@code
 * acc = acc + g^2
 * w   = w - lr * g / sqrt(acc + epsilon)
 * }</pre>
 * Defaults: {@code learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7}. Slots: one
 * accumulator per parameter.
 */
public final class Adagrad extends Optimizer {
  /** Keras's default learning rate for Adagrad. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  /** Keras's default starting value of the accumulators. */
  public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.1;
  /** Keras's default epsilon. */
  public static final double DEFAULT_EPSILON = 1e-7;

  private final double initialAccumulatorValue;
  private final double epsilon;
  private Storage[] accumulators = new Storage[0];

  /** Adagrad with Keras's defaults. */
  public Adagrad() {
    this(DEFAULT_LEARNING_RATE, null, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPSILON, Clipping.NONE);
  }

  /**
   * @param learningRate constant rate, used when {@code schedule} is null
   * @param schedule learning-rate schedule or null
   * @param initialAccumulatorValue starting accumulator, at least 0
   * @param epsilon at least 0, added inside the square root
   * @param clipping common Keras arguments
   * @throws SpecException for an argument out of range (path = the Keras argument name)
   */
  public Adagrad(double learningRate, LearningRateSchedule schedule, double initialAccumulatorValue,
      double epsilon, Clipping clipping) {
    super("adagrad", learningRate, schedule, clipping);
    this.initialAccumulatorValue = Hyper.nonNegative("initial_accumulator_value", initialAccumulatorValue);
    this.epsilon = Hyper.nonNegative("epsilon", epsilon);
  }

  /** Starting value of the accumulators. */
  public double initialAccumulatorValue() {
    return initialAccumulatorValue;
  }

  /** Epsilon, added inside the square root. */
  public double epsilon() {
    return epsilon;
  }

  @Override
  public void build(List<Parameter> params) {
    accumulators = Hyper.filledLike(params, initialAccumulatorValue);
  }

  @Override
  protected void update(int index, Parameter p, double lr, long t) {
    if (p.singlePrecision()) {
      updateSingle(index, p, lr);
      return;
    }
    double[] w = p.value();
    double[] g = p.grad();
    double[] acc = accumulators[index].doubles();
    for (int k = 0; k < w.length; k++) {
      acc[k] += g[k] * g[k];
      w[k] -= lr * g[k] / Math.sqrt(acc[k] + epsilon);
    }
  }

  /**
   * The same rule in float32 on a float32 parameter and its float32 accumulator (the scalars
   * rounded to float once). Java's primitive types force this second copy of the loop.
   */
  private void updateSingle(int index, Parameter p, double lr) {
    float[] w = p.floatValue();
    float[] g = p.floatGrad();
    float[] acc = accumulators[index].floats();
    float rate = (float) lr;
    float eps = (float) epsilon;
    for (int k = 0; k < w.length; k++) {
      acc[k] += g[k] * g[k];
      w[k] -= rate * g[k] / (float) Math.sqrt(acc[k] + eps);
    }
  }

  @Override
  public boolean hasSinglePrecisionRule() {
    return true;
  }

  @Override
  public List<double[]> slots() {
    List<double[]> out = new ArrayList<>(accumulators.length);
    Hyper.addDoubles(out, accumulators);
    return out;
  }
}

package dev.lamina.activation;

import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Registry;
import dev.lamina.spec.SpecException;

/**
 * The activation registry: Keras 3's activation names, their aliases and arguments.
 *
 * <p>Names resolve through {@link Registry}: {@code relu}, {@code ReLU}, {@code leakyRelu},
 * {@code LeakyReLU}, {@code swish} and {@code SiLU} all work. Arguments use Keras 3's names; the
 * Keras 2 spelling {@code alpha} is also accepted for relu's and leaky_relu's
 * {@code negative_slope}. Note that the string {@code LeakyReLU} here means the function
 * (slope 0.2), not the layer (slope 0.3).
 */
public final class Activations {
  /** relu: max(x, 0). */
  public static final ComponentSpec RELU = ComponentSpec.of(Relu.NAME);
  /** sigmoid: 1 / (1 + e^-x). */
  public static final ComponentSpec SIGMOID = ComponentSpec.of(Sigmoid.NAME);
  /** tanh. */
  public static final ComponentSpec TANH = ComponentSpec.of(Tanh.NAME);
  /** Row-wise softmax. */
  public static final ComponentSpec SOFTMAX = ComponentSpec.of(Softmax.NAME);
  /** The identity (Keras's default for Dense). */
  public static final ComponentSpec LINEAR = ComponentSpec.of(Linear.NAME);
  /** elu with alpha = 1. */
  public static final ComponentSpec ELU = ComponentSpec.of(Elu.NAME);
  /** selu. */
  public static final ComponentSpec SELU = ComponentSpec.of(Selu.NAME);
  /** softplus: log(1 + e^x). */
  public static final ComponentSpec SOFTPLUS = ComponentSpec.of(Softplus.NAME);
  /** softsign: x / (|x| + 1). */
  public static final ComponentSpec SOFTSIGN = ComponentSpec.of(Softsign.NAME);
  /** silu: x sigmoid(x). */
  public static final ComponentSpec SILU = ComponentSpec.of(Silu.NAME);
  /** swish, the same function as silu. */
  public static final ComponentSpec SWISH = ComponentSpec.of(Silu.ALIAS);
  /** The exact gelu. */
  public static final ComponentSpec GELU = ComponentSpec.of(Gelu.NAME);
  /** Keras 3's hard_sigmoid: clip(x / 6 + 0.5, 0, 1). */
  public static final ComponentSpec HARD_SIGMOID = ComponentSpec.of(HardSigmoid.NAME);
  /** exponential: e^x. */
  public static final ComponentSpec EXPONENTIAL = ComponentSpec.of(Exponential.NAME);
  /** leaky_relu with negative_slope = 0.2. */
  public static final ComponentSpec LEAKY_RELU = ComponentSpec.of(LeakyRelu.NAME);

  /** Every activation by name. */
  public static final Registry<Activation> REGISTRY = new Registry<Activation>("activation")
      .register(Relu.NAME, "ReLU", Activations::relu)
      .register(Sigmoid.NAME, null, a -> new Sigmoid())
      .register(Tanh.NAME, null, a -> new Tanh())
      .register(Softmax.NAME, "Softmax", Activations::softmax)
      .register(Linear.NAME, null, a -> new Linear())
      .register(Elu.NAME, "ELU", a -> new Elu(a.getDouble("alpha", Elu.DEFAULT_ALPHA, 0, Double.MAX_VALUE)))
      .register(Selu.NAME, "SELU", a -> new Selu())
      .register(Softplus.NAME, null, a -> new Softplus())
      .register(Softsign.NAME, null, a -> new Softsign())
      .register(Silu.NAME, "SiLU", a -> new Silu(), Silu.ALIAS)
      .register(Gelu.NAME, "GELU", a -> new Gelu(a.getBoolean("approximate", Gelu.DEFAULT_APPROXIMATE)))
      .register(HardSigmoid.NAME, "HardSigmoid", a -> new HardSigmoid())
      .register(Exponential.NAME, null, a -> new Exponential())
      .register(LeakyRelu.NAME, "LeakyReLU", a -> new LeakyRelu(negativeSlope(a, LeakyRelu.DEFAULT_NEGATIVE_SLOPE)));

  private static final String NEGATIVE_SLOPE = "negative_slope";
  private static final String KERAS2_NEGATIVE_SLOPE = "alpha";

  private Activations() {}

  /** Builds the activation {@code spec} describes; errors name {@code path}. */
  public static Activation create(ComponentSpec spec, String path) {
    return REGISTRY.create(spec, path);
  }

  /** Builds the activation {@code name} with its default arguments. */
  public static Activation create(String name) {
    return REGISTRY.create(name);
  }

  private static Activation relu(Args a) {
    double slope = negativeSlope(a, Relu.DEFAULT_NEGATIVE_SLOPE);
    Double maxValue = a.getOptionalDouble("max_value");
    if (maxValue != null && !(maxValue >= 0)) {
      throw new SpecException(a.pathOf("max_value"), "relu argument 'max_value' must be >= 0, got " + maxValue
          + ". Leave it out for no upper limit, or use e.g. 6 for relu6");
    }
    double threshold = a.getDouble("threshold", Relu.DEFAULT_THRESHOLD);
    if (!Double.isFinite(threshold)) {
      throw new SpecException(a.pathOf("threshold"), "relu argument 'threshold' must be a finite number, got " + threshold);
    }
    return new Relu(slope, maxValue, threshold);
  }

  private static double negativeSlope(Args a, double defaultValue) {
    boolean k3 = a.has(NEGATIVE_SLOPE);
    boolean k2 = a.has(KERAS2_NEGATIVE_SLOPE);
    if (k3 && k2) {
      throw new SpecException(a.pathOf(KERAS2_NEGATIVE_SLOPE), "give either 'negative_slope' (Keras 3) or 'alpha'"
          + " (its Keras 2 name), not both");
    }
    String key = k2 ? KERAS2_NEGATIVE_SLOPE : NEGATIVE_SLOPE;
    return a.getDouble(key, defaultValue, 0, Double.MAX_VALUE);
  }

  private static Activation softmax(Args a) {
    int axis = a.getInt("axis", -1);
    if (axis != -1 && axis != 1) {
      throw new SpecException(a.pathOf("axis"), "softmax argument 'axis' must be -1 (the features of a Dense"
          + " layer's output), got " + axis);
    }
    return new Softmax();
  }
}

package dev.lamina.activation;

/**
 * Keras's {@code selu} (Klambauer et al., 2017, "Self-Normalizing Neural Networks"):
 * f(x) = SCALE * x for x &gt;= 0, SCALE * ALPHA (e^x - 1) otherwise; f'(x) = SCALE or
 * SCALE * ALPHA e^x. Pair it with {@code lecun_normal} initialization; it is therefore not counted
 * in the ReLU family (see {@link Activation#isReluFamily()}).
 */
public final class Selu extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "selu";
  /**
   * The paper's alpha (1.6732632423543772848170429916717, Keras's constant), the fixed point that
   * keeps activations at mean 0 and variance 1.
   */
  public static final double ALPHA = 1.6732632423543772848170429916717;
  /** The paper's scale lambda (1.0507009873554804934193349852946, Keras's constant). */
  public static final double SCALE = 1.0507009873554804934193349852946;

  /** SELU. */
  public Selu() {
    super(NAME);
  }

  @Override
  public double apply(double x) {
    return x >= 0 ? SCALE * x : SCALE * ALPHA * Math.expm1(x);
  }

  @Override
  public double derivative(double x, double y) {
    return x >= 0 ? SCALE : SCALE * ALPHA * Math.exp(x);
  }
}

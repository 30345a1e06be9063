package dev.lamina.init;

import dev.lamina.activation.Activation;
import dev.lamina.random.Rng;

/**
 * {@code kernel_initializer: auto}: the initializer is chosen per layer from the layer's activation,
 * by {@link #resolveFor(Activation)}, before the weights are drawn.
 *
 * <table>
 *   <caption>What {@code auto} resolves to</caption>
 *   <tr><th>Activation of the layer</th><th>Resolves to</th><th>Why</th></tr>
 *   <tr><td>ReLU family ({@link Activation#isReluFamily()}: relu, leaky_relu, elu, gelu, swish/silu)</td>
 *       <td>{@code he_uniform}</td>
 *       <td>variance 2/fan_in keeps the second moment of half-rectified activations constant
 *       through depth (He et al., 2015); uniform rather than normal because it is the article's
 *       churn choice and has bounded weights</td></tr>
 *   <tr><td>selu</td><td>{@code lecun_normal}</td>
 *       <td>the self-normalizing fixed point needs variance 1/fan_in (Klambauer et al., 2017)</td></tr>
 *   <tr><td>everything else (sigmoid, tanh, softmax, linear, softplus, softsign, ...)</td>
 *       <td>{@code glorot_uniform}</td>
 *       <td>variance 2/(fan_in + fan_out) balances forward and backward signals for activations
 *       that are linear around 0 (Glorot &amp; Bengio, 2010); Keras's Dense default</td></tr>
 * </table>
 *
 * <p>Not a Keras initializer: Keras has no activation-aware choice. The model summary shows what
 * each layer resolved to, for example {@code he_uniform (auto)}. Takes an optional {@code seed},
 * passed to the chosen initializer.
 *
 * @param seed the seed handed to the chosen initializer, or null
 */
public record AutoInitializer(Long seed) implements Initializer {
  /** Canonical name. */
  public static final String NAME = "auto";

  /** The choice for the ReLU family. */
  public static final String FOR_RELU_FAMILY = HeUniform.NAME;
  /** The choice for selu. */
  public static final String FOR_SELU = LecunNormal.NAME;
  /** The choice for every other activation. */
  public static final String OTHERWISE = GlorotUniform.NAME;

  /** The canonical name of the initializer {@code auto} picks for {@code activation}. */
  public static String choiceFor(Activation activation) {
    if (activation.isReluFamily()) {
      return FOR_RELU_FAMILY;
    }
    if ("selu".equals(activation.name())) {
      return FOR_SELU;
    }
    return OTHERWISE;
  }

  /** The chosen initializer for a layer with {@code activation}, wrapped so it remembers it came from auto. */
  public AutoChoice resolveFor(Activation activation) {
    Initializer chosen = switch (choiceFor(activation)) {
      case FOR_RELU_FAMILY -> new HeUniform(seed);
      case FOR_SELU -> new LecunNormal(seed);
      default -> new GlorotUniform(seed);
    };
    return new AutoChoice(chosen);
  }

  /**
   * Refuses: {@code auto} has no distribution of its own until a layer resolves it.
   *
   * @throws IllegalStateException always
   */
  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    throw new IllegalStateException("kernel_initializer auto must be resolved from the layer's activation "
        + "(NetworkBuilder does this); it cannot fill a tensor by itself");
  }

  @Override
  public String name() {
    return NAME;
  }
}

package dev.lamina.activation;

/**
 * An activation function applied to a batch of pre-activations, row-major {@code rows x cols}.
 *
 * <p>Buffers may be longer than {@code rows * cols} (the engine allocates them once for the largest
 * batch); only the first {@code rows * cols} elements are read or written. Implementations keep no
 * per-call state and allocate nothing.
 */
public interface Activation {
  /** The canonical Keras name, for example {@code relu}. */
  String name();

  /** out = f(z), element-wise (or row-wise for softmax). {@code out} may not alias {@code z}. */
  void forward(double[] z, double[] out, int rows, int cols);

  /**
   * dZ = dL/dz from dOut = dL/d(out), given the forward pass's {@code z} and {@code out}.
   * {@code dZ} may alias {@code dOut}.
   */
  void backward(double[] z, double[] out, double[] dOut, double[] dZ, int rows, int cols);

  /**
   * Whether each output depends only on the input at the same position (true for all but
   * softmax). The default is the safe answer, false: the engine may only treat an activation as
   * element-wise when it says so.
   */
  default boolean isElementwise() {
    return false;
  }

  /**
   * Whether the function has bounded outputs whose derivative vanishes at both ends (sigmoid, tanh,
   * hard_sigmoid, softsign), so diagnostics should watch for saturated units.
   */
  default boolean saturates() {
    return false;
  }

  /**
   * Whether the function belongs to the ReLU family, for which He initialization is the usual
   * pairing and dead units are worth watching: relu, leaky_relu, elu, gelu and swish/silu. selu is
   * deliberately not a member: it is paired with LeCun normal initialization (Klambauer et al.,
   * 2017).
   */
  default boolean isReluFamily() {
    return false;
  }
}

package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import java.util.List;

/**
 * One layer of a Sequential network, working on row-major batches.
 *
 * <p>Lifecycle: the network builds a layer with its input width, calls {@link #allocate(int)} once
 * with the largest batch it will see, then {@link #forward} and {@link #backward} once per batch.
 * A layer owns its output and input-gradient buffers, so the training loop allocates nothing per
 * batch; buffers may be longer than {@code rows * width}.
 */
public interface Layer {
  /** The layer's name, Keras style: {@code dense}, {@code dense_1}, {@code dropout}. */
  String name();

  /** The Keras class name: {@code Dense}, {@code Dropout}, ... */
  String kerasClassName();

  /** Number of input columns. */
  int inputWidth();

  /** Number of output columns. */
  int outputWidth();

  /** Allocates buffers for batches of up to {@code maxRows} rows (idempotent for smaller sizes). */
  void allocate(int maxRows);

  /**
   * Computes the outputs for {@code rows} rows of {@code input}; the returned buffer is owned by
   * the layer and valid until the next forward call. {@code input} must stay unchanged until
   * {@link #backward} has run.
   *
   * @param training whether this is a training step (dropout is active only then)
   */
  double[] forward(double[] input, int rows, boolean training);

  /**
   * Back-propagates {@code dOutput} (dLoss/dOutput of the last forward call), overwriting the
   * gradients of the layer's parameters (regularization included), and returns dLoss/dInput, or
   * null when {@code needInputGrad} is false.
   */
  double[] backward(double[] dOutput, int rows, boolean needInputGrad);

  /**
   * Whether this layer also takes and gives float32 activations, through {@link #forwardFloat} and
   * {@link #backwardFloat} (a Dense layer of a {@code dtype: float32} model, see
   * {@link Dense#floatActivations()}). The network then passes floats between consecutive such
   * layers and converts only where they meet double layers. Their double {@link #forward} and
   * {@link #backward} stay valid: they round the input, run the float path and widen its result,
   * so both give the same values. False by default.
   */
  default boolean floatActivations() {
    return false;
  }

  /**
   * {@link #forward} on float32 activations; only for layers whose {@link #floatActivations()} is
   * true. The returned buffer is owned by the layer; {@code input} must stay unchanged until
   * {@link #backwardFloat} has run.
   *
   * @throws UnsupportedOperationException for a layer without float activations
   */
  default float[] forwardFloat(float[] input, int rows, boolean training) {
    throw new UnsupportedOperationException(name() + " has no float32 activations");
  }

  /**
   * {@link #backward} on float32 activations; only after {@link #forwardFloat}.
   *
   * @throws UnsupportedOperationException for a layer without float activations
   */
  default float[] backwardFloat(float[] dOutput, int rows, boolean needInputGrad) {
    throw new UnsupportedOperationException(name() + " has no float32 activations");
  }

  /** Trainable tensors, in a fixed order (kernel before bias). */
  List<Parameter> parameters();

  /**
   * Non-trainable state tensors the layer updates itself (BatchNormalization's moving mean and
   * variance), in a fixed order; saved with the weights. Empty for most layers. The optimizer
   * never sees them and their gradient buffers stay unused.
   */
  default List<Parameter> state() {
    return List.of();
  }

  /** The regularization penalty added to the loss (0 when the layer has none). */
  default double regularizationLoss() {
    return 0;
  }

  /**
   * Sets how many threads the layer's large operations may use (the network passes its setting
   * to every layer). Results must be bit-identical for every value. Layers without parallel work
   * ignore it (the default).
   *
   * @throws IllegalArgumentException when {@code n} is less than 1
   */
  default void setThreads(int n) {
    dev.lamina.parallel.KernelThreads.requireThreadCount(n);
  }

  /**
   * The layer's live random generators (Dropout's mask generator), in a fixed order: a checkpoint
   * saves and restores their {@link Rng#state()} so a resumed training draws the same numbers.
   * Empty for deterministic layers (the default).
   */
  default List<Rng> generators() {
    return List.of();
  }
}

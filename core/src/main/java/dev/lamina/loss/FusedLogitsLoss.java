package dev.lamina.loss;

import dev.lamina.activation.Activation;

/**
 * A cross-entropy that can absorb the output layer's sigmoid or softmax and work on its logits, as
 * Keras's TensorFlow backend does when a {@code Dense(..., activation="sigmoid"/"softmax")} layer
 * feeds a cross-entropy with {@code from_logits=False}: the loss is then computed by the stable
 * logits formula, bypassing the epsilon clipping, and the gradient with respect to the logits is
 * simply (probability - label), scaled by the reduction.
 *
 * <p>The engine asks {@link #fusesWith(Activation)} for the output activation; when true it skips
 * that activation's backward pass and calls {@link #computeFromLogits} with the pre-activations
 * (it still runs the forward pass for predictions and metrics).
 */
public interface FusedLogitsLoss extends Loss {
  /** The output activation whose logits this loss can take ({@code sigmoid} or {@code softmax}). */
  String fusableActivation();

  /** Whether this loss was configured with {@code from_logits=True}. */
  boolean fromLogits();

  /**
   * Whether the output activation {@code a} can be fused into this loss: it is the fusable
   * activation and the loss expects probabilities (with {@code from_logits=True} the network's
   * output is already the logits, and fusing would apply the activation twice).
   */
  default boolean fusesWith(Activation a) {
    return !fromLogits() && a != null && a.name().equals(fusableActivation());
  }

  /**
   * The loss computed from the logits {@code z} of the fusable activation, with the same
   * reduction, sample weights and label smoothing as {@link #compute}; writes dLoss/dz (already
   * divided by {@code rows}) into {@code gradLogits} when it is not null.
   */
  double computeFromLogits(double[] logits, double[] target, double[] weights, double[] gradLogits, int rows, int cols);
}

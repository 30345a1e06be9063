package dev.lamina.train;

import java.util.Locale;

/**
 * Why a training stopped on a non-finite loss or gradient, and what to try: the epoch and batch
 * (1-based epoch, 0-based batch, as Keras's progress lines), the loss, the first layer whose
 * activations (forward) or gradients (backward, from the output down) were not finite, and the
 * learning rate in force. The model keeps the last finite weights.
 *
 * @param epoch the 0-based epoch
 * @param batch the 0-based batch within the epoch
 * @param loss the batch loss (NaN or infinite, or finite when only the gradients blew up)
 * @param layer the name of the first layer with non-finite values, or null when none was found
 * @param where {@code "activations"}, {@code "gradients"} or {@code "weights"} (after the update)
 * @param learningRate the learning rate of the failing step
 */
public record Divergence(int epoch, int batch, double loss, String layer, String where, double learningRate) {
  /** One line: where it happened, the first bad layer, and the fixes to try. */
  public String message() {
    String first = layer == null
        ? "every layer's activations and gradients were finite, so the loss itself overflowed"
        : "the first non-finite values were in the " + where + " of layer " + layer;
    return String.format(Locale.ROOT, "training diverged at epoch %d, batch %d: the loss is %s; %s. "
        + "The last finite weights are kept. Try a lower learning_rate (now %s, e.g. %s), clipnorm: 1.0 on the "
        + "optimizer, or another kernel_initializer (glorot_uniform, or he_uniform for relu), and check that the "
        + "inputs are scaled (scale: standard)", epoch + 1, batch, Double.toString(loss), first,
        Double.toString(learningRate), Double.toString(learningRate / 10));
  }
}

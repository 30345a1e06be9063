package dev.lamina.model;

import dev.lamina.layer.Dense;
import dev.lamina.layer.Layer;
import dev.lamina.loss.FusedLogitsLoss;
import dev.lamina.loss.Loss;

/**
 * Computes the loss of a batch and starts back-propagation.
 *
 * <p>When the output layer is a Dense with sigmoid (softmax) and the loss is binary (categorical or
 * sparse categorical) cross-entropy on probabilities, the loss is computed from the layer's logits, as Keras's
 * TensorFlow backend does: it is exact where the probability form would clip at 1e-7, and its
 * gradient dL/dz = (p - y) / n skips the activation's derivative.
 */
final class LossHead {
  private final Loss loss;
  private final Network network;
  private final Dense fusedOutput;
  private final FusedLogitsLoss fusedLoss;
  private double[] grad;

  LossHead(Loss loss, Network network) {
    this.loss = loss;
    this.network = network;
    Layer last = network.layers().get(network.layers().size() - 1);
    Dense dense = last instanceof Dense d ? d : null;
    this.fusedLoss = dense != null && loss instanceof FusedLogitsLoss f && f.fusesWith(dense.activation()) ? f : null;
    this.fusedOutput = fusedLoss != null ? dense : null;
  }

  Loss loss() {
    return loss;
  }

  boolean fused() {
    return fusedOutput != null;
  }

  void allocate(int rows) {
    int n = rows * network.outputWidth();
    if (grad == null || grad.length < n) {
      grad = new double[n];
    }
  }

  /** The batch's data loss (no regularization); fills the gradient when {@code withGrad}. */
  double loss(double[] out, double[] y, double[] weights, int rows, boolean withGrad) {
    int cols = network.outputWidth();
    double[] g = withGrad ? grad : null;
    if (fusedLoss != null) {
      return fusedLoss.computeFromLogits(fusedOutput.preActivation(), y, weights, g, rows, cols);
    }
    return loss.compute(out, y, weights, g, rows, cols);
  }

  /** Back-propagates the gradient filled by the last {@link #loss} call with {@code withGrad}. */
  void backward(int rows) {
    int last = network.layers().size() - 1;
    if (fusedOutput != null && fusedOutput.floatActivations()) {
      float[] dx = fusedOutput.backwardFloatFromPreActivation(grad, rows, last > 0);
      if (last > 0) {
        network.backward(dx, rows, last - 1);
      }
    } else if (fusedOutput != null) {
      double[] dx = fusedOutput.backwardFromPreActivation(grad, rows, last > 0);
      if (last > 0) {
        network.backward(dx, rows, last - 1);
      }
    } else {
      network.backward(grad, rows, last);
    }
  }
}

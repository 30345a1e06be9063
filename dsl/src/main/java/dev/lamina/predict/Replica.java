package dev.lamina.predict;

import dev.lamina.layer.Dense;
import dev.lamina.layer.Layer;
import dev.lamina.model.Model;
import dev.lamina.spec.ModelSpec;
import java.util.List;

/**
 * One private copy of the network with its scratch buffers: the layers own their output buffers
 * ({@link Layer#forward}), so a copy may serve one caller at a time. {@link Predictor} keeps them in
 * a lock-free pool and makes a new one only when every copy is busy, so there are never more
 * copies than callers scoring at the same moment.
 */
final class Replica {
  final double[] x;
  final int capacity;
  private final List<Layer> layers;

  /**
   * @param spec the resolved model spec (its input width declared)
   * @param weights every tensor, as {@link Model#weights()} gives them
   * @param capacity the most rows one forward pass holds
   */
  Replica(ModelSpec spec, double[][] weights, int capacity) {
    Model m = Model.of(spec);
    m.setWeights(weights);
    this.layers = m.layers();
    this.capacity = capacity;
    for (Layer l : layers) {
      // Callers score in parallel already; a product split over the kernel threads would only queue.
      if (l instanceof Dense d) {
        d.setThreads(1);
      }
      l.allocate(capacity);
    }
    this.x = new double[capacity * m.inputWidth()];
  }

  /**
   * The outputs of the first {@code rows} rows of {@link #x}, as {@code Network.forward} computes
   * them in inference mode; a buffer owned by the last layer, valid until the next call.
   */
  double[] forward(int rows) {
    double[] a = x;
    for (Layer l : layers) {
      a = l.forward(a, rows, false);
    }
    return a;
  }
}

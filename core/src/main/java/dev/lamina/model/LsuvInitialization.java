package dev.lamina.model;

import dev.lamina.init.Lsuv;
import dev.lamina.layer.Dense;
import dev.lamina.layer.Layer;
import dev.lamina.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The data-dependent half of {@link Lsuv}: layer by layer from the input, forward a batch and
 * divide the kernel by sqrt(Var(z)) until the pre-activation variance is 1 within the tolerance.
 * The bias is left as its initializer set it (zeros by default), as in the paper.
 */
final class LsuvInitialization {
  private LsuvInitialization() {}

  /** Whether any Dense layer of {@code net} asks for LSUV. */
  static boolean wanted(Network net) {
    for (Layer l : net.layers()) {
      if (l instanceof Dense d && d.kernelInitializer() instanceof Lsuv) {
        return true;
      }
    }
    return false;
  }

  static List<LsuvStep> run(Network net, double[] x, int rows, long seed) {
    int batch = 0;
    for (Layer l : net.layers()) {
      if (l instanceof Dense d && d.kernelInitializer() instanceof Lsuv lsuv) {
        batch = Math.max(batch, lsuv.batch());
      }
    }
    List<LsuvStep> steps = new ArrayList<>();
    if (batch == 0 || rows == 0) {
      return steps;
    }
    int n = Math.min(batch, rows);
    double[] xb = sample(x, rows, net.inputWidth(), n, Rng.forPath(seed, "lsuv/batch"));
    net.allocate(n);
    List<Layer> layers = net.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (!(layers.get(i) instanceof Dense d) || !(d.kernelInitializer() instanceof Lsuv lsuv)) {
        continue;
      }
      int count = n * d.outputWidth();
      double variance = variance(forwardTo(net, xb, n, i).preActivation(), count);
      int rescalings = 0;
      while (Math.abs(variance - 1) >= lsuv.tolerance() && rescalings < lsuv.maxIterations() && variance > 0) {
        double s = 1 / Math.sqrt(variance);
        double[] w = d.kernel().value();
        for (int k = 0; k < w.length; k++) {
          w[k] *= s;
        }
        rescalings++;
        variance = variance(forwardTo(net, xb, n, i).preActivation(), count);
      }
      steps.add(new LsuvStep(i, d.name(), rescalings, variance, Math.abs(variance - 1) < lsuv.tolerance()));
    }
    return steps;
  }

  /** {@code n} distinct rows drawn with {@code rng} (all rows, shuffled, when n == rows). */
  private static double[] sample(double[] x, int rows, int cols, int n, Rng rng) {
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    rng.shuffle(order, rows);
    double[] xb = new double[n * cols];
    for (int r = 0; r < n; r++) {
      System.arraycopy(x, order[r] * cols, xb, r * cols, cols);
    }
    return xb;
  }

  private static Dense forwardTo(Network net, double[] x, int rows, int last) {
    double[] a = x;
    for (int i = 0; i <= last; i++) {
      a = net.layers().get(i).forward(a, rows, false);
    }
    return (Dense) net.layers().get(last);
  }

  private static double variance(double[] v, int n) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += v[i];
    }
    mean /= n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double d = v[i] - mean;
      s += d * d;
    }
    return s / n;
  }
}

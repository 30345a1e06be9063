package dev.lamina.model;

import dev.lamina.layer.Dense;
import dev.lamina.layer.FloatConversions;
import dev.lamina.layer.Layer;
import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of a built Sequential model, chained: forward through all, backward through all.
 * Knows nothing of losses or optimizers.
 *
 * <p>Layers that run on float32 activations ({@link Layer#floatActivations()}: the Dense layers of
 * a {@code dtype: float32} model) pass floats to each other; where a float layer meets a double
 * one, or the network's double input and output, the network rounds or widens the batch into a
 * buffer of its own at that boundary, forward and backward. Boundary b is the input of layer b
 * (b = 0: the network's input; b = size: its output).
 */
public final class Network {
  private final List<Layer> layers;
  private final List<Parameter> parameters;
  private final List<Parameter> state;
  private final int inputWidth;
  /** Whether layer i runs on float activations. */
  private final boolean[] single;
  /** Per boundary, where the precisions differ: the activations rounded or widened forward. */
  private final float[][] forwardFloats;
  private final double[][] forwardDoubles;
  /** Per boundary, where the precisions differ: the gradient rounded or widened backward. */
  private final float[][] backwardFloats;
  private final double[][] backwardDoubles;
  private int capacity;

  /** A network of built layers whose widths chain. */
  public Network(List<Layer> layers, int inputWidth) {
    this.layers = List.copyOf(layers);
    this.inputWidth = inputWidth;
    List<Parameter> p = new ArrayList<>();
    for (Layer l : layers) {
      p.addAll(l.parameters());
    }
    this.parameters = List.copyOf(p);
    List<Parameter> st = new ArrayList<>();
    for (Layer l : layers) {
      st.addAll(l.state());
    }
    this.state = List.copyOf(st);
    int n = layers.size();
    this.single = new boolean[n];
    for (int i = 0; i < n; i++) {
      single[i] = layers.get(i).floatActivations();
    }
    forwardFloats = new float[n + 1][];
    forwardDoubles = new double[n + 1][];
    backwardFloats = new float[n + 1][];
    backwardDoubles = new double[n + 1][];
  }

  /** Whether the layer left of boundary b (the network's input for b = 0) gives float activations. */
  private boolean floatBelow(int b) {
    return b > 0 && single[b - 1];
  }

  /** Whether the layer right of boundary b (the loss for b = size) takes float activations. */
  private boolean floatAbove(int b) {
    return b < single.length && single[b];
  }

  /** Columns at boundary b. */
  private int width(int b) {
    return b == 0 ? inputWidth : layers.get(b - 1).outputWidth();
  }

  /** Makes every layer's buffers hold {@code rows} rows. */
  public void allocate(int rows) {
    if (rows > capacity) {
      for (Layer l : layers) {
        l.allocate(rows);
      }
      for (int b = 0; b <= layers.size(); b++) {
        if (floatBelow(b) != floatAbove(b)) {
          int n = rows * width(b);
          if (floatAbove(b)) {
            forwardFloats[b] = new float[n];
            backwardDoubles[b] = new double[n];
          } else {
            forwardDoubles[b] = new double[n];
            backwardFloats[b] = new float[n];
          }
        }
      }
      capacity = rows;
    }
  }

  /** The output of the last layer for {@code rows} rows of {@code x}; a buffer owned by that layer. */
  public double[] forward(double[] x, int rows, boolean training) {
    double[] a = x;
    float[] f = null;
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      if (single[i]) {
        if (f == null) {
          f = forwardFloats[i];
          FloatConversions.toFloat(a, f, rows * width(i));
        }
        f = l.forwardFloat(f, rows, training);
        a = null;
      } else {
        if (a == null) {
          a = forwardDoubles[i];
          FloatConversions.toDouble(f, a, rows * width(i));
        }
        a = l.forward(a, rows, training);
        f = null;
      }
    }
    if (a == null) {
      a = forwardDoubles[layers.size()];
      FloatConversions.toDouble(f, a, rows * outputWidth());
    }
    return a;
  }

  /**
   * Back-propagates from layer {@code from} down to the first layer, starting with {@code grad}
   * (dLoss/d(output of layer from)).
   */
  public void backward(double[] grad, int rows, int from) {
    backward(grad, null, rows, from);
  }

  /** {@link #backward(double[], int, int)} from a float gradient (a float32 output layer's dLoss/dInput). */
  public void backward(float[] grad, int rows, int from) {
    backward(null, grad, rows, from);
  }

  /** Back-propagates the gradient that is not null, converting it at each boundary between precisions. */
  private void backward(double[] grad, float[] floatGrad, int rows, int from) {
    double[] g = grad;
    float[] f = floatGrad;
    for (int i = from; i >= 0; i--) {
      Layer l = layers.get(i);
      if (single[i]) {
        if (f == null) {
          f = backwardFloats[i + 1];
          FloatConversions.toFloat(g, f, rows * width(i + 1));
        }
        f = l.backwardFloat(f, rows, i > 0);
        g = null;
      } else {
        if (g == null) {
          g = backwardDoubles[i + 1];
          FloatConversions.toDouble(f, g, rows * width(i + 1));
        }
        g = l.backward(g, rows, i > 0);
        f = null;
      }
    }
  }

  /**
   * Sets how many threads the large operations of every layer may use (default: the
   * {@code lamina.threads} system property, else the number of processors). Results are
   * bit-identical for every count.
   *
   * @throws IllegalArgumentException when {@code n} is less than 1
   */
  public void setThreads(int n) {
    for (Layer l : layers) {
      l.setThreads(n);
    }
  }

  /** Every layer's live random generators, in layer order (see {@link Layer#generators()}). */
  public List<Rng> generators() {
    List<Rng> g = new ArrayList<>();
    for (Layer l : layers) {
      g.addAll(l.generators());
    }
    return g;
  }

  /**
   * Whether the wide Dense layers may run their products on OpenBLAS when it is installed (default
   * true); false keeps the Java kernels. See {@link dev.lamina.layer.NativeGemm}.
   */
  public void allowNativeProducts(boolean allowed) {
    for (Layer l : layers) {
      if (l instanceof Dense d) {
        d.allowNativeProducts(allowed);
      }
    }
  }

  /**
   * Runs {@code rows} rows of {@code x} forward in inference mode, layer by layer, and returns the
   * index of the first layer whose output holds a NaN or an infinity, or -1. Only for diagnosis
   * after a non-finite loss; it allocates nothing but is not on the hot path.
   */
  public int firstNonFiniteOutput(double[] x, int rows) {
    double[] a = x;
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      a = l.forward(a, rows, false);
      int n = rows * l.outputWidth();
      for (int k = 0; k < n; k++) {
        if (!Double.isFinite(a[k])) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Sum of all layers' regularization penalties. */
  public double regularizationLoss() {
    double r = 0;
    for (int i = 0; i < layers.size(); i++) {
      r += layers.get(i).regularizationLoss();
    }
    return r;
  }

  /** The layers in order. */
  public List<Layer> layers() {
    return layers;
  }

  /** All trainable tensors in layer order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** All non-trainable state tensors (moving statistics) in layer order. */
  public List<Parameter> state() {
    return state;
  }

  /** Trainable tensors followed by the non-trainable state: everything a saved model holds. */
  public List<Parameter> tensors() {
    List<Parameter> all = new ArrayList<>(parameters);
    all.addAll(state);
    return all;
  }

  /** Number of input columns. */
  public int inputWidth() {
    return inputWidth;
  }

  /** Number of output columns. */
  public int outputWidth() {
    return layers.get(layers.size() - 1).outputWidth();
  }

  /** Total number of trainable values. */
  public long parameterCount() {
    long n = 0;
    for (Parameter p : parameters) {
      n += p.size();
    }
    return n;
  }
}

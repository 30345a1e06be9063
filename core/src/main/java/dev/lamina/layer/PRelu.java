package dev.lamina.layer;

import dev.lamina.init.Initializer;
import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import java.util.List;

/**
 * Keras's {@code PReLU} (He et al., 2015, "Delving Deep into Rectifiers"): f(x) = x for x &gt;= 0,
 * alpha_j * x otherwise, with one trainable slope alpha_j per unit (Keras: alpha of shape
 * input_shape[1:], initialised by {@code alpha_initializer}, default zeros).
 * Gradients: dx = dOut * (x &gt;= 0 ? 1 : alpha_j); dalpha_j = sum over rows of dOut * x where x &lt; 0.
 */
public final class PRelu extends SameWidthLayer {
  private final Initializer alphaInitializer;
  private final Parameter alpha;
  private int capacity;
  private double[] lastInput;
  private double[] out;
  private double[] dInput;

  /** A PReLU layer over {@code width} columns. */
  public PRelu(String name, int width, Initializer alphaInitializer) {
    super(name, width);
    this.alphaInitializer = alphaInitializer;
    this.alpha = new Parameter(name + "/alpha", width);
  }

  /** Fills the slopes from their initializer. */
  public void initialize(long modelSeed) {
    Long own = alphaInitializer.seed();
    alphaInitializer.fill(alpha.value(), alpha.shape(), own != null ? new Rng(own) : Rng.forPath(modelSeed, alpha.name()));
  }

  @Override
  public void allocate(int maxRows) {
    if (maxRows <= capacity) {
      return;
    }
    capacity = maxRows;
    out = new double[maxRows * width];
    dInput = new double[maxRows * width];
  }

  @Override
  public double[] forward(double[] input, int rows, boolean training) {
    lastInput = input;
    double[] a = alpha.value();
    for (int r = 0; r < rows; r++) {
      int o = r * width;
      for (int j = 0; j < width; j++) {
        double x = input[o + j];
        out[o + j] = x >= 0 ? x : a[j] * x;
      }
    }
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    double[] a = alpha.value();
    double[] ga = alpha.grad();
    java.util.Arrays.fill(ga, 0.0);
    for (int r = 0; r < rows; r++) {
      int o = r * width;
      for (int j = 0; j < width; j++) {
        double x = lastInput[o + j];
        double d = dOutput[o + j];
        if (x >= 0) {
          dInput[o + j] = d;
        } else {
          dInput[o + j] = d * a[j];
          ga[j] += d * x;
        }
      }
    }
    return needInputGrad ? dInput : null;
  }

  /** The slopes. */
  public Parameter alpha() {
    return alpha;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(alpha);
  }

  @Override
  public String kerasClassName() {
    return "PReLU";
  }
}

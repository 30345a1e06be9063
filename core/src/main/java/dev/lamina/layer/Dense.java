package dev.lamina.layer;

import dev.lamina.activation.Activation;
import dev.lamina.init.Fans;
import dev.lamina.init.Initializer;
import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras's {@code Dense}: {@code out = activation(x . kernel + bias)}.
 *
 * <p>Shapes: x is {@code (rows, inputs)}, kernel {@code (inputs, units)} (fan_in = inputs,
 * fan_out = units), bias {@code (units,)}. Backward: dZ = activation'(z) * dOut,
 * dKernel = x^T . dZ (+ regularizer), dBias = column sums of dZ (+ regularizer),
 * dX = dZ . kernel^T.
 *
 * <p>When the network fuses this layer's sigmoid/softmax with a cross-entropy loss (as Keras's
 * TensorFlow backend does), it hands dLoss/dZ straight to {@link #backwardFromPreActivation}.
 */
public final class Dense implements Layer {
  private final String name;
  private final int inputs;
  private final int units;
  private final Activation activation;
  private final Initializer kernelInitializer;
  private final Initializer biasInitializer;
  private final Regularizer kernelRegularizer;
  private final Regularizer biasRegularizer;
  private final Parameter kernel;
  private final Parameter bias;
  private final List<Parameter> params;

  private int capacity;
  private double[] z;
  private double[] out;
  private double[] dz;
  private double[] dInput;
  private double[] lastInput;
  private double[] lastDelta;

  /**
   * A Dense layer; weights are filled by {@link #initialize(long)}.
   *
   * @param biasInitializer null when the layer has no bias ({@code use_bias: false})
   */
  public Dense(String name, int inputs, int units, Activation activation, Initializer kernelInitializer,
      Initializer biasInitializer, Regularizer kernelRegularizer, Regularizer biasRegularizer) {
    this.name = name;
    this.inputs = inputs;
    this.units = units;
    this.activation = activation;
    this.kernelInitializer = kernelInitializer;
    this.biasInitializer = biasInitializer;
    this.kernelRegularizer = kernelRegularizer;
    this.biasRegularizer = biasRegularizer;
    this.kernel = new Parameter(name + "/kernel", inputs, units);
    this.bias = biasInitializer == null ? null : new Parameter(name + "/bias", units);
    List<Parameter> p = new ArrayList<>(2);
    p.add(kernel);
    if (bias != null) {
      p.add(bias);
    }
    this.params = List.copyOf(p);
  }

  /**
   * Fills kernel and bias from their initializers, each with a generator derived from the model
   * seed and the tensor's path (or from the initializer's own seed when it has one).
   */
  public void initialize(long modelSeed) {
    fill(kernel, kernelInitializer, modelSeed);
    if (bias != null) {
      fill(bias, biasInitializer, modelSeed);
    }
  }

  private static void fill(Parameter p, Initializer init, long modelSeed) {
    Long own = init.seed();
    Rng rng = own != null ? new Rng(own) : Rng.forPath(modelSeed, p.name());
    init.fill(p.value(), p.shape(), rng);
  }

  @Override
  public void allocate(int maxRows) {
    if (maxRows <= capacity) {
      return;
    }
    capacity = maxRows;
    z = new double[maxRows * units];
    out = new double[maxRows * units];
    dz = new double[maxRows * units];
    dInput = new double[maxRows * inputs];
  }

  @Override
  public double[] forward(double[] x, int rows, boolean training) {
    lastInput = x;
    MatMul.affine(x, kernel.value(), bias == null ? null : bias.value(), z, rows, inputs, units);
    activation.forward(z, out, rows, units);
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    activation.backward(z, out, dOutput, dz, rows, units);
    return backwardFromPreActivation(dz, rows, needInputGrad);
  }

  /** Back-propagates dLoss/dZ (the pre-activation gradient) directly. */
  public double[] backwardFromPreActivation(double[] dZ, int rows, boolean needInputGrad) {
    lastDelta = dZ;
    MatMul.transposeATimesB(lastInput, dZ, kernel.grad(), rows, inputs, units);
    if (kernelRegularizer != null) {
      kernelRegularizer.addGradient(kernel.value(), kernel.grad());
    }
    if (bias != null) {
      MatMul.columnSums(dZ, bias.grad(), rows, units);
      if (biasRegularizer != null) {
        biasRegularizer.addGradient(bias.value(), bias.grad());
      }
    }
    if (!needInputGrad) {
      return null;
    }
    MatMul.timesBTranspose(dZ, kernel.value(), dInput, rows, units, inputs);
    return dInput;
  }

  /**
   * dLoss/dz of the last backward pass through {@link #backward} (the back-propagated error
   * signal delta of this layer); not written when the network fused this layer with its loss.
   */
  public double[] preActivationGradient() {
    return dz;
  }

  /**
   * dLoss/dz that the last backward pass used, whichever way it arrived: through the activation
   * ({@link #preActivationGradient()}) or fused with the loss (the loss head's buffer); null before
   * the first backward pass. For diagnostics.
   */
  public double[] errorSignal() {
    return lastDelta;
  }

  /** The output buffer activation(z) of the last forward call. */
  public double[] output() {
    return out;
  }

  /** dLoss/dInput of the last backward pass that asked for it. */
  public double[] inputGradient() {
    return dInput;
  }

  /** The pre-activation buffer z of the last forward call. */
  public double[] preActivation() {
    return z;
  }

  @Override
  public double regularizationLoss() {
    double r = 0;
    if (kernelRegularizer != null) {
      r += kernelRegularizer.penalty(kernel.value());
    }
    if (bias != null && biasRegularizer != null) {
      r += biasRegularizer.penalty(bias.value());
    }
    return r;
  }

  @Override
  public List<Parameter> parameters() {
    return params;
  }

  /** The kernel, shape {@code (inputs, units)}. */
  public Parameter kernel() {
    return kernel;
  }

  /** The bias, or null without one. */
  public Parameter bias() {
    return bias;
  }

  /** The activation. */
  public Activation activation() {
    return activation;
  }

  /** The kernel's initializer. */
  public Initializer kernelInitializer() {
    return kernelInitializer;
  }

  /** The kernel's fans. */
  public Fans fans() {
    return Fans.of(inputs, units);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kerasClassName() {
    return "Dense";
  }

  @Override
  public int inputWidth() {
    return inputs;
  }

  @Override
  public int outputWidth() {
    return units;
  }
}

package dev.lamina.layer;

import dev.lamina.activation.Activation;
import dev.lamina.activation.ElementwiseActivation;
import dev.lamina.init.Fans;
import dev.lamina.init.Initializer;
import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;
import dev.lamina.random.Rng;
import dev.lamina.spec.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keras's {@code Dense}: {@code out = activation(x . kernel + bias)}.
 *
 * <p>Shapes: x is {@code (rows, inputs)}, kernel {@code (inputs, units)} (fan_in = inputs,
 * fan_out = units), bias {@code (units,)}. The formulas, forward and backward:
 * <pre>
 *   z       = x . kernel + bias                 forward
 *   out     = activation(z)
 *   dZ      = activation'(z) * dOut             backward
 *   dKernel = x^T . dZ  (+ regularizer)
 *   dBias   = column sums of dZ  (+ regularizer)
 *   dX      = dZ . kernel^T
 * </pre>
 * The three products run on a backend of their own ({@link DenseProducts}), picked per layer by
 * shape and precision: the Java kernels (on the Vector API when {@link Simd} is on) or OpenBLAS
 * ({@link NativeGemm}) for layers of 16+ inputs and units.
 *
 * <p>With {@link DType#FLOAT32}, in a layer of at least {@link MatMul#WIDE_COLUMNS} inputs and
 * units, the kernel and bias are float32 parameters (their optimizer state float32 too, see
 * {@link dev.lamina.optim.Optimizer}) and the three products run in float on them: the input and dZ
 * are rounded to float, z is summed in float with the bias, the kernel gradient stays float, z and
 * dX are widened to double. The activation, dZ and the bias gradient (a column sum of dZ, rounded
 * to float) are computed in double. Narrower layers keep double weights and products, where the
 * conversions of their activations would cost more than they save.
 *
 * <p>An element-wise activation runs inside the product's parallel ranges, on the rows a thread
 * has just computed. When the network fuses this layer's sigmoid/softmax with a cross-entropy loss
 * (as Keras's TensorFlow backend does), it hands dLoss/dZ straight to
 * {@link #backwardFromPreActivation}.
 */
public final class Dense implements Layer {
  /** A double activation's element counted as this many multiply-adds when deciding to split it. */
  private static final int ELEMENT_WEIGHT = 4;

  private final String name;
  private final int inputs;
  private final int units;
  private final Activation activation;
  /** The activation when it is element-wise (run per range, inside the products), else null. */
  private final ElementwiseActivation elementwise;
  private final Initializer kernelInitializer;
  private final Initializer biasInitializer;
  private final Regularizer kernelRegularizer;
  private final Regularizer biasRegularizer;
  private final Parameter kernel;
  private final Parameter bias;
  private final List<Parameter> params;

  private DenseProducts products;
  private DType dtype = DType.DEFAULT;
  /** Whether OpenBLAS may run the products of this layer (when {@link NativeGemm#available()}). */
  private boolean nativeAllowed = true;
  private int threads = KernelThreads.defaultThreads();
  private final Activate activate = new Activate();
  private final Deactivate deactivate = new Deactivate();
  private final BiasGradient biasGradient = new BiasGradient();
  private int capacity;
  private double[] z;
  private double[] out;
  private double[] dz;
  private double[] dInput;
  private double[] lastInput;
  private double[] lastDelta;
  /** The bias gradient summed in double before it is rounded into a float32 bias's gradient. */
  private double[] biasSums;

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
    this.elementwise = activation instanceof ElementwiseActivation e ? e : null;
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
    chooseProducts();
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
    double[] values = new double[p.size()];
    init.fill(values, p.shape(), rng);
    p.setValue(values); // rounded to float at once in a float32 layer
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
    biasSums = new double[units];
    products.allocate(maxRows);
  }

  /**
   * Sets the precision of this layer's products (default {@link DType#FLOAT64}).
   *
   * @throws NullPointerException when {@code dtype} is null
   */
  public void setDtype(DType dtype) {
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    chooseProducts();
  }

  private void chooseProducts() {
    boolean single = DenseProducts.singlePrecision(inputs, units, dtype);
    kernel.setSinglePrecision(single);
    if (bias != null) {
      bias.setSinglePrecision(single);
    }
    products = DenseProducts.create(inputs, units, kernel, bias, dtype, nativeAllowed);
    products.setThreads(threads);
    if (capacity > 0) {
      products.allocate(capacity);
    }
  }

  /**
   * Whether the products of this (wide) layer may run on OpenBLAS when it is installed (default
   * true); false keeps the Java kernels, the reference the native path is tested against.
   */
  public void allowNativeProducts(boolean allowed) {
    this.nativeAllowed = allowed;
    chooseProducts();
  }

  /** Whether this layer's products run on OpenBLAS. */
  public boolean nativeProducts() {
    return products.onOpenBlas();
  }

  /** The precision asked for this layer (it runs in float only when it is wide both ways). */
  public DType dtype() {
    return dtype;
  }

  /**
   * Sets how many threads the large products of this layer may use (default: the
   * {@code lamina.threads} system property, else the number of processors). Results are
   * bit-identical for every value; only the speed changes.
   *
   * @throws IllegalArgumentException when {@code n} is less than 1
   */
  @Override
  public void setThreads(int n) {
    this.threads = KernelThreads.requireThreadCount(n);
    products.setThreads(threads);
  }

  /** How many threads the large products of this layer may use. */
  public int threads() {
    return threads;
  }

  @Override
  public double[] forward(double[] x, int rows, boolean training) {
    lastInput = x;
    // z = x . kernel + bias; out = activation(z), per range inside the product when element-wise.
    products.affine(x, rows, training, z, elementwise != null ? activate : null);
    if (elementwise == null) {
      activation.forward(z, out, rows, units);
    }
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    // dZ = activation'(z) * dOut
    if (elementwise != null) {
      deactivate.dOut = dOutput;
      KernelThreads.run(deactivate, rows, products.parts((long) rows * units * ELEMENT_WEIGHT, rows));
    } else {
      activation.backward(z, out, dOutput, dz, rows, units);
    }
    return backwardFromPreActivation(dz, rows, needInputGrad);
  }

  /** Back-propagates dLoss/dZ (the pre-activation gradient) directly. */
  public double[] backwardFromPreActivation(double[] dZ, int rows, boolean needInputGrad) {
    lastDelta = dZ;
    // dKernel = x^T . dZ and dX = dZ . kernel^T
    products.gradients(lastInput, dZ, rows, needInputGrad ? dInput : null);
    if (kernelRegularizer != null) {
      kernelRegularizer.addGradient(kernel.value(), kernel.grad());
    }
    // dBias = column sums of dZ
    if (bias != null) {
      if (MatMul.wide(units)) {
        biasGradient.dZ = dZ;
        biasGradient.rows = rows;
        biasGradient.into = bias.singlePrecision() ? biasSums : bias.grad();
        KernelThreads.run(biasGradient, units, products.parts((long) rows * units * ELEMENT_WEIGHT, units));
        if (bias.singlePrecision()) {
          FloatConversions.toFloat(biasSums, 0, bias.floatGrad(), units);
        }
      } else {
        MatMul.columnSums(dZ, bias.grad(), rows, units);
      }
      if (biasRegularizer != null) {
        biasRegularizer.addGradient(bias.value(), bias.grad());
      }
    }
    return needInputGrad ? dInput : null;
  }

  /** Rows of out = activation(z), run by the products on the rows they have just computed. */
  private final class Activate implements KernelThreads.Range {
    @Override
    public void run(int from, int to) {
      elementwise.forwardRange(z, out, from * units, to * units);
    }
  }

  /** Rows of dZ = activation'(z) * dOut. */
  private final class Deactivate implements KernelThreads.Range {
    double[] dOut;

    @Override
    public void run(int from, int to) {
      elementwise.backwardRange(z, out, dOut, dz, from * units, to * units);
    }
  }

  /** Columns (units) of dBias = column sums of dZ, each summed in row order. */
  private final class BiasGradient implements KernelThreads.Range {
    double[] dZ;
    int rows;
    /** The bias gradient's doubles, taken on the calling thread. */
    double[] into;

    @Override
    public void run(int from, int to) {
      MatMul.columnSums(dZ, into, rows, units, from, to);
    }
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

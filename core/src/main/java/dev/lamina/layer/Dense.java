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
 * <p>With {@link DType#FLOAT32}, in a layer with an element-wise activation and at least
 * {@link MatMul#WIDE_COLUMNS} inputs or units ({@link FloatProducts#applies}), the same formulas
 * run in single precision, as Keras computes a float32 model: the kernel and bias are float32
 * parameters (their optimizer state float32 too, see {@link dev.lamina.optim.Optimizer}); x, z,
 * out, dZ and dX are floats ({@link #forwardFloat}, {@link #backwardFloat}), exchanged as they are
 * with float neighbours ({@link #floatActivations()}); the products sum in float
 * ({@link FloatProducts}); the activation and its derivative are computed per element and rounded
 * to float; the bias gradient is a column sum of dZ in float. Layers narrow both
 * ways and softmax layers keep double weights and activations.
 *
 * <p>An element-wise activation runs inside the product's parallel ranges, on the rows a thread
 * has just computed; it, its derivative and the bias gradient are passes of {@link DensePasses},
 * which also decides how they split between threads, so this class holds the formulas only. When the network fuses this layer's sigmoid/softmax with a cross-entropy loss
 * (as Keras's TensorFlow backend does), it hands dLoss/dZ straight to
 * {@link #backwardFromPreActivation}.
 */
public final class Dense implements Layer {
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

  /** The double products, or null when the layer runs in single precision. */
  private DenseProducts products;
  /** The float32 products, or null when the layer runs in double. */
  private FloatProducts floatProducts;
  /** Whichever of the two runs (for threads, buffers and the backend's name). */
  private ProductSplit split;
  private DType dtype = DType.DEFAULT;
  /** Whether OpenBLAS may run the products of this layer (when {@link NativeGemm#available()}). */
  private boolean nativeAllowed = true;
  private int threads = KernelThreads.defaultThreads();
  /** The element-wise passes (activation, its derivative, the bias gradient) and their split. */
  private final DensePasses passes;
  private int capacity;
  /** Rows of the last forward pass (the float accessors widen that many). */
  private int lastRows;
  private double[] z;
  private double[] out;
  private double[] dz;
  private double[] dInput;
  private double[] lastInput;
  private double[] lastDelta;
  /** In single precision: the float z, out, dZ and dX, and the rounded copy of a double input. */
  private float[] zF;
  private float[] outF;
  private float[] dzF;
  private float[] dInputF;
  private float[] inputF;

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
    this.passes = new DensePasses(units, elementwise);
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
    if (floatProducts != null) {
      allocateFloats();
    }
    split.allocate(maxRows);
  }

  private void allocateFloats() {
    zF = new float[capacity * units];
    outF = new float[capacity * units];
    dzF = new float[capacity * units];
    dInputF = new float[capacity * inputs];
    inputF = new float[capacity * inputs];
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
    boolean single = FloatProducts.applies(inputs, units, dtype, elementwise != null);
    kernel.setSinglePrecision(single);
    if (bias != null) {
      bias.setSinglePrecision(single);
    }
    products = single ? null : DenseProducts.create(inputs, units, kernel, bias, nativeAllowed);
    floatProducts = single ? FloatProducts.create(inputs, units, kernel, bias, nativeAllowed) : null;
    split = single ? floatProducts : products;
    split.setThreads(threads);
    passes.splitLike(split);
    if (capacity > 0) {
      if (single && zF == null) {
        allocateFloats();
      }
      split.allocate(capacity);
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
    return split.onOpenBlas();
  }

  /** The precision asked for this layer (see {@link #floatActivations()} for the one it runs in). */
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
    split.setThreads(threads);
  }

  /** How many threads the large products of this layer may use. */
  public int threads() {
    return threads;
  }

  /**
   * Whether this layer runs in single precision (float32 weights, activations and products): a
   * float32 model's layer with an element-wise activation and 16+ inputs or units.
   */
  @Override
  public boolean floatActivations() {
    return floatProducts != null;
  }

  @Override
  public double[] forward(double[] x, int rows, boolean training) {
    lastRows = rows;
    if (floatProducts != null) {
      FloatConversions.toFloat(x, inputF, rows * inputs);
      FloatConversions.toDouble(forwardFloat(inputF, rows, training), out, rows * units);
      return out;
    }
    lastInput = x;
    // z = x . kernel + bias; out = activation(z), per range inside the product when element-wise.
    products.affine(x, rows, training, z, elementwise != null ? passes.activation(z, out) : null);
    if (elementwise == null) {
      activation.forward(z, out, rows, units);
    }
    return out;
  }

  @Override
  public float[] forwardFloat(float[] x, int rows, boolean training) {
    lastRows = rows;
    // z = x . kernel + bias; out = activation(z), in float, per range inside the product.
    floatProducts.affine(x, rows, training, zF, passes.activation(zF, outF));
    return outF;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    if (floatProducts != null) {
      // dOut rounded into dzF, which the activation's derivative then overwrites element by element.
      FloatConversions.toFloat(dOutput, dzF, rows * units);
      return widenInputGradient(backwardFloat(dzF, rows, needInputGrad), rows);
    }
    // dZ = activation'(z) * dOut
    if (passes.fusesBiasGradient(bias != null)) {
      // and dBias = column sums of dZ, in the same pass
      passes.derivativeAndBiasGradient(z, out, dOutput, dz, bias.grad(), rows);
      return backPropagate(dz, rows, needInputGrad, true);
    }
    if (elementwise != null) {
      passes.derivative(z, out, dOutput, dz, rows);
    } else {
      activation.backward(z, out, dOutput, dz, rows, units);
    }
    return backPropagate(dz, rows, needInputGrad, false);
  }

  @Override
  public float[] backwardFloat(float[] dOutput, int rows, boolean needInputGrad) {
    // dZ = activation'(z) * dOut, in float
    if (passes.fusesBiasGradient(bias != null)) {
      // and dBias = column sums of dZ, in the same pass
      passes.derivativeAndBiasGradient(zF, outF, dOutput, dzF, bias.floatGrad(), rows);
      return backPropagateFloat(dzF, rows, needInputGrad, true);
    }
    passes.derivative(zF, outF, dOutput, dzF, rows);
    return backPropagateFloat(dzF, rows, needInputGrad, false);
  }

  /** Back-propagates dLoss/dZ (the pre-activation gradient) directly. */
  public double[] backwardFromPreActivation(double[] dZ, int rows, boolean needInputGrad) {
    if (floatProducts != null) {
      return widenInputGradient(backwardFloatFromPreActivation(dZ, rows, needInputGrad), rows);
    }
    return backPropagate(dZ, rows, needInputGrad, false);
  }

  /** The products and regularizers of the backward pass from dZ; the bias gradient unless {@code biasDone}. */
  private double[] backPropagate(double[] dZ, int rows, boolean needInputGrad, boolean biasDone) {
    lastDelta = dZ;
    // dKernel = x^T . dZ and dX = dZ . kernel^T
    products.gradients(lastInput, dZ, rows, needInputGrad ? dInput : null);
    regularizeKernel();
    if (bias != null && !biasDone) {
      // dBias = column sums of dZ
      passes.biasGradient(dZ, bias.grad(), rows);
    }
    if (bias != null) {
      regularizeBias();
    }
    return needInputGrad ? dInput : null;
  }

  /**
   * {@link #backwardFromPreActivation} of a single-precision layer ({@link #floatActivations()})
   * from a double dLoss/dZ (a fused loss's), rounded to float: returns the float dLoss/dInput.
   */
  public float[] backwardFloatFromPreActivation(double[] dZ, int rows, boolean needInputGrad) {
    FloatConversions.toFloat(dZ, dzF, rows * units);
    return backPropagateFloat(dzF, rows, needInputGrad, false);
  }

  /** {@link #backPropagate} in float. */
  private float[] backPropagateFloat(float[] dZ, int rows, boolean needInputGrad, boolean biasDone) {
    // dKernel = x^T . dZ and dX = dZ . kernel^T, in float
    floatProducts.gradients(dZ, rows, needInputGrad ? dInputF : null);
    regularizeKernel();
    if (bias != null && !biasDone) {
      // dBias = column sums of dZ, in float
      passes.biasGradient(dZ, bias.floatGrad(), rows);
    }
    if (bias != null) {
      regularizeBias();
    }
    return needInputGrad ? dInputF : null;
  }

  private double[] widenInputGradient(float[] dX, int rows) {
    if (dX == null) {
      return null;
    }
    FloatConversions.toDouble(dX, dInput, rows * inputs);
    return dInput;
  }

  private void regularizeKernel() {
    if (kernelRegularizer != null) {
      kernelRegularizer.addGradient(kernel.value(), kernel.grad());
    }
  }

  private void regularizeBias() {
    if (biasRegularizer != null) {
      biasRegularizer.addGradient(bias.value(), bias.grad());
    }
  }

  /**
   * dLoss/dz of the last backward pass through {@link #backward} (the back-propagated error
   * signal delta of this layer); not written when the network fused this layer with its loss.
   */
  public double[] preActivationGradient() {
    return floatProducts != null ? widened(dzF, dz, units) : dz;
  }

  /**
   * dLoss/dz that the last backward pass used, whichever way it arrived: through the activation
   * ({@link #preActivationGradient()}) or fused with the loss (the loss head's buffer); null before
   * the first backward pass. For diagnostics.
   */
  public double[] errorSignal() {
    return floatProducts != null ? widened(dzF, dz, units) : lastDelta;
  }

  /** The output buffer activation(z) of the last forward call. */
  public double[] output() {
    return floatProducts != null ? widened(outF, out, units) : out;
  }

  /** dLoss/dInput of the last backward pass that asked for it. */
  public double[] inputGradient() {
    return floatProducts != null ? widened(dInputF, dInput, inputs) : dInput;
  }

  /** The pre-activation buffer z of the last forward call. */
  public double[] preActivation() {
    return floatProducts != null ? widened(zF, z, units) : z;
  }

  /**
   * A single-precision layer's float buffer widened into its double twin, for the double
   * accessors above ({@code width} values per row of the last batch); null before allocation.
   */
  private double[] widened(float[] f, double[] d, int width) {
    if (f == null) {
      return d;
    }
    FloatConversions.toDouble(f, d, lastRows * width);
    return d;
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

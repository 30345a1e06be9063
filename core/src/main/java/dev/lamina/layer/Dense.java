package dev.lamina.layer;

import dev.lamina.activation.Activation;
import dev.lamina.activation.Relu;
import dev.lamina.init.Fans;
import dev.lamina.init.Initializer;
import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;
import dev.lamina.random.Rng;
import dev.lamina.spec.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keras's {@code Dense}: {@code out = activation(x . kernel + bias)}.
 *
 * <p>Shapes: x is {@code (rows, inputs)}, kernel {@code (inputs, units)} (fan_in = inputs,
 * fan_out = units), bias {@code (units,)}. Backward: dZ = activation'(z) * dOut,
 * dKernel = x^T . dZ (+ regularizer), dBias = column sums of dZ (+ regularizer),
 * dX = dZ . kernel^T.
 *
 * <p>With {@link DType#FLOAT32}, in a layer of at least {@link MatMul#WIDE_COLUMNS} inputs and
 * units, the three products round their operands to float and accumulate in float (then the bias is
 * added in double); the kernel, bias and everything outside the products stay double. Narrower
 * layers keep double products, where conversions would cost more than they save.
 *
 * <p>The products of a layer wide both ways run on OpenBLAS when {@link NativeGemm} finds it, in
 * either precision (sgemm or dgemm), else on the Java kernels.
 *
 * <p>When the network fuses this layer's sigmoid/softmax with a cross-entropy loss (as Keras's
 * TensorFlow backend does), it hands dLoss/dZ straight to {@link #backwardFromPreActivation}.
 */
public final class Dense implements Layer {
  /**
   * Multiply-adds from which a product is split between threads: below it, waking a second
   * thread costs more than it saves.
   */
  static final long PARALLEL_MIN_WORK = 1L << 17;
  /** A double-to-float conversion counted as this many multiply-adds when deciding to split it. */
  private static final int CONVERSION_WEIGHT = 4;
  /**
   * A multiply-add of a narrow layer (fewer than {@link MatMul#WIDE_COLUMNS} units: scalar
   * chains, no vector registers) counted as this many vector-kernel multiply-adds when deciding
   * to split a product. Without it the 256-to-1 output layer of a wide network ran on one thread.
   */
  private static final int NARROW_WEIGHT = 8;

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

  private final Kernels kernels = new Kernels();
  private final Blocks blocks = new Blocks();
  private final NativeBackward nativeBackward = new NativeBackward();
  /** Whether the activation is Keras's default relu, which gets an inlined loop. */
  private final boolean plainRelu;
  private int threads = KernelThreads.defaultThreads();
  private DType dtype = DType.DEFAULT;
  /** Whether the relu backward pass already wrote dzF (float32), so the next products need not convert. */
  private boolean deltaInFloat;
  /** Whether the three products run in single precision: float32 asked, and a wide layer. */
  private boolean float32;
  /** Whether OpenBLAS may run the products of this layer (when {@link NativeGemm#available()}). */
  private boolean nativeAllowed = true;
  /**
   * A wide layer's products on OpenBLAS (sgemm in float32, dgemm in float64): they read the input
   * and the kernel transposed in place, so no transposed copies are made.
   */
  private boolean nativeProducts;
  /** Single-precision operands and results of the products; allocated only for float32. */
  private float[] inputF;
  private float[] kernelF;
  /** float32: (float) kernel^T, rows of {@link #kernelTStride}; for the input gradient. */
  private float[] kernelTF;
  private int kernelTStride;
  /** Whether kernelTF holds the kernel of the last forward pass (written with kernelF when training needs dX). */
  private boolean kernelTFresh;
  /** Whether the last backward pass asked for the input gradient (so the next forward also writes kernelTF). */
  private boolean inputGradWanted = true;
  private float[] zF;
  private float[] dzF;
  private float[] gradF;
  private float[] dInputF;
  /** float32: the layer input transposed (inputs rows of {@link #inputTStride}), for the kernel gradient. */
  private float[] inputTF;
  private int inputTStride;
  /**
   * Whether inputTF holds the input of the last forward pass: a training pass writes it while it
   * converts the input to float, so the kernel gradient need not read the input again.
   */
  private boolean inputTFresh;
  /** float64 with wide units: the layer input transposed (inputs, rows), for the kernel gradient. */
  private double[] inputT;
  private int capacity;
  private double[] kernelT;
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
    this.plainRelu = activation instanceof Relu r && r.negativeSlope() == 0 && r.maxValue() == null
        && r.threshold() == 0;
    choosePaths();
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
    allocateProductBuffers();
  }

  /**
   * The transposed kernel that the wide input-gradient product reads: in double, or in float for a
   * float32 layer (which also needs float copies of its operands). Never both.
   */
  private void allocateProductBuffers() {
    if (!float32) {
      if (kernelT == null && MatMul.wide(inputs) && units > 1 && !nativeProducts) {
        kernelT = new double[inputs * units];
      }
      if (MatMul.wide(units) && !nativeProducts && (inputT == null || inputT.length < capacity * inputs)) {
        inputT = new double[capacity * inputs];
      }
      return;
    }
    if (kernelF == null) {
      kernelF = new float[inputs * units];
      kernelTStride = Precision.paddedStride(inputs);
      kernelTF = new float[units * kernelTStride];
      gradF = new float[inputs * units];
    }
    if (inputF == null || inputF.length < (capacity + 1) * inputs) {
      // One row more than the batch: netlib checks a transposed operand as if its last column were
      // a whole row long (the kernel gradient reads inputF transposed from a column offset).
      inputF = new float[(capacity + 1) * inputs];
      zF = new float[capacity * units];
      dzF = new float[capacity * units];
      dInputF = new float[capacity * inputs];
      // Room for the padded stride of any batch size up to capacity (Precision.paddedStride).
      inputTF = new float[(capacity + 16) * inputs];
    }
  }

  /**
   * Sets the precision of this layer's products (default {@link DType#FLOAT64}).
   *
   * @throws NullPointerException when {@code dtype} is null
   */
  public void setDtype(DType dtype) {
    this.dtype = java.util.Objects.requireNonNull(dtype, "dtype");
    choosePaths();
    if (capacity > 0) {
      allocateProductBuffers();
    }
  }

  private void choosePaths() {
    // Narrow layers keep double products on the Java kernels: their products are cheap, and
    // converting their operands (or a native call) would cost more than it saves.
    boolean wide = MatMul.wide(inputs) && MatMul.wide(units);
    this.float32 = dtype == DType.FLOAT32 && wide;
    this.nativeProducts = wide && nativeAllowed && NativeGemm.available();
  }

  /**
   * Whether the products of this (wide) layer may run on OpenBLAS when it is installed (default
   * true); false keeps the Java kernels, the reference the native path is tested against.
   */
  public void allowNativeProducts(boolean allowed) {
    this.nativeAllowed = allowed;
    setDtype(dtype);
  }

  /** Whether this layer's products run on OpenBLAS. */
  public boolean nativeProducts() {
    return nativeProducts;
  }

  /** The precision asked for this layer (its products run in float only when it is wide both ways). */
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
  public void setThreads(int n) {
    this.threads = KernelThreads.requireThreadCount(n);
  }

  /** How many threads the large products of this layer may use. */
  public int threads() {
    return threads;
  }

  /** How many parts to split a product of {@code macs} multiply-adds over {@code n} result rows into. */
  private int parts(long macs, int n) {
    return threads > 1 && macs >= PARALLEL_MIN_WORK ? Math.min(threads, n) : 1;
  }

  /** {@link #parts} for one of the three products, whose cost per multiply-add depends on the width. */
  private int productParts(long macs, int n) {
    return parts(MatMul.wide(units) ? macs : macs * NARROW_WEIGHT, n);
  }

  /** Runs the product set in {@link #kernels} over {@code n} result rows, split when it is large enough. */
  private void runProduct(int n, long macs) {
    if (nativeProducts) {
      // Blocks whose bounds depend on n alone (one native call each): the results do not depend
      // on how many threads share them.
      int b = NativeGemm.blocks(n);
      blocks.rows = n;
      KernelThreads.run(blocks, b, productParts(macs, n) > 1 ? b : 1);
      return;
    }
    if (productParts(macs, n) > 1) {
      KernelThreads.runGuided(kernels, n, threads);
    } else {
      kernels.run(0, n);
    }
  }

  @Override
  public double[] forward(double[] x, int rows, boolean training) {
    lastInput = x;
    if (float32) {
      kernels.op = Kernels.KERNEL_TO_FLOAT;
      // A training pass whose backward will want dX also writes the transposed copy, in the same
      // read; OpenBLAS reads kernelF transposed in place.
      kernelTFresh = training && inputGradWanted && !nativeProducts;
      long conversions = (long) inputs * units * (kernelTFresh ? 2 : 1);
      KernelThreads.run(kernels, inputs, parts(conversions * CONVERSION_WEIGHT, inputs));
    }
    kernels.op = Kernels.FORWARD;
    kernels.a = x;
    kernels.rows = rows;
    if (float32) {
      inputTFresh = training && !nativeProducts;
      inputTStride = training ? Precision.paddedStride(rows) : rows;
    }
    // A plain relu runs inside each range, on the rows that range just computed (see Kernels).
    runProduct(rows, (long) rows * inputs * units);
    if (!plainRelu) {
      activation.forward(z, out, rows, units);
    }
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    if (plainRelu) {
      // Split by rows like the products; in float32 each range also converts its rows of dZ.
      kernels.op = Kernels.RELU_BACKWARD;
      kernels.d = dOutput;
      KernelThreads.run(kernels, rows, parts((long) rows * units * CONVERSION_WEIGHT, rows));
      deltaInFloat = float32;
    } else {
      activation.backward(z, out, dOutput, dz, rows, units);
    }
    return backwardFromPreActivation(dz, rows, needInputGrad);
  }

  /** Back-propagates dLoss/dZ (the pre-activation gradient) directly. */
  public double[] backwardFromPreActivation(double[] dZ, int rows, boolean needInputGrad) {
    lastDelta = dZ;
    kernels.a = lastInput;
    kernels.d = dZ;
    kernels.rows = rows;
    long work = (long) rows * inputs * units;
    if (float32 && !deltaInFloat) {
      kernels.op = Kernels.DELTA_TO_FLOAT;
      KernelThreads.run(kernels, rows, parts((long) rows * units * CONVERSION_WEIGHT, rows));
    }
    deltaInFloat = false;
    boolean inputGradDone = false;
    if (nativeProducts && !float32) {
      runNativeDoubleBackward(dZ, rows, needInputGrad);
      inputGradDone = needInputGrad;
    } else if (inputT != null && !MatMul.wide(inputs)) {
      // Few inputs (the first layer): split the columns, so each thread runs all rows in full
      // tiles instead of a 5- and a 6-row remainder; the transposed input is small, made once.
      MatMul.transposeColumns(lastInput, rows, inputs, inputT, 0, inputs);
      kernels.op = Kernels.KERNEL_GRADIENT_BY_COLUMNS;
      KernelThreads.run(kernels, units, productParts(work, units));
    } else {
      kernels.op = Kernels.KERNEL_GRADIENT;
      runProduct(inputs, work);
    }
    if (kernelRegularizer != null) {
      kernelRegularizer.addGradient(kernel.value(), kernel.grad());
    }
    if (bias != null) {
      if (MatMul.wide(units)) {
        kernels.op = Kernels.BIAS_GRADIENT;
        KernelThreads.run(kernels, units, parts((long) rows * units * CONVERSION_WEIGHT, units));
      } else {
        MatMul.columnSums(dZ, bias.grad(), rows, units);
      }
      if (biasRegularizer != null) {
        biasRegularizer.addGradient(bias.value(), bias.grad());
      }
    }
    inputGradWanted = needInputGrad;
    if (!needInputGrad) {
      return null;
    }
    if (inputGradDone) {
      return dInput;
    }
    if (float32 && !nativeProducts && !kernelTFresh) {
      kernels.op = Kernels.KERNEL_TRANSPOSED_TO_FLOAT;
      KernelThreads.run(kernels, inputs, parts((long) inputs * units * CONVERSION_WEIGHT * 2, inputs));
      kernelTFresh = true;
    } else if (!float32 && kernelT != null) {
      MatMul.transpose(kernel.value(), kernelT, inputs, units);
    }
    kernels.op = Kernels.INPUT_GRADIENT;
    runProduct(rows, work);
    return dInput;
  }

  /**
   * float64 on OpenBLAS: the kernel gradient as one dgemm (see {@link NativeGemm#transposeATimes(double[],
   * double[], double[], int, int, int)}) and, in the same dispatch, the input gradient in row blocks:
   * the caller takes the kernel gradient, the worker the blocks, and whoever finishes first takes
   * the blocks left. Every call has bounds that depend on the sizes alone.
   */
  private void runNativeDoubleBackward(double[] dZ, int rows, boolean needInputGrad) {
    nativeBackward.dZ = dZ;
    nativeBackward.rows = rows;
    int items = 1 + (needInputGrad ? NativeGemm.blocks(rows) : 0);
    long work = (long) rows * inputs * units * (needInputGrad ? 2 : 1);
    KernelThreads.run(nativeBackward, items, productParts(work, rows) > 1 ? items : 1);
  }

  /** Item 0: the kernel gradient; item c > 0: block c - 1 of the input gradient. */
  private final class NativeBackward implements KernelThreads.Range {
    double[] dZ;
    int rows;

    @Override
    public void run(int from, int to) {
      for (int c = from; c < to; c++) {
        if (c == 0) {
          NativeGemm.transposeATimes(lastInput, dZ, kernel.grad(), inputs, units, rows);
        } else {
          int r0 = NativeGemm.blockBound(rows, c - 1);
          int r1 = NativeGemm.blockBound(rows, c);
          NativeGemm.timesBTranspose(dZ, r0 * units, units, kernel.value(), units, dInput, r0 * inputs, inputs, r1 - r0,
              inputs, units);
        }
      }
    }
  }

  /** {@link #kernels} over the {@link NativeGemm#blocks} of {@code rows} result rows: items are block indices. */
  private final class Blocks implements KernelThreads.Range {
    int rows;

    @Override
    public void run(int from, int to) {
      for (int c = from; c < to; c++) {
        kernels.run(NativeGemm.blockBound(rows, c), NativeGemm.blockBound(rows, c + 1));
      }
    }
  }

  /**
   * The products of this layer as one reusable parallel task (set {@code op} and the operands,
   * then run it over a range of result rows), so a parallel product allocates nothing.
   */
  private final class Kernels implements KernelThreads.Range {
    static final int FORWARD = 0;
    static final int KERNEL_GRADIENT = 1;
    static final int INPUT_GRADIENT = 2;
    /** float32 only: kernelF = (float) kernel (and kernelTF when {@code kernelTFresh}), by kernel rows. */
    static final int KERNEL_TO_FLOAT = 3;
    /** float32 only: dzF = (float) dZ, by batch rows. */
    static final int DELTA_TO_FLOAT = 4;
    /** float32 only: kernelF and kernelTF = (float) kernel^T, by kernel rows, when the forward pass did not. */
    static final int KERNEL_TRANSPOSED_TO_FLOAT = 5;
    /** Plain relu only: dz = d * relu'(z) by batch rows (and dzF = (float) dz in float32). */
    static final int RELU_BACKWARD = 6;
    /** Wide layers: bias gradient = column sums of d, by columns (units). */
    static final int BIAS_GRADIENT = 7;
    /** float64, few inputs and wide units: the kernel gradient from the transposed input, by columns (units). */
    static final int KERNEL_GRADIENT_BY_COLUMNS = 8;
    int op;
    double[] a;
    double[] d;
    int rows;

    @Override
    public void run(int from, int to) {
      if (op == RELU_BACKWARD) {
        reluBackward(from, to);
        return;
      }
      if (op == BIAS_GRADIENT) {
        MatMul.columnSums(d, bias.grad(), rows, units, from, to);
        return;
      }
      if (op == KERNEL_GRADIENT_BY_COLUMNS) {
        double[] g = kernel.grad();
        for (int i = 0; i < inputs; i++) {
          Arrays.fill(g, i * units + from, i * units + to, 0.0);
        }
        MatMul.accumulate(inputT, rows, 1, d, units, g, units, 0, inputs, from, to, rows);
        return;
      }
      if (float32) {
        runFloat(from, to);
      } else {
        runDouble(from, to);
      }
      if (op == FORWARD && plainRelu) {
        // Bit for bit Relu.apply with its defaults, on this range's rows, without a call per element.
        for (int i = from * units, e = to * units; i < e; i++) {
          out[i] = Math.max(z[i], 0.0);
        }
      }
    }

    /** Rows {@code [from, to)} of relu's backward pass, bit for bit dOut * Relu.derivative. */
    private void reluBackward(int from, int to) {
      int o = from * units;
      int n = (to - from) * units;
      if (Simd.ENABLED && MatMul.wide(units)) {
        VectorElementwise.reluBackward(d, z, dz, o, n);
      } else {
        MatMul.reluBackward(d, z, dz, o, n);
      }
      if (float32) {
        Precision.toFloat(dz, o, dzF, o + n);
      }
    }

    private void runDouble(int from, int to) {
      switch (op) {
        case FORWARD -> {
          if (nativeProducts) {
            double[] b = bias == null ? null : bias.value();
            if (b != null) {
              for (int r = from; r < to; r++) {
                System.arraycopy(b, 0, z, r * units, units);
              }
            }
            NativeGemm.times(a, from * inputs, inputs, kernel.value(), units, z, from * units, units, to - from, units,
                inputs, b != null);
          } else {
            MatMul.affine(a, kernel.value(), bias == null ? null : bias.value(), z, inputs, units, from, to);
          }
        }
        case KERNEL_GRADIENT -> {
          if (inputT == null) {
            MatMul.transposeATimesB(a, d, kernel.grad(), rows, inputs, units, from, to);
          } else {
            MatMul.transposeColumns(a, rows, inputs, inputT, from, to);
            Arrays.fill(kernel.grad(), from * units, to * units, 0.0);
            MatMul.accumulate(inputT, rows, 1, d, units, kernel.grad(), units, from, to, units, rows);
          }
        }
        default -> MatMul.timesBTranspose(d, kernel.value(), kernelT, dInput, units, inputs, from, to);
      }
    }

    /** The same products in single precision; each range converts its own rows. */
    private void runFloat(int from, int to) {
      switch (op) {
        case FORWARD -> {
          if (inputTFresh) {
            Precision.toFloatWithTranspose(a, inputF, inputTF, inputTStride, inputs, from, to);
          } else {
            Precision.toFloat(a, from * inputs, inputF, to * inputs);
          }
          if (nativeProducts) {
            NativeGemm.times(inputF, from * inputs, inputs, kernelF, units, zF, from * units, units, to - from, units,
                inputs);
          } else {
            Arrays.fill(zF, from * units, to * units, 0f);
            MatMul.accumulate(inputF, inputs, 1, kernelF, units, zF, units, from, to, units, inputs);
          }
          double[] b = bias == null ? null : bias.value();
          for (int r = from; r < to; r++) {
            Precision.toDouble(zF, r * units, b, z, units);
          }
        }
        case KERNEL_GRADIENT -> {
          if (nativeProducts) {
            NativeGemm.transposeATimes(inputF, inputs, dzF, units, gradF, units, from, to - from, units, rows);
          } else {
            if (!inputTFresh) {
              // The last forward pass was not a training pass (a backward pass after inference).
              MatMul.transposeColumns(inputF, rows, inputs, inputTF, from, to);
            }
            Arrays.fill(gradF, from * units, to * units, 0f);
            MatMul.accumulate(inputTF, inputTStride, 1, dzF, units, gradF, units, from, to, units, rows);
          }
          Precision.toDouble(gradF, from * units, null, kernel.grad(), (to - from) * units);
        }
        case INPUT_GRADIENT -> {
          if (nativeProducts) {
            NativeGemm.timesBTranspose(dzF, from * units, units, kernelF, units, dInputF, from * inputs, inputs,
                to - from, inputs, units);
          } else {
            Arrays.fill(dInputF, from * inputs, to * inputs, 0f);
            MatMul.accumulate(dzF, units, 1, kernelTF, kernelTStride, dInputF, inputs, from, to, inputs, units);
          }
          Precision.toDouble(dInputF, from * inputs, null, dInput, (to - from) * inputs);
        }
        case KERNEL_TO_FLOAT -> Precision.toFloatWithTranspose(kernel.value(), kernelF, kernelTFresh ? kernelTF : null,
            kernelTStride, units, from, to);
        case DELTA_TO_FLOAT -> Precision.toFloat(d, from * units, dzF, to * units);
        default -> Precision.toFloatWithTranspose(kernel.value(), kernelF, kernelTF, kernelTStride, units, from, to);
      }
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

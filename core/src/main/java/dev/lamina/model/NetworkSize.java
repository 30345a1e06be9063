package dev.lamina.model;

import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.BatchNormalizationSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerNormalizationSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.PReluSpec;
import dev.lamina.spec.SpecException;
import java.util.Locale;

/**
 * The checks of a model spec that need no data and must come before anything is allocated
 * ({@link Model} runs them first, so {@code validate}, {@code summary}, training and the fluent
 * API all refuse the same specs the same way):
 *
 * <ul>
 *   <li>never {@code softmax} over one output unit (it always outputs 1.0);
 *   <li>the parameter count, in {@code long} arithmetic that cannot overflow, against
 *       {@link #MAX_PARAMETERS} (what a model file may hold);
 *   <li>the memory training needs (weights, gradients, optimizer slots, the activations of a batch)
 *       against the heap this JVM may use, with advice that names the real limit.
 * </ul>
 */
public final class NetworkSize {
  /** The most parameters a network may have: what a model file holds, 400 MB of float64 weights. */
  public static final long MAX_PARAMETERS = 50_000_000L;
  /** The share of the heap the network may take; the rest is for the data and the garbage collector. */
  static final double HEAP_SHARE = 0.5;
  private static final long BYTES_PER_VALUE = Double.BYTES;
  /** Values kept per activation of a batch: the output, its gradient and a layer's saved input. */
  private static final int ACTIVATION_COPIES = 3;
  /** Rows of a batch assumed when the spec does not say (Keras's default batch size). */
  static final int DEFAULT_BATCH = 32;

  private NetworkSize() {}

  /**
   * Checks {@code spec} for inputs of {@code inputWidth} columns (null when not known yet: the
   * first Dense layer's weights are then not counted) and a heap of {@code maxHeap} bytes.
   *
   * @return the parameter count (of the known layers)
   * @throws SpecException naming the layer (or {@code compile.loss}) and the fix
   */
  public static long check(ModelSpec spec, Integer inputWidth, long maxHeap) {
    long params = 0;
    long widths = 0;
    long width = inputWidth == null ? -1 : inputWidth;
    int lastDense = -1;
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec l = spec.layers().get(i);
      if (l instanceof DenseSpec d) {
        long in = i == 0 || width < 0 ? (d.inputDim() != null ? d.inputDim() : width) : width;
        long layer = in < 0 ? 0 : in * d.units() + (d.useBias() ? d.units() : 0); // < 2^62: both are ints
        params += layer;
        width = d.units();
        lastDense = i;
        if (params > MAX_PARAMETERS) {
          throw new SpecException("layers[" + i + "].dense.units", "layer " + i + " (Dense, " + d.units() + " units"
              + (in < 0 ? "" : " on " + in + " inputs") + ") brings the network to " + String.format(Locale.ROOT, "%,d",
              params) + " parameters, more than the " + String.format(Locale.ROOT, "%,d", MAX_PARAMETERS)
              + " Lamina trains and saves; use fewer units");
        }
      } else if (width > 0) {
        params += perUnit(l) * width;
      }
      widths += Math.max(width, 0);
    }
    checkOutput(spec, lastDense, width);
    checkMemory(spec, params, widths, maxHeap);
    return params;
  }

  /** Parameters per unit of a layer that keeps the width (normalization: gamma, beta and two moving statistics). */
  private static long perUnit(LayerSpec l) {
    if (l instanceof BatchNormalizationSpec) {
      return 4;
    }
    if (l instanceof LayerNormalizationSpec) {
      return 2;
    }
    return l instanceof PReluSpec ? 1 : 0;
  }

  /**
   * The output width against the final activation. (Against the loss it is checked where the
   * number of target columns is known: a network alone may be multi-label or multi-output.)
   */
  private static void checkOutput(ModelSpec spec, int lastDense, long width) {
    if (lastDense < 0) {
      return;
    }
    String where = "layers[" + lastDense + "].dense.units";
    String activation = finalActivation(spec, lastDense);
    if (width == 1 && "softmax".equals(activation)) {
      throw new SpecException(where, "the output layer has one unit with softmax, which always outputs 1.0 (it "
          + "normalizes over the units); for two classes use units: 1 with sigmoid and binary_crossentropy, for K "
          + "classes units: K with softmax");
    }
  }

  /** The activation the model ends with: a trailing Activation layer's, else the last Dense layer's. */
  private static String finalActivation(ModelSpec spec, int lastDense) {
    for (int i = spec.layers().size() - 1; i > lastDense; i--) {
      if (spec.layers().get(i) instanceof ActivationLayerSpec a) {
        return a.activation().name();
      }
    }
    DenseSpec d = (DenseSpec) spec.layers().get(lastDense);
    return d.activation() == null ? "linear" : d.activation().name();
  }

  private static void checkMemory(ModelSpec spec, long params, long widths, long maxHeap) {
    int slots = optimizerSlots(spec);
    long weights = params * BYTES_PER_VALUE * (2 + slots); // values, gradients, optimizer slots
    long activations = DEFAULT_BATCH * widths * BYTES_PER_VALUE * ACTIVATION_COPIES;
    long needed = weights + activations;
    if (needed > HEAP_SHARE * maxHeap) {
      throw new SpecException("layers", String.format(Locale.ROOT, "training this network needs about %s of memory "
          + "(%,d parameters, their gradients and %d optimizer slot%s), more than half of the %s heap this Java may "
          + "use; give Java more (e.g. java -Xmx%dg ...) or use fewer units", gb(needed), params, slots,
          slots == 1 ? "" : "s", gb(maxHeap), Math.max(1, (long) Math.ceil(2.5 * needed / (1L << 30)))));
    }
  }

  private static String gb(long bytes) {
    return bytes < (1L << 30) ? (bytes >> 20) + " MB" : String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
  }

  /** Values the optimizer keeps per parameter: Adam's two moments, RMSprop's and Adagrad's one, SGD's momentum. */
  private static int optimizerSlots(ModelSpec spec) {
    if (spec.compile() == null || spec.compile().optimizer() == null) {
      return 0;
    }
    String name = spec.compile().optimizer().name().toLowerCase(Locale.ROOT);
    return name.startsWith("adam") || name.startsWith("nadam") || name.equals("adam_w") ? 2 : 1;
  }
}

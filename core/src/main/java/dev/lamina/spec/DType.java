package dev.lamina.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The precision of a model's weights, optimizer state and products, by Keras's dtype names.
 *
 * <ul>
 *   <li>{@code float64} (the default): everything in double precision; what the gradient checks
 *       and the Keras/PyTorch agreement tests run on.
 *   <li>{@code float32}: as Keras's float32, every Dense layer with at least 16 inputs or 16 units
 *       and an element-wise activation runs in single precision: its kernel and bias are float32,
 *       its activations (input, pre-activation, output and their gradients) are float32 and pass
 *       between consecutive such layers as they are, its three products (forward, kernel gradient,
 *       input gradient) have float32 sums, and its optimizer state is float32, updated in float32
 *       arithmetic by every optimizer (clipping, regularizers and constraints compute in double on
 *       a widened copy and store the result back in float32). Dense layers narrow both ways and
 *       softmax layers, the other layer types, the loss and the metrics stay float64 (a batch is
 *       rounded or widened where a float32 layer meets one of them). Results agree with float64 to
 *       about 1e-6 relative per step; saved weights are float32 values, so they load back to the
 *       same bits.
 * </ul>
 */
public enum DType {
  /** Double precision throughout (default). */
  FLOAT64("float64"),
  /** Dense layers of 16+ inputs or units: weights, optimizer state, activations and products in single precision. */
  FLOAT32("float32");

  /** The default: double precision. */
  public static final DType DEFAULT = FLOAT64;

  private final String kerasName;

  DType(String kerasName) {
    this.kerasName = kerasName;
  }

  /** Keras's name, as written in YAML ({@code float64}, {@code float32}). */
  public String kerasName() {
    return kerasName;
  }

  /**
   * The dtype named {@code name} (case-insensitive; {@code double} and {@code float} are accepted
   * as aliases).
   *
   * @throws SpecException at {@code path} naming the allowed values, with a "did you mean"
   */
  public static DType of(String name, String path) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (DType t : values()) {
      if (t.kerasName.equals(n)) {
        return t;
      }
    }
    if (n.equals("double")) {
      return FLOAT64;
    }
    if (n.equals("float")) {
      return FLOAT32;
    }
    List<String> names = new ArrayList<>();
    for (DType t : values()) {
      names.add(t.kerasName);
    }
    throw new SpecException(path, "unknown value '" + name + "'; use float64 (the default) or float32."
        + Names.didYouMean(n, names));
  }
}

package dev.lamina.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The precision of a model's matrix products, by Keras's dtype names.
 *
 * <ul>
 *   <li>{@code float64} (the default): everything in double precision; what the gradient checks
 *       and the Keras/PyTorch agreement tests run on.
 *   <li>{@code float32}: the three products (forward, kernel gradient, input gradient) of every
 *       Dense layer with at least 16 inputs and 16 units take float32 operands and accumulate in
 *       float32, for twice the SIMD width (narrower layers keep double products, where the
 *       conversions would cost more than they save); the
 *       weights, optimizer state, biases, activations between layers, loss and metrics stay double
 *       (like Keras's mixed-precision policies, with float32 as the compute dtype and float64 as the
 *       variable dtype). Results then agree with float64 to about 1e-6 relative per product.
 * </ul>
 */
public enum DType {
  /** Double precision throughout (default). */
  FLOAT64("float64"),
  /** Dense products in single precision; weights and state in double. */
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

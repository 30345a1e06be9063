package dev.lamina.layertype;

/**
 * One tensor of a layer as a Keras file stores it.
 *
 * @param role Keras's weight name ({@code kernel}, {@code bias}, {@code gamma}, {@code moving_mean}, ...);
 *     the built layer's tensor is named {@code <layer name>/<role>}
 * @param shape its shape ({@code [input_dim, units]} for a kernel, {@code [units]} for a bias)
 * @param state true for non-trainable state (moving statistics, adapted mean and variance)
 */
public record WeightSlot(String role, long[] shape, boolean state) {
  /** A trainable tensor. */
  public static WeightSlot trainable(String role, long... shape) {
    return new WeightSlot(role, shape, false);
  }

  /** A non-trainable state tensor. */
  public static WeightSlot state(String role, long... shape) {
    return new WeightSlot(role, shape, true);
  }

  /** The number of values. */
  public long size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }
}

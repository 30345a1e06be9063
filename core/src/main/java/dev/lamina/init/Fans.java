package dev.lamina.init;

/**
 * The fan-in and fan-out of a weight tensor, as Keras's {@code compute_fans} defines them.
 *
 * <p>A Dense kernel has shape {@code (input_dim, units)}: fan_in = input_dim (the inputs each unit
 * sums), fan_out = units. Rank 1 (a bias): both are shape[0]. Rank 0: both 1. Rank &gt;= 3:
 * fan_in = shape[-2] x receptive field, fan_out = shape[-1] x receptive field. (PyTorch stores a
 * Linear weight transposed, {@code (out, in)}, and reads its fans the other way round.)
 *
 * @param fanIn number of inputs feeding each unit
 * @param fanOut number of units each input feeds
 */
public record Fans(double fanIn, double fanOut) {
  /** The fans of a tensor of the given shape. */
  public static Fans of(int... shape) {
    if (shape.length == 0) {
      return new Fans(1, 1);
    }
    if (shape.length == 1) {
      return new Fans(shape[0], shape[0]);
    }
    if (shape.length == 2) {
      return new Fans(shape[0], shape[1]);
    }
    double receptive = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      receptive *= shape[i];
    }
    return new Fans(shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive);
  }

  /** (fan_in + fan_out) / 2, Keras's {@code fan_avg}. */
  public double fanAvg() {
    return (fanIn + fanOut) / 2;
  }
}

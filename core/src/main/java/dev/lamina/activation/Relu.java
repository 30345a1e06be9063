package dev.lamina.activation;

import dev.lamina.parallel.VectorApi;

/**
 * Keras 3's {@code relu(x, negative_slope=0.0, max_value=None, threshold=0.0)} (Nair and Hinton,
 * 2010), exactly as Keras composes it:
 *
 * <pre>
 *   positive = threshold != 0 ? (x &gt; threshold ? x : 0) : max(x, 0)
 *   positive = clip(positive, 0, max_value)            when max_value is set
 *   f(x)     = positive - negative_slope * max(threshold - x, 0)
 * </pre>
 *
 * With the defaults this is max(x, 0). Note that above a non-zero threshold Keras passes x itself,
 * not x - threshold. The derivative is 1 where the positive part passes x (and is not clipped),
 * plus negative_slope where x &lt; threshold; at x = threshold exactly it is 0, as TensorFlow's
 * relu gradient is at 0. Keras 2 called {@code negative_slope} {@code alpha}.
 */
public final class Relu extends ElementwiseActivation {
  /** The canonical name. */
  public static final String NAME = "relu";
  /** Keras's default slope below the threshold. */
  public static final double DEFAULT_NEGATIVE_SLOPE = 0.0;
  /** Keras's default threshold. */
  public static final double DEFAULT_THRESHOLD = 0.0;

  private final double negativeSlope;
  private final Double maxValue;
  private final double threshold;
  private final double clip;

  /** The plain rectifier, max(x, 0). */
  public Relu() {
    this(DEFAULT_NEGATIVE_SLOPE, null, DEFAULT_THRESHOLD);
  }

  /**
   * A configured rectifier.
   *
   * @param negativeSlope slope below the threshold, finite and &gt;= 0 (Keras's ReLU layer rule)
   * @param maxValue the saturation value, &gt;= 0, or null for none
   * @param threshold where the function switches from the negative to the positive piece
   */
  public Relu(double negativeSlope, Double maxValue, double threshold) {
    super(NAME);
    if (!(negativeSlope >= 0) || Double.isInfinite(negativeSlope)) {
      throw new IllegalArgumentException("relu negative_slope must be a finite number >= 0, got " + negativeSlope);
    }
    if (maxValue != null && !(maxValue >= 0)) {
      throw new IllegalArgumentException("relu max_value must be >= 0 or absent, got " + maxValue);
    }
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("relu threshold must be a finite number, got " + threshold);
    }
    this.negativeSlope = negativeSlope;
    this.maxValue = maxValue;
    this.threshold = threshold;
    this.clip = maxValue == null ? Double.POSITIVE_INFINITY : maxValue;
  }

  /** The slope below the threshold. */
  public double negativeSlope() {
    return negativeSlope;
  }

  /** The saturation value, or null when there is none. */
  public Double maxValue() {
    return maxValue;
  }

  /** The threshold. */
  public double threshold() {
    return threshold;
  }

  private double positive(double x) {
    double p = threshold != 0 ? (x > threshold ? x : 0) : Math.max(x, 0);
    return maxValue == null ? p : Math.min(Math.max(p, 0), clip);
  }

  @Override
  public double apply(double x) {
    // Keras adds the negative part only when negative_slope != 0: relu(-inf) is 0, not 0 * inf.
    double negative = negativeSlope != 0 && x < threshold ? negativeSlope * (threshold - x) : 0;
    return positive(x) - negative;
  }

  @Override
  public double derivative(double x, double y) {
    boolean passes = threshold != 0 ? x > threshold : x > 0;
    if (passes && maxValue != null && (x > clip || x < 0)) {
      passes = false;
    }
    return (passes ? 1 : 0) + (x < threshold ? negativeSlope : 0);
  }

  /** Bits of +1.0, the derivative where the plain rectifier passes x. */
  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
  /** Bits of +infinity, the largest non-NaN double whose bits are positive. */
  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  /** Whether this is Keras's default relu, max(x, 0), which gets the loops below. */
  private boolean plain() {
    return negativeSlope == 0 && maxValue == null && threshold == 0;
  }

  /**
   * Ranges shorter than this (a narrow layer's small batch) take the rectifier as bit operations:
   * C1 compiles {@code Math.max} as a call (15% of a short training compiled by C1 alone, the
   * command line's mode for one, see dsl's SharedArchive); longer ranges keep {@code Math.max},
   * which C2 vectorizes.
   */
  static final int SHORT_RANGE = 256;

  /**
   * The plain rectifier as one {@code Math.max} per element (bit for bit {@link #apply}), over a
   * short range as bits: z where 0 &lt; b &lt;= bits(+inf) or z is a NaN (b the raw bits of z, as in
   * {@link #backwardRange}), else +0; the same values. Other settings use {@link #apply}.
   */
  @Override
  public void forwardRange(double[] z, double[] out, int from, int to) {
    if (!plain()) {
      super.forwardRange(z, out, from, to);
      return;
    }
    if (to - from < SHORT_RANGE) {
      for (int i = from; i < to; i++) {
        long b = Double.doubleToRawLongBits(z[i]);
        long keep = ((-b & (b - INFINITY_BITS - 1)) | (INFINITY_BITS - (b & Long.MAX_VALUE))) >> 63;
        out[i] = Double.longBitsToDouble(b & keep);
      }
      return;
    }
    for (int i = from; i < to; i++) {
      out[i] = Math.max(z[i], 0.0);
    }
  }

  /**
   * The plain rectifier's backward pass, dZ = dOut * (z &gt; 0 ? 1 : 0) bit for bit, without a
   * branch: the signs are a coin toss per element, so a branch mispredicts about half the time.
   * z &gt; 0 exactly when the raw bits b of z satisfy 0 &lt; b &lt;= bits(+inf) (this leaves out +0,
   * every negative value including -0, and every NaN), and the sign bit of
   * {@code -b & (b - bits(+inf) - 1)} is set exactly then. Long ranges run on {@link VectorRelu}
   * when {@link VectorApi} is on (C2 leaves the bit moves scalar: 0.9 ns an element against
   * 0.25-0.30 measured, 256x256, one thread), the same values. Other settings use {@link #derivative}.
   */
  @Override
  public void backwardRange(double[] z, double[] out, double[] dOut, double[] dZ, int from, int to) {
    if (!plain()) {
      super.backwardRange(z, out, dOut, dZ, from, to);
      return;
    }
    int start = VectorApi.enabled() && to - from >= SHORT_RANGE ? VectorRelu.backward(z, dOut, dZ, from, to) : from;
    for (int i = start; i < to; i++) {
      long b = Double.doubleToRawLongBits(z[i]);
      long positive = (-b & (b - INFINITY_BITS - 1)) >> 63;
      dZ[i] = dOut[i] * Double.longBitsToDouble(positive & ONE_BITS);
    }
  }

  /** The plain rectifier's fused pass on {@link VectorRelu} when {@link VectorApi} is on; the same values. */
  @Override
  public void backwardColumns(double[] z, double[] out, double[] dOut, double[] dZ, double[] sums, int rows, int cols,
      int j0, int j1) {
    int j = plain() && VectorApi.enabled() ? VectorRelu.backwardColumns(z, dOut, dZ, sums, rows, cols, j0, j1) : j0;
    if (j < j1) {
      super.backwardColumns(z, out, dOut, dZ, sums, rows, cols, j, j1);
    }
  }

  /** The float {@link #backwardColumns(double[], double[], double[], double[], double[], int, int, int, int)}. */
  @Override
  public void backwardColumns(float[] z, float[] out, float[] dOut, float[] dZ, float[] sums, int rows, int cols,
      int j0, int j1) {
    int j = plain() && VectorApi.enabled() ? VectorRelu.backwardColumns(z, dOut, dZ, sums, rows, cols, j0, j1) : j0;
    if (j < j1) {
      super.backwardColumns(z, out, dOut, dZ, sums, rows, cols, j, j1);
    }
  }

  /** Bits of +1.0f. */
  private static final int ONE_FLOAT_BITS = Float.floatToRawIntBits(1.0f);
  /** Bits of +infinity in float. */
  private static final int INFINITY_FLOAT_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

  /** The plain rectifier in float, {@code Math.max(z, 0f)}: the same bits as the rounded double {@link #apply}. */
  @Override
  public void forwardRange(float[] z, float[] out, int from, int to) {
    if (!plain()) {
      super.forwardRange(z, out, from, to);
      return;
    }
    for (int i = from; i < to; i++) {
      out[i] = Math.max(z[i], 0f);
    }
  }

  /**
   * The plain rectifier's backward pass in float, branch-free as the double one, on the 32-bit
   * pattern of z: dZ = dOut * (z &gt; 0 ? 1 : 0), the same bits as the rounded double product; on
   * {@link VectorRelu} when {@link VectorApi} is on, the same values.
   */
  @Override
  public void backwardRange(float[] z, float[] out, float[] dOut, float[] dZ, int from, int to) {
    if (!plain()) {
      super.backwardRange(z, out, dOut, dZ, from, to);
      return;
    }
    int start = VectorApi.enabled() ? VectorRelu.backward(z, dOut, dZ, from, to) : from;
    for (int i = start; i < to; i++) {
      int b = Float.floatToRawIntBits(z[i]);
      int positive = (-b & (b - INFINITY_FLOAT_BITS - 1)) >> 31;
      dZ[i] = dOut[i] * Float.intBitsToFloat(positive & ONE_FLOAT_BITS);
    }
  }

  @Override
  public boolean isReluFamily() {
    return true;
  }
}

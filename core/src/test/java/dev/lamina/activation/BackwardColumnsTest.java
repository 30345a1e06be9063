package dev.lamina.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.random.Rng;
import dev.lamina.spec.ComponentSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ElementwiseActivation#backwardColumns}, the backward pass fused with the column sums (a
 * wide Dense layer's bias gradient), for every element-wise activation of the registry and the
 * configured variants of {@link ActivationGradientTest}: bit for bit what the two separate passes
 * give ({@link ElementwiseActivation#backwardRange} over the whole batch, then each column summed
 * from 0 in row order), in double and in float, for a column range split into pieces that are
 * not whole vectors (as threads split a layer's units), with a NaN, zeros of both signs and
 * infinities among z and dOut; columns outside the range are left alone.
 */
class BackwardColumnsTest {
  private static final int ROWS = 37;
  private static final int COLS = 83;
  /** Column boundaries of the pieces: the first and last are not multiples of any vector length. */
  private static final int[] PIECES = {3, 11, 48, 80};
  private static final double[] SPECIALS = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
  private static final double SENTINEL = 12345.0;

  static java.util.stream.Stream<ComponentSpec> activations() {
    return ActivationGradientTest.activations();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void fusedPassEqualsTheTwoPassesInDouble(ComponentSpec spec) {
    if (!(Activations.create(spec, "test") instanceof ElementwiseActivation act)) {
      return; // softmax: not element-wise, never fused
    }
    double[] z = batch(new Rng(1));
    double[] dOut = batch(new Rng(2));
    double[] out = new double[z.length];
    act.forwardRange(z, out, 0, z.length);
    double[] expected = new double[z.length];
    act.backwardRange(z, out, dOut, expected, 0, z.length);
    double[] fused = new double[z.length];
    java.util.Arrays.fill(fused, SENTINEL);
    double[] sums = new double[COLS];
    java.util.Arrays.fill(sums, SENTINEL);
    for (int p = 0; p + 1 < PIECES.length; p++) {
      act.backwardColumns(z, out, dOut, fused, sums, ROWS, COLS, PIECES[p], PIECES[p + 1]);
    }
    for (int r = 0; r < ROWS; r++) {
      for (int j = 0; j < COLS; j++) {
        int i = r * COLS + j;
        double want = inRange(j) ? expected[i] : SENTINEL;
        assertThat(Double.doubleToLongBits(fused[i])).as("dZ[%d, %d] of z=%s dOut=%s", r, j, z[i], dOut[i])
            .isEqualTo(Double.doubleToLongBits(want));
      }
    }
    for (int j = 0; j < COLS; j++) {
      double want = SENTINEL;
      if (inRange(j)) {
        want = 0.0;
        for (int r = 0; r < ROWS; r++) {
          want += expected[r * COLS + j];
        }
      }
      assertThat(Double.doubleToLongBits(sums[j])).as("sum of column %d", j).isEqualTo(Double.doubleToLongBits(want));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void fusedPassEqualsTheTwoPassesInFloat(ComponentSpec spec) {
    if (!(Activations.create(spec, "test") instanceof ElementwiseActivation act)) {
      return;
    }
    float[] z = toFloat(batch(new Rng(3)));
    float[] dOut = toFloat(batch(new Rng(4)));
    float[] out = new float[z.length];
    act.forwardRange(z, out, 0, z.length);
    float[] expected = new float[z.length];
    act.backwardRange(z, out, dOut, expected, 0, z.length);
    float[] fused = new float[z.length];
    java.util.Arrays.fill(fused, (float) SENTINEL);
    float[] sums = new float[COLS];
    java.util.Arrays.fill(sums, (float) SENTINEL);
    for (int p = 0; p + 1 < PIECES.length; p++) {
      act.backwardColumns(z, out, dOut, fused, sums, ROWS, COLS, PIECES[p], PIECES[p + 1]);
    }
    for (int r = 0; r < ROWS; r++) {
      for (int j = 0; j < COLS; j++) {
        int i = r * COLS + j;
        float want = inRange(j) ? expected[i] : (float) SENTINEL;
        assertThat(Float.floatToIntBits(fused[i])).as("dZ[%d, %d] of z=%s dOut=%s", r, j, z[i], dOut[i])
            .isEqualTo(Float.floatToIntBits(want));
      }
    }
    for (int j = 0; j < COLS; j++) {
      float want = (float) SENTINEL;
      if (inRange(j)) {
        want = 0f;
        for (int r = 0; r < ROWS; r++) {
          want += expected[r * COLS + j];
        }
      }
      assertThat(Float.floatToIntBits(sums[j])).as("sum of column %d", j).isEqualTo(Float.floatToIntBits(want));
    }
  }

  private static boolean inRange(int j) {
    return j >= PIECES[0] && j < PIECES[PIECES.length - 1];
  }

  /** Gaussian values with the special ones sprinkled in (every 17th element). */
  private static double[] batch(Rng rng) {
    double[] v = new double[ROWS * COLS];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 17 == 5 ? SPECIALS[(i / 17) % SPECIALS.length] : 3 * rng.nextGaussian();
    }
    return v;
  }

  private static float[] toFloat(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }
}

package dev.lamina.init;

import dev.lamina.random.Rng;
import dev.lamina.spec.SpecException;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A random (semi-)orthogonal matrix times {@code gain}: for a {@code rows x cols} kernel with
 * {@code rows >= cols} the columns are orthonormal ({@code W^T W = gain^2 I}), otherwise the rows
 * are ({@code W W^T = gain^2 I}).
 *
 * <p>Keras's {@code Orthogonal} ({@code orthogonal}, alias {@code OrthogonalInitializer}), default
 * {@code gain=1.0}, with Keras's algorithm: rows = product of all dimensions but the last, cols = the
 * last; draw A ~ N(0, 1) of shape {@code (max(rows, cols), min(rows, cols))}; QR-decompose it
 * (commons-math3 {@link QRDecomposition}); multiply each column of Q by the sign of the matching
 * diagonal entry of R, which makes the result Haar-distributed (uniform over orthogonal matrices)
 * instead of biased by the decomposition's sign convention; transpose when rows &lt; cols; times
 * gain. PyTorch's {@code nn.init.orthogonal_} is the same up to its transposed weight layout. Rank
 * below 2 is an error. Memory: the decomposition forms the full square Q of side
 * {@code max(rows, cols)}. Paper: Saxe, McClelland and Ganguli, "Exact solutions to the nonlinear
 * dynamics of learning in deep linear neural networks", ICLR 2014.
 *
 * @param gain the multiplier, finite
 * @param seed this initializer's own seed, or null to use the one derived for the parameter
 */
public record Orthogonal(double gain, Long seed) implements Initializer {
  /** Canonical name. */
  public static final String NAME = "orthogonal";
  /** Keras's default gain. */
  public static final double DEFAULT_GAIN = 1.0;

  /** Validates the gain. */
  public Orthogonal {
    if (!Double.isFinite(gain)) {
      throw new SpecException("gain", NAME + " needs a finite gain, got " + gain);
    }
  }

  /** Keras's default, gain 1, unseeded. */
  public Orthogonal() {
    this(DEFAULT_GAIN, null);
  }

  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    if (shape.length < 2) {
      throw new SpecException("", NAME + " needs a tensor of rank 2 or more (a kernel), got shape "
          + Arrays.toString(shape) + "; use zeros or a random initializer for biases");
    }
    int cols = shape[shape.length - 1];
    int rows = Initializer.size(shape) / Math.max(1, cols);
    int tall = Math.max(rows, cols);
    int narrow = Math.min(rows, cols);
    if (narrow == 0) {
      return;
    }
    double[][] a = new double[tall][narrow];
    for (double[] row : a) {
      for (int j = 0; j < narrow; j++) {
        row[j] = rng.nextGaussian();
      }
    }
    QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(a, false));
    RealMatrix q = qr.getQ();
    RealMatrix r = qr.getR();
    double[] sign = new double[narrow];
    for (int j = 0; j < narrow; j++) {
      // A zero diagonal has probability 0; +1 keeps the column rather than zeroing it.
      sign[j] = r.getEntry(j, j) < 0 ? -gain : gain;
    }
    boolean transpose = rows < cols;
    for (int i = 0; i < tall; i++) {
      for (int j = 0; j < narrow; j++) {
        double v = q.getEntry(i, j) * sign[j];
        if (transpose) {
          out[j * cols + i] = v;
        } else {
          out[i * cols + j] = v;
        }
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }
}

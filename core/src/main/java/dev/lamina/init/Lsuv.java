package dev.lamina.init;

import dev.lamina.random.Rng;
import dev.lamina.spec.SpecException;

/**
 * Layer-sequential unit-variance initialization (LSUV; Mishkin &amp; Matas, "All you need is a good
 * init", ICLR 2016): start from orthogonal weights, then, layer by layer from the input, pass a
 * batch of training rows through the network and divide the layer's kernel by
 * {@code sqrt(Var(z))}, where {@code z} is the layer's pre-activation output, until
 * {@code |Var(z) - 1| < tolerance} or {@code max_iterations} rescalings were made.
 *
 * <p>Data-dependent, so it works in two steps: {@link #fill} draws the orthogonal pre-init (gain 1)
 * when the layer is built, and {@code Model.initializeDataDependent} does the rescaling on the
 * first {@code fit} (or when called directly). The batch rows are drawn with the model seed, so the
 * result is reproducible. Defaults follow the paper: {@code tolerance} 0.1 (its Tol_var),
 * {@code max_iterations} 10 (its T_max); {@code batch} 256 rows. Not a Keras initializer.
 *
 * @param tolerance the accepted distance of the output variance from 1, in (0, 1)
 * @param maxIterations the most rescalings per layer, at least 1
 * @param batch the number of training rows used, at least 2
 * @param seed the orthogonal pre-init's own seed, or null
 */
public record Lsuv(double tolerance, int maxIterations, int batch, Long seed) implements Initializer {
  /** Canonical name. */
  public static final String NAME = "lsuv";
  /** The paper's Tol_var. */
  public static final double DEFAULT_TOLERANCE = 0.1;
  /** The paper's T_max. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;
  /** Rows of the variance batch. */
  public static final int DEFAULT_BATCH = 256;

  /** Validates. */
  public Lsuv {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new SpecException("tolerance", "tolerance must be in (0, 1), got " + tolerance
          + ". It is the accepted |variance - 1|, e.g. 0.1");
    }
    if (maxIterations < 1) {
      throw new SpecException("max_iterations", "max_iterations must be at least 1, got " + maxIterations);
    }
    if (batch < 2) {
      throw new SpecException("batch", "batch must be at least 2 rows to estimate a variance, got " + batch);
    }
  }

  /** The paper's defaults, unseeded. */
  public Lsuv() {
    this(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, DEFAULT_BATCH, null);
  }

  /** The orthogonal pre-init (gain 1); the data-dependent rescaling happens later. */
  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    new Orthogonal(1.0, seed).fill(out, shape, rng);
  }

  @Override
  public String name() {
    return NAME;
  }
}

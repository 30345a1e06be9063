package dev.lamina.run;

import dev.lamina.spec.SpecException;

/**
 * The {@code predict:} section: a row is class 1 when its probability is strictly greater than
 * {@code threshold} (Keras's {@code predict(x) > 0.5}).
 *
 * @param threshold the decision threshold in (0, 1), default 0.5
 */
public record PredictSpec(double threshold) {
  /** The article's threshold. */
  public static final double DEFAULT_THRESHOLD = 0.5;
  /** The default section. */
  public static final PredictSpec DEFAULT = new PredictSpec(DEFAULT_THRESHOLD);

  /** Validates. */
  public PredictSpec {
    if (!(threshold > 0 && threshold < 1)) {
      throw new SpecException("threshold", "threshold must be in (0, 1), got " + threshold);
    }
  }
}

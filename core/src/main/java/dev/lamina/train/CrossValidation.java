package dev.lamina.train;

import dev.lamina.spec.SpecException;

/**
 * {@code fit: {cross_validation: {folds: 5, stratified: true, repeats: 1, refit: true}}}: k-fold
 * cross-validation of the training rows (scikit-learn's {@code cross_validate} with
 * {@code KFold}/{@code StratifiedKFold(shuffle=True)}, {@code RepeatedKFold} when repeats &gt; 1).
 *
 * <p>Each fold trains on the other folds' rows and is scored on its own; every fitted step of the
 * data pipeline (fill values, the scaler) is refitted on the fold's training rows only, so no
 * statistic of a scored row leaks into its training. The test rows are never part of a fold.
 *
 * @param folds the number of folds, at least 2 (default {@value #DEFAULT_FOLDS})
 * @param stratified whether each fold keeps the label proportions (default false: plain k-fold,
 *     right for regression targets too)
 * @param repeats how many times the whole k-fold is redone with another shuffle, at least 1
 * @param refit whether a run then trains the final model on all training rows (default true; off:
 *     only the folds' metrics are written)
 */
public record CrossValidation(int folds, boolean stratified, int repeats, boolean refit) {
  /** Folds when {@code folds} is not given (scikit-learn's default). */
  public static final int DEFAULT_FOLDS = 5;

  /** Validates. */
  public CrossValidation {
    if (folds < 2) {
      throw new SpecException("cross_validation.folds", "folds must be at least 2, got " + folds
          + "; 5 or 10 are usual");
    }
    if (repeats < 1) {
      throw new SpecException("cross_validation.repeats", "repeats must be at least 1, got " + repeats);
    }
  }

  /** {@code folds}-fold cross-validation with the other defaults. */
  public static CrossValidation of(int folds) {
    return new CrossValidation(folds, false, 1, true);
  }

  /** The number of trainings: folds x repeats. */
  public int trainings() {
    return folds * repeats;
  }
}

package dev.lamina.train;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arguments of Keras's {@code fit}: {@code Fit.epochs(100).batchSize(10).validationSplit(0.33)}.
 *
 * <p>Defaults as Keras: {@code batch_size} 32, {@code validation_split} 0 (the <em>last</em>
 * fraction of the rows, taken before shuffling), {@code shuffle} true (every epoch). Callbacks are
 * given by name and arguments ({@code early_stopping}, {@code reduce_lr_on_plateau},
 * {@code model_checkpoint}, {@code terminate_on_nan}) so a fit writes out as YAML.
 *
 * @param epochs number of epochs, at least 1
 * @param batchSize rows per gradient step, at least 1
 * @param validationSplit fraction of rows held out for validation, in [0, 1)
 * @param shuffle whether to reshuffle the training rows every epoch
 * @param callbacks callbacks by name and arguments
 * @param classWeight Keras's {@code class_weight} (see {@link ClassWeight}), or null for none
 * @param crossValidation k-fold cross-validation of the training rows (see {@link CrossValidation}),
 *     or null for none; the training loop ignores it, a run or a search acts on it
 */
public record Fit(int epochs, int batchSize, double validationSplit, boolean shuffle, List<ComponentSpec> callbacks,
    ClassWeight classWeight, CrossValidation crossValidation) {
  /** Keras's default batch size. */
  public static final int DEFAULT_BATCH_SIZE = 32;
  /** Decimals of a split bound shown in a message. */
  private static final int SHOWN_DECIMALS = 4;

  /** Validates. */
  public Fit {
    if (epochs < 1) {
      throw new SpecException("epochs", "epochs must be at least 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new SpecException("batch_size", "batch_size must be at least 1, got " + batchSize);
    }
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new SpecException("validation_split", "validation_split must be in [0, 1), got " + validationSplit
          + ". It is the fraction of the training rows held out, e.g. 0.2");
    }
    callbacks = callbacks == null ? List.of() : List.copyOf(callbacks);
  }

  /** A fit without class weights (the form before {@code class_weight} existed). */
  public Fit(int epochs, int batchSize, double validationSplit, boolean shuffle, List<ComponentSpec> callbacks) {
    this(epochs, batchSize, validationSplit, shuffle, callbacks, null, null);
  }

  /** A fit without cross-validation (the form before {@code cross_validation} existed). */
  public Fit(int epochs, int batchSize, double validationSplit, boolean shuffle, List<ComponentSpec> callbacks,
      ClassWeight classWeight) {
    this(epochs, batchSize, validationSplit, shuffle, callbacks, classWeight, null);
  }

  /** A copy with k-fold cross-validation ({@link CrossValidation#of}), or null for none. */
  public Fit crossValidation(CrossValidation cv) {
    return new Fit(epochs, batchSize, validationSplit, shuffle, callbacks, classWeight, cv);
  }

  /** A fit of {@code n} epochs with Keras's other defaults. */
  public static Fit epochs(int n) {
    return new Fit(n, DEFAULT_BATCH_SIZE, 0.0, true, List.of());
  }

  /** A copy with another batch size. */
  public Fit batchSize(int b) {
    return new Fit(epochs, b, validationSplit, shuffle, callbacks, classWeight, crossValidation);
  }

  /** A copy with another validation split. */
  public Fit validationSplit(double v) {
    return new Fit(epochs, batchSize, v, shuffle, callbacks, classWeight, crossValidation);
  }

  /** A copy with shuffling on or off. */
  public Fit shuffle(boolean s) {
    return new Fit(epochs, batchSize, validationSplit, s, callbacks, classWeight, crossValidation);
  }

  /** A copy with these callbacks. */
  public Fit callbacks(ComponentSpec... c) {
    return new Fit(epochs, batchSize, validationSplit, shuffle, List.of(c), classWeight, crossValidation);
  }

  /** A copy with these callbacks. */
  public Fit callbacks(List<ComponentSpec> c) {
    return new Fit(epochs, batchSize, validationSplit, shuffle, c, classWeight, crossValidation);
  }

  /** A copy with another number of epochs. */
  public Fit withEpochs(int n) {
    return new Fit(n, batchSize, validationSplit, shuffle, callbacks, classWeight, crossValidation);
  }

  /** A copy with class weights ({@link ClassWeight#BALANCED} or {@link ClassWeight#of}); null for none. */
  public Fit classWeight(ClassWeight w) {
    return new Fit(epochs, batchSize, validationSplit, shuffle, callbacks, w, crossValidation);
  }

  /** A copy with explicit class weights, e.g. {@code Map.of(0, 1.0, 1, 3.9)}. */
  public Fit classWeight(java.util.Map<Integer, Double> w) {
    return classWeight(ClassWeight.of(w));
  }

  /**
   * A copy with class weights by class name as the target column writes them, e.g.
   * {@code Map.of("setosa", 1.0, "virginica", 2.0)} (YAML's {@code class_weight: {setosa: 1.0,
   * virginica: 2.0}}); a run checks the names against the target's classes before training.
   */
  public Fit classWeightByName(java.util.Map<String, Double> w) {
    return classWeight(ClassWeight.named(w));
  }

  /** A copy with {@code class_weight: balanced}. */
  public Fit balancedClassWeight() {
    return classWeight(ClassWeight.BALANCED);
  }

  /**
   * The first validation row when {@code validation_split} holds out the last fraction of
   * {@code rows} (Keras's {@code split_at = floor(rows * (1 - validation_split))}); {@code rows}
   * when there is no split.
   */
  public int validationStart(int rows) {
    return validationStart(validationSplit, rows);
  }

  private static int validationStart(double split, int rows) {
    return split == 0 ? rows : (int) Math.floor(rows * (1 - split));
  }

  /**
   * The largest {@code validation_split} of four decimals that leaves at least one of {@code rows}
   * (at least 2) rows for training under {@link #validationStart}'s rule: {@code 1 - 1/rows}
   * rounded down, and lower still where the product rounds below 1 ({@code 5 * (1 - 0.8)} is
   * {@code 0.99999...}), so a message that states it states a value that works.
   */
  public static BigDecimal largestValidationSplit(int rows) {
    BigDecimal step = BigDecimal.ONE.movePointLeft(SHOWN_DECIMALS);
    BigDecimal v = BigDecimal.valueOf(1 - 1.0 / rows).setScale(SHOWN_DECIMALS, RoundingMode.FLOOR);
    while (v.signum() > 0 && validationStart(v.doubleValue(), rows) < 1) {
      v = v.subtract(step);
    }
    return v.stripTrailingZeros();
  }
}

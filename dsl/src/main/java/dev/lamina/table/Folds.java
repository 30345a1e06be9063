package dev.lamina.table;

import dev.lamina.random.Rng;
import dev.lamina.train.CrossValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The folds of a k-fold cross-validation, as train/test {@link Split}s of row indices.
 *
 * <p>Repeat {@code r} shuffles the training rows with {@code Rng.forPath(seed, "data/cv/r")}.
 * Plain k-fold then cuts the shuffled rows into k consecutive folds, the first {@code n % k} one
 * row larger (scikit-learn's {@code KFold}). Stratified: the rows of each class (in label order)
 * are dealt to the folds in turn, continuing from fold to fold across classes, so every fold holds
 * each class's share to within one row. A fold's training rows are the other folds' rows, in
 * shuffled order; its test rows are its own.
 */
final class Folds {
  /** The random stream of repeat {@code r} is {@code RNG_PATH + r} under the run's seed. */
  static final String RNG_PATH = "data/cv/";

  private Folds() {}

  /**
   * The {@code cv.folds() * cv.repeats()} folds of {@code rows} (indices into {@code y}).
   *
   * @throws DataException when a fold would be empty
   */
  static List<Split> of(int[] rows, double[] y, CrossValidation cv, long seed, String file) {
    int n = rows.length;
    int k = cv.folds();
    if (n < k) {
      throw new DataException(file, "cross_validation.folds " + k + " needs at least " + k + " training rows, there are "
          + n + "; use fewer folds");
    }
    List<Split> out = new ArrayList<>();
    for (int r = 0; r < cv.repeats(); r++) {
      int[] shuffled = rows.clone();
      Rng.forPath(seed, RNG_PATH + r).shuffle(shuffled, n);
      int[] foldOf = new int[n];
      if (cv.stratified()) {
        Map<Double, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < n; i++) {
          byClass.computeIfAbsent(y[shuffled[i]], c -> new ArrayList<>()).add(i);
        }
        int next = 0;
        for (List<Integer> members : byClass.values()) {
          for (int i : members) {
            foldOf[i] = next;
            next = (next + 1) % k;
          }
        }
      } else {
        int start = 0;
        for (int f = 0; f < k; f++) {
          int size = n / k + (f < n % k ? 1 : 0);
          for (int i = start; i < start + size; i++) {
            foldOf[i] = f;
          }
          start += size;
        }
      }
      for (int f = 0; f < k; f++) {
        int count = 0;
        for (int i = 0; i < n; i++) {
          count += foldOf[i] == f ? 1 : 0;
        }
        int[] test = new int[count];
        int[] train = new int[n - count];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
          if (foldOf[i] == f) {
            test[a++] = shuffled[i];
          } else {
            train[b++] = shuffled[i];
          }
        }
        out.add(new Split(train, test));
      }
    }
    return out;
  }
}

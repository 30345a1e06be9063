package dev.lamina.table;

import dev.lamina.random.Rng;
import dev.lamina.spec.SpecException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A shuffled train/test split of row indices, as scikit-learn's {@code train_test_split}.
 *
 * <p>The test part has {@code ceil(testSplit * n)} rows (scikit-learn's rule; a product that is
 * an integer up to rounding noise, such as {@code 0.1 * 30}, counts as that integer). Without
 * stratification one permutation is drawn and its first rows are the test rows. With
 * stratification each class (distinct target value) contributes
 * {@code testSplit * its count} test rows, the remainders going to the classes with the largest
 * fractional parts (ties: lower class first), so both parts keep the label proportions; then each
 * part is shuffled. All randomness comes from {@code Rng.forPath(seed, "data/split")}.
 *
 * @param train indices of the training rows, in shuffled order
 * @param test indices of the test rows, in shuffled order
 */
record Split(int[] train, int[] test) {
  /** The random stream the split draws from, under the run's seed. */
  static final String RNG_PATH = "data/split";
  private static final double ROUNDING_NOISE = 1e-9;
  /** The spec key a bad split is blamed on. */
  private static final String PATH = "data.test_split";
  /** Decimals of a split bound shown in a message. */
  private static final int SHOWN_DECIMALS = 4;

  /** All rows train, in file order, and no test rows. */
  static Split none(int n) {
    return new Split(identity(n), new int[0]);
  }

  /**
   * Splits {@code y.length} rows.
   *
   * @throws SpecException at {@code data.test_split} when a part would be empty
   * @throws DataException when (stratified) a class has fewer than 2 rows
   */
  static Split of(double[] y, double testSplit, boolean stratify, long seed, String file) {
    int n = y.length;
    int nTest = testCount(testSplit, n);
    if (nTest < 1 || nTest >= n) {
      throw tooFewRows(testSplit, n, nTest, file);
    }
    Rng rng = Rng.forPath(seed, RNG_PATH);
    if (!stratify) {
      int[] perm = identity(n);
      rng.shuffle(perm, n);
      int[] test = new int[nTest];
      int[] train = new int[n - nTest];
      System.arraycopy(perm, 0, test, 0, nTest);
      System.arraycopy(perm, nTest, train, 0, n - nTest);
      return new Split(train, test);
    }
    Map<Double, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      byClass.computeIfAbsent(y[i], k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> classes = new ArrayList<>(byClass.values());
    List<Double> labels = new ArrayList<>(byClass.keySet());
    int[] take = new int[classes.size()];
    double[] remainder = new double[classes.size()];
    int given = 0;
    for (int c = 0; c < classes.size(); c++) {
      int count = classes.get(c).size();
      if (count < 2) {
        throw new DataException(file, "stratify needs at least 2 rows of every class, but target"
            + " value " + labels.get(c) + " has " + count + "; set stratify: false (always for a"
            + " numeric target such as a price) or add rows");
      }
      double exact = (double) nTest * count / n;
      take[c] = (int) Math.floor(exact);
      remainder[c] = exact - take[c];
      given += take[c];
    }
    while (given < nTest) {
      int best = -1;
      for (int c = 0; c < take.length; c++) {
        if (take[c] < classes.get(c).size() && (best < 0 || remainder[c] > remainder[best])) {
          best = c;
        }
      }
      take[best]++;
      remainder[best] = -1;
      given++;
    }
    int[] test = new int[nTest];
    int[] train = new int[n - nTest];
    int t = 0;
    int r = 0;
    for (int c = 0; c < classes.size(); c++) {
      int[] members = classes.get(c).stream().mapToInt(Integer::intValue).toArray();
      rng.shuffle(members, members.length);
      for (int k = 0; k < members.length; k++) {
        if (k < take[c]) {
          test[t++] = members[k];
        } else {
          train[r++] = members[k];
        }
      }
    }
    rng.shuffle(test, test.length);
    rng.shuffle(train, train.length);
    return new Split(train, test);
  }

  /** {@code ceil(testSplit * n)}, ignoring floating-point noise in the product. */
  /**
   * The error for a {@code test_split} that leaves one part empty: a spec error at the key, with
   * the range that works for this many rows ({@code ceil(t * n)} test rows must be 1 to n - 1, so
   * {@code 0 < t <= (n - 1) / n}), since the fix is the setting (or more rows).
   */
  static SpecException tooFewRows(double testSplit, int n, int nTest, String file) {
    String what = "test_split " + testSplit + " of the " + n + " row" + (n == 1 ? "" : "s") + " of " + file
        + (nTest < 1 ? " holds out no test rows" : " holds out all " + n + " and leaves no training rows");
    if (n < 2) {
      return new SpecException(PATH, what + "; one row cannot be split into training and test rows: add rows, or set"
          + " test_split: 0 and give the test rows in test_csv");
    }
    return new SpecException(PATH, what + "; with " + n + " rows test_split must be above 0 and at most "
        + largestTestSplit(n) + " ((n - 1) / n, at most " + (n - 1) + " test row" + (n == 2 ? "" : "s")
        + " and at least 1 training row), or 0 for no test rows");
  }

  /**
   * The largest {@code test_split} of four decimals that leaves at least one of {@code n} (at
   * least 2) rows for training under {@link #testCount}'s rule: {@code (n - 1) / n} rounded down,
   * lower still where the product rounds up, so a message that states it states a value that works.
   */
  static String largestTestSplit(int n) {
    BigDecimal step = BigDecimal.ONE.movePointLeft(SHOWN_DECIMALS);
    BigDecimal v = BigDecimal.valueOf((n - 1) / (double) n).setScale(SHOWN_DECIMALS, RoundingMode.FLOOR);
    while (v.signum() > 0 && testCount(v.doubleValue(), n) > n - 1) {
      v = v.subtract(step);
    }
    return v.stripTrailingZeros().toPlainString();
  }

  static int testCount(double testSplit, int n) {
    double exact = testSplit * n;
    double nearest = Math.rint(exact);
    return (int) (Math.abs(exact - nearest) < ROUNDING_NOISE ? nearest : Math.ceil(exact));
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }
}

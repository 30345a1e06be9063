package dev.lamina.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A confusion matrix labelled with the class names as the CSV writes them: rows are the true
 * class, columns the predicted one, both in the order of {@code labels} (scikit-learn's
 * {@code confusion_matrix(y_true, y_pred, labels=...)}; for a binary model {@code [[TN, FP], [FN, TP]]}
 * with the negative class first).
 *
 * <p>In {@code metrics.json} it is {@code {"target": "species", "labels": ["setosa", ...],
 * "matrix": [[10, 0, 0], ...]}} ({@link #toMap()}); the console prints it as a table
 * ({@link #table()}); the run folder draws it as {@code confusion_matrix.png}
 * ({@link ConfusionMatrixPlot}).
 *
 * @param target the target column
 * @param labels the class names, in index order
 * @param counts {@code counts[t][p]}: test rows of true class {@code t} predicted as {@code p}
 */
public record ConfusionMatrix(String target, List<String> labels, long[][] counts) {
  /** Key of the target column in {@link #toMap()}. */
  public static final String TARGET = "target";
  /** Key of the class names in {@link #toMap()}. */
  public static final String LABELS = "labels";
  /** Key of the counts in {@link #toMap()}. */
  public static final String MATRIX = "matrix";
  /** Spaces between the table's columns. */
  private static final int GAP = 2;

  /** Copies both and checks that the matrix is square with one row per label. */
  public ConfusionMatrix {
    java.util.Objects.requireNonNull(target, "target");
    labels = List.copyOf(labels);
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != labels.size()) {
        throw new IllegalArgumentException("row " + i + " of the confusion matrix has " + counts[i].length
            + " counts for " + labels.size() + " classes");
      }
      copy[i] = counts[i].clone();
    }
    if (copy.length != labels.size()) {
      throw new IllegalArgumentException("the confusion matrix has " + copy.length + " rows for " + labels.size()
          + " classes");
    }
    counts = copy;
  }

  /** The number of test rows of true class {@code truth} predicted as {@code predicted}. */
  public long count(int truth, int predicted) {
    return counts[truth][predicted];
  }

  /** The form written to {@code metrics.json}: {@code {target: ..., labels: [...], matrix: [[...], ...]}}. */
  public Map<String, Object> toMap() {
    List<List<Long>> rows = new ArrayList<>();
    for (long[] row : counts) {
      List<Long> r = new ArrayList<>();
      for (long v : row) {
        r.add(v);
      }
      rows.add(r);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(TARGET, target);
    m.put(LABELS, labels);
    m.put(MATRIX, rows);
    return m;
  }

  /**
   * Reads the form of {@link #toMap()} back (from a run's metrics map or a parsed
   * {@code metrics.json}).
   *
   * @throws IllegalArgumentException when {@code value} is not that form
   */
  public static ConfusionMatrix fromMap(Object value) {
    if (!(value instanceof Map<?, ?> m) || !(m.get(LABELS) instanceof List<?> names)
        || !(m.get(MATRIX) instanceof List<?> rows)) {
      throw new IllegalArgumentException("not a labelled confusion matrix: " + value);
    }
    List<String> labels = new ArrayList<>();
    names.forEach(n -> labels.add(String.valueOf(n)));
    long[][] counts = new long[rows.size()][];
    for (int i = 0; i < counts.length; i++) {
      List<?> row = (List<?>) rows.get(i);
      counts[i] = new long[row.size()];
      for (int j = 0; j < row.size(); j++) {
        counts[i][j] = ((Number) row.get(j)).longValue();
      }
    }
    return new ConfusionMatrix(String.valueOf(m.get(TARGET)), labels, counts);
  }

  /**
   * The matrix as a text table, the true classes down the side and the predicted ones across:
   * <pre>
   * confusion matrix of species (rows: true class, columns: predicted):
   *             setosa  versicolor  virginica
   * setosa          10           0          0
   * versicolor       0           9          1
   * virginica        0           0         10
   * </pre>
   */
  public String table() {
    int first = 0;
    for (String l : labels) {
      first = Math.max(first, l.length());
    }
    int[] widths = new int[labels.size()];
    for (int j = 0; j < widths.length; j++) {
      widths[j] = labels.get(j).length();
      for (long[] row : counts) {
        widths[j] = Math.max(widths[j], Long.toString(row[j]).length());
      }
    }
    StringBuilder sb = new StringBuilder("confusion matrix of " + target + " (rows: true class, columns: predicted):\n");
    sb.append(" ".repeat(first));
    for (int j = 0; j < widths.length; j++) {
      sb.append(String.format(Locale.ROOT, "%" + (widths[j] + GAP) + "s", labels.get(j)));
    }
    sb.append('\n');
    for (int i = 0; i < counts.length; i++) {
      sb.append(String.format(Locale.ROOT, "%-" + first + "s", labels.get(i)));
      for (int j = 0; j < widths.length; j++) {
        sb.append(String.format(Locale.ROOT, "%" + (widths[j] + GAP) + "d", counts[i][j]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix c && target.equals(c.target) && labels.equals(c.labels) && java.util.Arrays.deepEquals(counts, c.counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * target.hashCode() + labels.hashCode()) + java.util.Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return toMap().toString();
  }
}

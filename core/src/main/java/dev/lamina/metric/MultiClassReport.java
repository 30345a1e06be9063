package dev.lamina.metric;

/**
 * The confusion matrix and per-class precision and recall of a multi-class classifier: each row
 * is predicted as the arg-max of its probabilities (the first on ties) and compared with its
 * class index. Matrix rows are the true class, columns the predicted one (scikit-learn's
 * {@code confusion_matrix}); precision of class c = M[c][c] / column sum, recall = M[c][c] / row
 * sum, 0 when the sum is 0; F1 of class c = 2 P R / (P + R), 0 when P + R is 0 (scikit-learn's
 * {@code precision_recall_fscore_support(average=None, zero_division=0)}).
 */
public final class MultiClassReport {
  private final long[][] matrix;

  private MultiClassReport(long[][] matrix) {
    this.matrix = matrix;
  }

  /**
   * The report for row-major probabilities {@code [rows x classes]} and class indices.
   *
   * @throws IllegalArgumentException for a label that is not a class index below {@code classes}
   */
  public static MultiClassReport of(double[] probabilities, int classes, double[] labels) {
    long[][] m = new long[classes][classes];
    for (int r = 0; r < labels.length; r++) {
      int truth = (int) labels[r];
      if (truth != labels[r] || truth < 0 || truth >= classes) {
        throw new IllegalArgumentException("label " + labels[r] + " of row " + r + " is not a class index below " + classes);
      }
      m[truth][MeanMetric.argmax(probabilities, r * classes, classes)]++;
    }
    return new MultiClassReport(m);
  }

  /** A copy of the matrix, rows true class, columns predicted class. */
  public long[][] confusionMatrix() {
    long[][] c = new long[matrix.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = matrix[i].clone();
    }
    return c;
  }

  /** Precision of each class. */
  public double[] precision() {
    double[] p = new double[matrix.length];
    for (int c = 0; c < p.length; c++) {
      long col = 0;
      for (long[] row : matrix) {
        col += row[c];
      }
      p[c] = col == 0 ? 0 : (double) matrix[c][c] / col;
    }
    return p;
  }

  /** Recall of each class. */
  public double[] recall() {
    double[] r = new double[matrix.length];
    for (int c = 0; c < r.length; c++) {
      long row = 0;
      for (long v : matrix[c]) {
        row += v;
      }
      r[c] = row == 0 ? 0 : (double) matrix[c][c] / row;
    }
    return r;
  }

  /** F1 of each class: the harmonic mean of its precision and recall, 0 when both are 0. */
  public double[] f1() {
    double[] p = precision();
    double[] r = recall();
    double[] f = new double[p.length];
    for (int c = 0; c < f.length; c++) {
      f[c] = p[c] + r[c] == 0 ? 0 : 2 * p[c] * r[c] / (p[c] + r[c]);
    }
    return f;
  }
}

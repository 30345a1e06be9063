package dev.lamina.table;

import java.util.List;

/**
 * {@link PreparedData} with flat, row-major matrices: what {@link TablePipeline#prepareFlat}
 * returns, and what the training engine reads without a copy ({@code dev.lamina.train.Dataset}
 * is row-major too). A run of n rows and f features then holds each matrix once, as one
 * {@code double[]} of {@code n * f} values, instead of n row arrays (16 bytes of header and a
 * reference more per row) plus the engine's flat copy of them.
 *
 * @param xTrain training features, {@code trainCount() x featureCount()}, row-major, rows in shuffled split order
 * @param yTrain training targets (numbers, or class indices for text labels), row-major with
 *     {@link #targetCount()} values per row (one per target column, in {@code target:} order)
 * @param xTest test features, row-major (empty when there is no test split)
 * @param yTest test targets, row-major like {@code yTrain}
 * @param trainRows the 1-based data row of the training CSV each training row came from
 * @param testRows the 1-based data row each test row came from (of the test CSV when one is given)
 * @param featureNames the feature names in column order, one-hot columns expanded in place
 * @param pipeline the fitted pipeline (statistics from the training rows only)
 * @param wTrain each training row's sample weight, or null
 * @param wTest each test row's sample weight, or null
 * @param dataSha256 the SHA-256 (hex) of the training CSV's bytes, as they were read (a pipe cannot
 *     be read twice), then a space and that of the test CSV when one is given
 */
public record PreparedMatrices(double[] xTrain, double[] yTrain, double[] xTest, double[] yTest,
    long[] trainRows, long[] testRows, List<String> featureNames, FittedPipeline pipeline, double[] wTrain,
    double[] wTest, String dataSha256) {
  /** Copies the names list. */
  public PreparedMatrices {
    featureNames = List.copyOf(featureNames);
  }

  /** The number of features per row. */
  public int featureCount() {
    return featureNames.size();
  }

  /** The number of training rows. */
  public int trainCount() {
    return trainRows.length;
  }

  /** The number of test rows. */
  public int testCount() {
    return testRows.length;
  }

  /** The number of target columns: the values per row of {@code yTrain} and {@code yTest}. */
  public int targetCount() {
    return pipeline.targets().size();
  }

  /** The same data without the training features (once the engine has them), to let them be freed. */
  public PreparedMatrices withoutTrainFeatures() {
    return new PreparedMatrices(new double[0], yTrain, xTest, yTest, trainRows, testRows, featureNames, pipeline,
        wTrain, wTest, dataSha256);
  }

  /** The same data with one array per row, as {@link TablePipeline#prepare} returns it. */
  public PreparedData toRows() {
    return new PreparedData(rows(xTrain, trainCount()), yTrain, rows(xTest, testCount()), yTest, trainRows, testRows,
        featureNames, pipeline, wTrain, wTest);
  }

  private double[][] rows(double[] flat, int n) {
    int f = featureCount();
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = java.util.Arrays.copyOfRange(flat, i * f, (i + 1) * f);
    }
    return x;
  }
}

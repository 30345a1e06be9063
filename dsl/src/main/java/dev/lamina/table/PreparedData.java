package dev.lamina.table;

import dev.lamina.train.Dataset;
import java.util.List;

/**
 * A data set turned into numbers by {@link TablePipeline#prepare}: training and test matrices
 * (rows x features, already encoded, filled and scaled), their targets, where each row came from,
 * and the fitted pipeline that reproduces the transformation on new rows.
 *
 * @param xTrain training features, {@code [rows][features]}, rows in shuffled split order
 * @param yTrain training targets (numbers, or class indices for text labels), row-major with one
 *     value per target column
 * @param xTest test features (no rows when there is no test split)
 * @param yTest test targets, row-major like {@code yTrain}
 * @param trainRows the 1-based data row of the training CSV each training row came from
 * @param testRows the 1-based data row each test row came from (of the test CSV when one is given)
 * @param featureNames the feature names in column order, one-hot columns expanded in place
 * @param pipeline the fitted pipeline (statistics from the training rows only)
 * @param wTrain each training row's sample weight (the {@code sample_weight} column), or null
 * @param wTest each test row's sample weight, or null (also when the test file lacks the column)
 */
public record PreparedData(double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest,
    long[] trainRows, long[] testRows, List<String> featureNames, FittedPipeline pipeline, double[] wTrain,
    double[] wTest) {
  /** Copies the names list. */
  public PreparedData {
    featureNames = List.copyOf(featureNames);
  }

  /** Data without sample weights. */
  public PreparedData(double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest, long[] trainRows,
      long[] testRows, List<String> featureNames, FittedPipeline pipeline) {
    this(xTrain, yTrain, xTest, yTest, trainRows, testRows, featureNames, pipeline, null, null);
  }

  /** The number of features per row. */
  public int featureCount() {
    return featureNames.size();
  }

  /** The number of target columns: the values per row of {@code yTrain} and {@code yTest}. */
  public int targetCount() {
    return pipeline.targets().size();
  }

  /** The training rows as the engine reads them, one target column per target (no weights). */
  public Dataset trainSet() {
    return dataset(xTrain, yTrain);
  }

  /** The test rows as the engine reads them (no weights), or null when there are none. */
  public Dataset testSet() {
    return xTest.length == 0 ? null : dataset(xTest, yTest);
  }

  private Dataset dataset(double[][] x, double[] y) {
    int k = targetCount();
    if (k == 1) {
      return Dataset.of(x, y);
    }
    double[][] rows = new double[y.length / k][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = java.util.Arrays.copyOfRange(y, i * k, (i + 1) * k);
    }
    return Dataset.of(x, rows);
  }
}

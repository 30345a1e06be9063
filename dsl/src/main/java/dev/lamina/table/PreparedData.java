package dev.lamina.table;

import java.util.List;

/**
 * A data set turned into numbers by {@link TablePipeline#prepare}: training and test matrices
 * (rows x features, already encoded, filled and scaled), their targets, where each row came from,
 * and the fitted pipeline that reproduces the transformation on new rows.
 *
 * @param xTrain training features, {@code [rows][features]}, rows in shuffled split order
 * @param yTrain training targets (numbers, or class indices for text labels)
 * @param xTest test features (no rows when there is no test split)
 * @param yTest test targets
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
}

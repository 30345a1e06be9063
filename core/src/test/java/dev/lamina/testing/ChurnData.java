package dev.lamina.testing;

import dev.lamina.random.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The article's preprocessing of the real churn file, in test code: drop the identifiers, one-hot
 * Geography and Gender dropping the first level, an 80/20 split, standardization fitted on the
 * training part. Reads {@code ../shared/datasets/Churn_Modelling.csv}.
 */
public final class ChurnData {
  /** The 11 features, in the order pandas get_dummies(drop_first=True) leaves them after the numeric ones. */
  public static final int FEATURES = 11;

  public final double[][] xTrain;
  public final double[] yTrain;
  public final double[][] xTest;
  public final double[] yTest;

  private ChurnData(double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest) {
    this.xTrain = xTrain;
    this.yTrain = yTrain;
    this.xTest = xTest;
    this.yTest = yTest;
  }

  /** The shared datasets folder (system property {@code lamina.shared}, set by the build). */
  public static Path shared() {
    String p = System.getProperty("lamina.shared");
    return p != null ? Path.of(p) : Path.of("..", "..", "shared");
  }

  /** The real churn CSV. */
  public static Path file() {
    return shared().resolve("datasets").resolve("Churn_Modelling.csv");
  }

  /** Loads and preprocesses the real file with a split seeded by {@code seed}. */
  public static ChurnData load(long seed) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = lines.size() - 1;
    double[][] x = new double[n][FEATURES];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      String[] f = lines.get(r + 1).strip().split(",");
      // RowNumber,CustomerId,Surname,CreditScore,Geography,Gender,Age,Tenure,Balance,NumOfProducts,
      // HasCrCard,IsActiveMember,EstimatedSalary,Exited
      double[] row = x[r];
      row[0] = Double.parseDouble(f[3]);
      row[1] = f[4].equals("Germany") ? 1 : 0;
      row[2] = f[4].equals("Spain") ? 1 : 0;
      row[3] = f[5].equals("Male") ? 1 : 0;
      for (int k = 6; k <= 12; k++) {
        row[k - 2] = Double.parseDouble(f[k]);
      }
      y[r] = Double.parseDouble(f[13]);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    new Rng(seed).shuffle(order, n);
    int nTest = n / 5;
    int nTrain = n - nTest;
    double[][] xTr = new double[nTrain][];
    double[] yTr = new double[nTrain];
    double[][] xTe = new double[nTest][];
    double[] yTe = new double[nTest];
    for (int i = 0; i < n; i++) {
      int src = order[i];
      if (i < nTrain) {
        xTr[i] = x[src];
        yTr[i] = y[src];
      } else {
        xTe[i - nTrain] = x[src];
        yTe[i - nTrain] = y[src];
      }
    }
    standardize(xTr, xTe);
    return new ChurnData(xTr, yTr, xTe, yTe);
  }

  private static void standardize(double[][] train, double[][] test) {
    for (int c = 0; c < FEATURES; c++) {
      double mean = 0;
      for (double[] r : train) {
        mean += r[c];
      }
      mean /= train.length;
      double var = 0;
      for (double[] r : train) {
        var += (r[c] - mean) * (r[c] - mean);
      }
      double sd = Math.sqrt(var / train.length);
      sd = sd == 0 ? 1 : sd;
      for (double[] r : train) {
        r[c] = (r[c] - mean) / sd;
      }
      for (double[] r : test) {
        r[c] = (r[c] - mean) / sd;
      }
    }
  }

  /** Fraction of predictions equal to the labels. */
  public static double accuracy(int[] predicted, double[] labels) {
    int ok = 0;
    for (int i = 0; i < labels.length; i++) {
      ok += predicted[i] == (int) labels[i] ? 1 : 0;
    }
    return ok / (double) labels.length;
  }
}

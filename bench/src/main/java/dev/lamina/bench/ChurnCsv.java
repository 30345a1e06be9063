package dev.lamina.bench;

import dev.lamina.random.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The article's preprocessing of the real churn file, copied from core's test fixture
 * {@code dev.lamina.testing.ChurnData} so the benchmarks need no test jar: drop the identifiers,
 * one-hot Geography and Gender dropping the first level, an 80/20 split seeded by {@code seed},
 * standardization fitted on the training part.
 */
final class ChurnCsv {
  /** The 11 features left after preprocessing. */
  static final int FEATURES = 11;

  final double[][] xTrain;
  final double[] yTrain;
  final double[][] xTest;
  final double[] yTest;

  private ChurnCsv(double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest) {
    this.xTrain = xTrain;
    this.yTrain = yTrain;
    this.xTest = xTest;
    this.yTest = yTest;
  }

  static ChurnCsv load(Path file, long seed) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
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
    return new ChurnCsv(xTr, yTr, xTe, yTe);
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

  /** Writes the preprocessed split as CSV (label last) so other frameworks train on the same numbers. */
  void export(Path trainCsv, Path testCsv) {
    write(trainCsv, xTrain, yTrain);
    write(testCsv, xTest, yTest);
  }

  private static void write(Path file, double[][] x, double[] y) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < x.length; i++) {
      for (double v : x[i]) {
        sb.append(v).append(',');
      }
      sb.append(y[i]).append('\n');
    }
    try {
      Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.lamina.model;

import dev.lamina.loss.Loss;
import dev.lamina.train.Dataset;

/** Refuses data the engine would silently mis-train on: non-finite values and invalid labels. */
final class DataChecks {
  private DataChecks() {}

  static void checkFeatures(Dataset d, Network net, String what) {
    if (d.cols() != net.inputWidth()) {
      throw new IllegalArgumentException("layer 0 (" + net.layers().get(0).kerasClassName() + ") expects "
          + net.inputWidth() + " input columns, but " + what + " has " + d.cols()
          + ". Give rows of " + net.inputWidth() + " columns");
    }
    double[] x = d.x();
    int n = d.rows() * d.cols();
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException(what + " row " + (i / d.cols()) + ", column " + (i % d.cols()) + " is "
            + x[i] + ": inputs must be finite numbers. Fill or drop missing values before training");
      }
    }
  }

  static void check(Dataset d, Network net, Loss loss, String what) {
    checkFeatures(d, net, what);
    int out = net.outputWidth();
    String yName = what.replace("x", "y");
    if (d.targetCols() != 1 && d.targetCols() != out) {
      throw new IllegalArgumentException(yName + " has " + d.targetCols() + " columns but the model has " + out
          + " outputs: give one label per row or one column per output");
    }
    double[] y = d.y();
    int n = d.rows() * d.targetCols();
    for (int i = 0; i < n; i++) {
      String problem = Double.isFinite(y[i]) ? loss.checkTarget(y[i], out) : "target value " + y[i] + " is not a finite number";
      if (problem != null) {
        throw new IllegalArgumentException(yName + " row " + (i / d.targetCols()) + ": " + problem);
      }
    }
    if (d.weights() != null) {
      for (int i = 0; i < d.rows(); i++) {
        if (!(d.weights()[i] >= 0) || Double.isInfinite(d.weights()[i])) {
          throw new IllegalArgumentException("sample weight of row " + i + " is " + d.weights()[i] + ": weights must be finite and >= 0");
        }
      }
    }
  }
}

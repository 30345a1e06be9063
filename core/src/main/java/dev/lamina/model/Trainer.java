package dev.lamina.model;

import dev.lamina.metric.Metric;
import dev.lamina.optim.Optimizer;
import dev.lamina.optim.Parameter;
import dev.lamina.random.Rng;
import dev.lamina.train.Callback;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import dev.lamina.train.TrainingContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop, with Keras's semantics: per epoch, reshuffle (when asked), run every batch
 * (the last one may be partial), track the epoch loss as the batch-size-weighted mean of batch
 * losses including regularization, evaluate on the validation rows, call the callbacks, append to
 * the history. Buffers are allocated before the first epoch; the batch loop allocates nothing.
 */
final class Trainer implements TrainingContext {
  private final Model model;
  private final Network network;
  private final LossHead head;
  private final Optimizer optimizer;
  private final List<Metric> metrics;
  private final List<Metric> weightedMetrics;
  private final List<Parameter> params;
  private boolean stop;

  Trainer(Model model, Network network, LossHead head, Optimizer optimizer, List<Metric> metrics,
      List<Metric> weightedMetrics) {
    this.model = model;
    this.network = network;
    this.head = head;
    this.optimizer = optimizer;
    this.metrics = metrics;
    this.weightedMetrics = weightedMetrics;
    this.params = network.parameters();
  }

  History fit(Dataset train, Dataset val, Fit fit, List<Callback> callbacks) {
    int n = train.rows();
    int batch = Math.min(fit.batchSize(), Math.max(n, 1));
    int steps = (n + batch - 1) / batch;
    int in = train.cols();
    int yc = train.targetCols();
    network.allocate(batch);
    head.allocate(batch);
    double[] xb = new double[batch * in];
    double[] yb = new double[batch * yc];
    double[] wb = train.weights() == null ? null : new double[batch];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Rng shuffle = Rng.forPath(model.seed(), "fit/shuffle");
    History history = new History();
    stop = false;
    for (Callback c : callbacks) {
      c.onTrainBegin(this, fit.epochs(), steps);
    }
    Map<String, Double> logs = new LinkedHashMap<>();
    for (int epoch = 0; epoch < fit.epochs() && !stop; epoch++) {
      for (Callback c : callbacks) {
        c.onEpochBegin(epoch);
      }
      if (fit.shuffle()) {
        shuffle.shuffle(order, n);
      }
      resetMetrics();
      double lossSum = 0;
      int seen = 0;
      for (int b = 0; b < steps && !stop; b++) {
        int start = b * batch;
        int rows = Math.min(batch, n - start);
        gather(train, order, start, rows, xb, yb, wb);
        double[] out = network.forward(xb, rows, true);
        double loss = head.loss(out, yb, wb, rows, true) + network.regularizationLoss();
        head.backward(rows);
        optimizer.step(params);
        updateMetrics(out, yb, wb, rows);
        lossSum += loss * rows;
        seen += rows;
        for (int k = 0; k < callbacks.size(); k++) {
          callbacks.get(k).onBatchEnd(epoch, b, loss, lossSum / seen);
        }
      }
      logs = new LinkedHashMap<>();
      logs.put("loss", lossSum / Math.max(seen, 1));
      for (Metric m : metrics) {
        logs.put(m.name(), m.result());
      }
      for (Metric m : weightedMetrics) {
        logs.put(m.name(), m.result());
      }
      if (val != null) {
        logs.putAll(evaluate(val, fit.batchSize(), "val_"));
      }
      for (Callback c : callbacks) {
        c.onEpochEnd(epoch, logs);
      }
      history.append(logs);
    }
    for (Callback c : callbacks) {
      c.onTrainEnd(logs);
    }
    return history;
  }

  /** Loss and metrics over {@code data} in inference mode, keys prefixed with {@code prefix}. */
  Map<String, Double> evaluate(Dataset data, int batchSize, String prefix) {
    int n = data.rows();
    int batch = Math.max(1, Math.min(batchSize, n));
    network.allocate(batch);
    head.allocate(batch);
    int in = data.cols();
    int yc = data.targetCols();
    double[] xb = new double[batch * in];
    double[] yb = new double[batch * yc];
    double[] wb = data.weights() == null ? null : new double[batch];
    resetMetrics();
    double lossSum = 0;
    double reg = network.regularizationLoss();
    for (int start = 0; start < n; start += batch) {
      int rows = Math.min(batch, n - start);
      System.arraycopy(data.x(), start * in, xb, 0, rows * in);
      System.arraycopy(data.y(), start * yc, yb, 0, rows * yc);
      if (wb != null) {
        System.arraycopy(data.weights(), start, wb, 0, rows);
      }
      double[] out = network.forward(xb, rows, false);
      lossSum += (head.loss(out, yb, wb, rows, false) + reg) * rows;
      updateMetrics(out, yb, wb, rows);
    }
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put(prefix + "loss", lossSum / Math.max(n, 1));
    for (Metric m : metrics) {
      logs.put(prefix + m.name(), m.result());
    }
    for (Metric m : weightedMetrics) {
      logs.put(prefix + m.name(), m.result());
    }
    return logs;
  }

  private static void gather(Dataset d, int[] order, int start, int rows, double[] xb, double[] yb, double[] wb) {
    int in = d.cols();
    int yc = d.targetCols();
    double[] x = d.x();
    double[] y = d.y();
    for (int r = 0; r < rows; r++) {
      int src = order[start + r];
      System.arraycopy(x, src * in, xb, r * in, in);
      if (yc == 1) {
        yb[r] = y[src];
      } else {
        System.arraycopy(y, src * yc, yb, r * yc, yc);
      }
      if (wb != null) {
        wb[r] = d.weights()[src];
      }
    }
  }

  private void resetMetrics() {
    for (int i = 0; i < metrics.size(); i++) {
      metrics.get(i).reset();
    }
    for (int i = 0; i < weightedMetrics.size(); i++) {
      weightedMetrics.get(i).reset();
    }
  }

  /** Keras 3: {@code metrics} never see sample weights, {@code weighted_metrics} always do. */
  private void updateMetrics(double[] out, double[] y, double[] w, int rows) {
    int cols = network.outputWidth();
    for (int i = 0; i < metrics.size(); i++) {
      metrics.get(i).update(out, y, null, rows, cols);
    }
    for (int i = 0; i < weightedMetrics.size(); i++) {
      weightedMetrics.get(i).update(out, y, w, rows, cols);
    }
  }

  @Override
  public void stopTraining() {
    stop = true;
  }

  @Override
  public boolean stopRequested() {
    return stop;
  }

  @Override
  public double learningRate() {
    return optimizer.currentLearningRate();
  }

  @Override
  public boolean setLearningRate(double lr) {
    if (optimizer.hasSchedule()) {
      return false;
    }
    optimizer.setLearningRate(lr);
    return true;
  }

  @Override
  public double[][] snapshotWeights() {
    return model.weights();
  }

  @Override
  public void restoreWeights(double[][] snapshot) {
    model.setWeights(snapshot);
  }

  @Override
  public void save(Path path) {
    model.save(path);
  }
}

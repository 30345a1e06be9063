package dev.lamina.model;

import dev.lamina.layer.Layer;
import dev.lamina.metric.Metric;
import dev.lamina.metric.Metrics;
import dev.lamina.optim.Optimizer;
import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;
import dev.lamina.random.Rng;
import dev.lamina.train.Callback;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.Dataset;
import dev.lamina.train.Divergence;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import dev.lamina.train.StatefulCallback;
import dev.lamina.train.TrainingContext;
import dev.lamina.train.TrainingState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop, with Keras's semantics: per epoch, reshuffle (when asked), run every batch
 * (the last one may be partial), track the epoch loss as the batch-size-weighted mean of batch
 * losses including regularization, evaluate on the validation rows, call the callbacks, append to
 * the history. Buffers are allocated before the first epoch; the batch loop allocates nothing.
 *
 * <p><b>Non-finite values.</b> Each batch checks the loss before back-propagating and every
 * gradient before the optimizer step (one pass over the parameters, no allocation), so a NaN or
 * infinite loss or gradient never reaches the weights: the weights stay those of the last good
 * step. The rare case where the update itself overflows (finite gradients, infinite weights) is
 * caught by a check after the step, which puts back a copy of the weights taken at the start of
 * the epoch (one copy per epoch into buffers allocated once). Either way training stops with a
 * {@link Divergence} naming the epoch, the batch and the first layer whose activations (found by
 * re-running that batch forward layer by layer) or gradients were not finite.
 *
 * <p><b>Checkpoints.</b> With {@link Checkpoints}, every N epochs the whole state that decides the
 * rest of the run is copied into a {@link TrainingState}: weights, optimizer slots and step count,
 * learning rate, the shuffle generator and the current row order, each layer's generator (Dropout's), each
 * {@link StatefulCallback}'s state and the history. A resumed fit restores all of it after the
 * callbacks' {@code onTrainBegin} and continues with the next epoch, so it ends bit for bit where
 * the uninterrupted fit ends.
 */
final class Trainer implements TrainingContext {
  /** The history key of the loss. */
  static final String LOSS_KEY = "loss";
  /** The prefix of the validation keys ({@code val_loss}). */
  static final String VALIDATION_PREFIX = "val_";
  private final Model model;
  private final Network network;
  private final LossHead head;
  private final Optimizer optimizer;
  private final List<Metric> metrics;
  private final List<Metric> weightedMetrics;
  private final List<Parameter> params;
  private final FiniteCheck finiteCheck = new FiniteCheck();
  /** Datasets above this many feature values (32 MiB, an L3 cache) gather each batch on all threads. */
  static final int LARGE_DATASET_DOUBLES = 1 << 22;
  private final BatchRows batchRows = new BatchRows();
  private boolean stop;
  private Divergence divergence;
  /** The running epoch's sum of batch losses times batch rows, and its rows so far (Keras's epoch loss). */
  private double epochLossSum;
  private int epochSeen;

  Trainer(Model model, Network network, LossHead head, Optimizer optimizer, List<Metric> metrics,
      List<Metric> weightedMetrics) {
    this.model = model;
    this.network = network;
    this.head = head;
    this.optimizer = optimizer;
    this.metrics = metrics;
    this.weightedMetrics = weightedMetrics;
    this.params = network.parameters();
    finiteCheck.setThreads(optimizer.threads());
  }

  History fit(Dataset train, Dataset val, Fit fit, List<Callback> callbacks, Checkpoints checkpoints) {
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
    List<Map<String, Double>> rows = new ArrayList<>();
    List<Rng> generators = network.generators();
    List<StatefulCallback> stateful = new ArrayList<>();
    for (Callback c : callbacks) {
      if (c instanceof StatefulCallback s) {
        stateful.add(s);
      }
    }
    // The weights at the start of the epoch: the fallback if an update itself overflows (see divergence()).
    double[][] epochStart = model.weights();
    Batches batches = new Batches(train, order, batch, xb, yb, wb, epochStart, callbacks);
    stop = false;
    divergence = null;
    for (Callback c : callbacks) {
      c.onTrainBegin(this, fit.epochs(), steps);
    }
    int first = 0;
    Map<String, Double> logs = new LinkedHashMap<>();
    if (checkpoints.resumeFrom() != null) {
      TrainingState state = checkpoints.resumeFrom();
      restore(state, shuffle, order, generators, stateful);
      for (Map<String, Double> row : state.history()) {
        rows.add(row);
        history.append(row);
        logs = new LinkedHashMap<>(row);
      }
      first = state.epochsDone();
    }
    for (int epoch = first; epoch < fit.epochs() && !stop; epoch++) {
      for (Callback c : callbacks) {
        c.onEpochBegin(epoch);
      }
      if (fit.shuffle()) {
        shuffle.shuffle(order, n);
      }
      copyWeights(params, epochStart);
      resetMetrics();
      epochLossSum = 0;
      epochSeen = 0;
      for (int b = 0; b < steps && !stop; b++) {
        batchStep(batches, epoch, b);
      }
      logs = new LinkedHashMap<>();
      logs.put(LOSS_KEY, epochLossSum / Math.max(epochSeen, 1));
      for (Metric m : metrics) {
        logs.put(m.name(), m.result());
      }
      for (Metric m : weightedMetrics) {
        logs.put(m.name(), m.result());
      }
      if (val != null) {
        logs.putAll(evaluate(val, fit.batchSize(), VALIDATION_PREFIX));
      }
      for (Callback c : callbacks) {
        c.onEpochEnd(epoch, logs);
      }
      history.append(logs);
      rows.add(new LinkedHashMap<>(logs));
      if (divergence == null && checkpoints.dueAfter(epoch)) {
        checkpoints.sink().accept(capture(epoch + 1, shuffle, order, generators, stateful, rows));
      }
    }
    for (Callback c : callbacks) {
      c.onTrainEnd(logs);
    }
    for (Callback c : callbacks) {
      history.addReport(c.report());
    }
    return history;
  }

  /**
   * Batch {@code b} of the epoch, its loss added to the epoch's, then the callbacks. Its own method
   * taking three arguments, so that the batch loop left in {@link #fit} is as short as a loop can
   * be: {@code fit} runs once, and HotSpot compiles a loop of a running method only after tens of
   * thousands of iterations (C1 alone: 60,000; the churn example has 53,600 batches), so that loop
   * runs in the interpreter for a whole short training, while this method is compiled after a few
   * hundred calls.
   */
  private void batchStep(Batches f, int epoch, int b) {
    int start = b * f.size();
    int rowCount = Math.min(f.size(), f.train().rows() - start);
    double loss = trainBatch(f.train(), f.order(), start, rowCount, f.xb(), f.yb(), f.wb(), epoch, b, f.epochStart());
    epochLossSum += loss * rowCount;
    epochSeen += rowCount;
    List<Callback> callbacks = f.callbacks();
    for (int k = 0; k < callbacks.size(); k++) {
      callbacks.get(k).onBatchEnd(epoch, b, loss, epochLossSum / epochSeen);
    }
  }

  /**
   * What every batch of one fit reads: the training rows, their order this epoch, the batch size,
   * the batch buffers (allocated once per fit), the weights at the start of the epoch and the
   * callbacks.
   */
  private record Batches(Dataset train, int[] order, int size, double[] xb, double[] yb, double[] wb,
      double[][] epochStart, List<Callback> callbacks) {}

  /**
   * One batch: gather, forward, loss, and (when everything stays finite) backward and the optimizer
   * step; updates the metrics and returns the batch loss. Its own method, so the JIT compiles the
   * hot step whole instead of only as part of the long {@link #fit} loop.
   */
  private double trainBatch(Dataset train, int[] order, int start, int rowCount, double[] xb, double[] yb,
      double[] wb, int epoch, int b, double[][] epochStart) {
    gather(train, order, start, rowCount, xb, yb, wb);
    double[] out = network.forward(xb, rowCount, true);
    double loss = head.loss(out, yb, wb, rowCount, true) + network.regularizationLoss();
    // Check before the step, so a non-finite loss or gradient never reaches the weights.
    if (!Double.isFinite(loss)) {
      diverge(epoch, b, loss, "activations", network.firstNonFiniteOutput(xb, rowCount));
    } else {
      head.backward(rowCount);
      int badGrad = finiteCheck.allFinite(params, true) ? -1 : lastLayerWithNonFiniteGradient();
      if (badGrad >= 0) {
        diverge(epoch, b, loss, "gradients", badGrad);
      } else {
        optimizer.step(params);
        for (int i = 0; i < params.size(); i++) {
          params.get(i).applyConstraint(); // as Keras: projected after each step
        }
        int badWeight = finiteCheck.allFinite(params, false) ? -1 : firstLayerWithNonFiniteWeights();
        if (badWeight >= 0) {
          model.setWeights(epochStart);
          diverge(epoch, b, loss, "weights", badWeight);
        }
      }
    }
    updateMetrics(out, yb, wb, rowCount);
    return loss;
  }

  /** The diagnosis of the last fit's non-finite loss, or null when it ran to the end. */
  Divergence divergence() {
    return divergence;
  }

  private void diverge(int epoch, int batch, double loss, String where, int layer) {
    divergence = new Divergence(epoch, batch, loss, layer < 0 ? null : network.layers().get(layer).name()
        + " (" + network.layers().get(layer).kerasClassName() + ")", where, optimizer.currentLearningRate());
    stop = true;
  }

  /** The backward pass runs from the output down, so the highest layer with a bad gradient is the first. */
  private int lastLayerWithNonFiniteGradient() {
    List<Layer> layers = network.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      List<Parameter> ps = layers.get(i).parameters();
      for (int k = 0; k < ps.size(); k++) {
        if (!allFinite(ps.get(k).grad())) {
          return i;
        }
      }
    }
    return -1;
  }

  private int firstLayerWithNonFiniteWeights() {
    List<Layer> layers = network.layers();
    for (int i = 0; i < layers.size(); i++) {
      List<Parameter> ps = layers.get(i).parameters();
      for (int k = 0; k < ps.size(); k++) {
        if (!allFinite(ps.get(k).value())) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean allFinite(double[] a) {
    for (int i = 0; i < a.length; i++) {
      // a - a is 0 for every finite value and NaN for NaN and the infinities: one test per element.
      if (a[i] - a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static void copyWeights(List<Parameter> params, double[][] into) {
    for (int i = 0; i < params.size(); i++) {
      double[] v = params.get(i).value();
      System.arraycopy(v, 0, into[i], 0, v.length);
    }
  }

  private TrainingState capture(int epochsDone, Rng shuffle, int[] order, List<Rng> generators,
      List<StatefulCallback> stateful, List<Map<String, Double>> rows) {
    List<double[]> slots = optimizer.slots();
    double[][] slotCopies = new double[slots.size()][];
    for (int i = 0; i < slotCopies.length; i++) {
      slotCopies[i] = slots.get(i).clone();
    }
    List<Rng.State> drop = new ArrayList<>();
    for (Rng g : generators) {
      drop.add(g.state());
    }
    List<Map<String, double[]>> cbs = new ArrayList<>();
    for (StatefulCallback c : stateful) {
      cbs.add(c.saveState());
    }
    double lr = optimizer.hasSchedule() ? Double.NaN : optimizer.currentLearningRate();
    return new TrainingState(epochsDone, model.seed(), model.weights(), slotCopies, optimizer.iterations(), lr,
        shuffle.state(), order.clone(), drop, cbs, new ArrayList<>(rows));
  }

  private void restore(TrainingState s, Rng shuffle, int[] order, List<Rng> generators, List<StatefulCallback> stateful) {
    if (s.seed() != model.seed()) {
      throw mismatch("it was written with seed " + s.seed() + ", this model has seed " + model.seed());
    }
    if (s.order().length != order.length) {
      throw mismatch("it was written for " + s.order().length + " training rows, this data has " + order.length);
    }
    List<double[]> slots = optimizer.slots();
    if (s.optimizerSlots().length != slots.size()) {
      throw mismatch("it holds " + s.optimizerSlots().length + " optimizer slots, " + optimizer.name() + " has " + slots.size());
    }
    if (s.dropout().size() != generators.size() || s.callbacks().size() != stateful.size()) {
      throw mismatch("it holds " + s.dropout().size() + " layer generators and " + s.callbacks().size()
          + " callback states, the fit has " + generators.size() + " and " + stateful.size());
    }
    try {
      model.setWeights(s.weights());
    } catch (IllegalArgumentException e) {
      throw mismatch(e.getMessage());
    }
    for (int i = 0; i < slots.size(); i++) {
      if (s.optimizerSlots()[i].length != slots.get(i).length) {
        throw mismatch("optimizer slot " + i + " has " + s.optimizerSlots()[i].length + " values, expected " + slots.get(i).length);
      }
      System.arraycopy(s.optimizerSlots()[i], 0, slots.get(i), 0, slots.get(i).length);
    }
    optimizer.setIterations(s.iterations());
    if (!optimizer.hasSchedule() && Double.isFinite(s.learningRate())) {
      optimizer.setLearningRate(s.learningRate());
    }
    shuffle.restore(s.shuffle());
    System.arraycopy(s.order(), 0, order, 0, order.length);
    for (int i = 0; i < generators.size(); i++) {
      generators.get(i).restore(s.dropout().get(i));
    }
    for (int i = 0; i < stateful.size(); i++) {
      stateful.get(i).restoreState(s.callbacks().get(i));
    }
  }

  private static IllegalArgumentException mismatch(String why) {
    return new IllegalArgumentException("the checkpoint does not belong to this model and data: " + why);
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
      lossSum += evaluateBatch(data, start, Math.min(batch, n - start), xb, yb, wb, reg);
    }
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put(prefix + LOSS_KEY, lossSum / Math.max(n, 1));
    for (Metric m : metrics) {
      logs.put(prefix + m.name(), m.result());
    }
    for (Metric m : weightedMetrics) {
      logs.put(prefix + m.name(), m.result());
    }
    return logs;
  }

  /**
   * One batch of {@link #evaluate}: copies rows {@code start} to {@code start + rows}, runs them
   * forward, updates the metrics and returns the batch's loss (with {@code reg}) times its rows.
   * Its own method because {@code evaluate} runs once an epoch: a loop body left in it stays in
   * the interpreter for a whole short training (HotSpot compiles a loop in a running method only
   * after tens of thousands of iterations), while this method is compiled after a few hundred calls.
   */
  private double evaluateBatch(Dataset data, int start, int rows, double[] xb, double[] yb, double[] wb, double reg) {
    int in = data.cols();
    int yc = data.targetCols();
    System.arraycopy(data.x(), start * in, xb, 0, rows * in);
    System.arraycopy(data.y(), start * yc, yb, 0, rows * yc);
    if (wb != null) {
      System.arraycopy(data.weights(), start, wb, 0, rows);
    }
    double[] out = network.forward(xb, rows, false);
    double loss = (head.loss(out, yb, wb, rows, false) + reg) * rows;
    updateMetrics(out, yb, wb, rows);
    return loss;
  }

  private void gather(Dataset d, int[] order, int start, int rows, double[] xb, double[] yb, double[] wb) {
    batchRows.set(d, order, start, xb, yb, wb);
    // Shuffled rows of a dataset larger than the caches each miss to memory; two threads keep
    // twice the misses in flight (a batch of 256 rows of 1M took about 60 us on one).
    int parts = d.x().length > LARGE_DATASET_DOUBLES ? optimizer.threads() : 1;
    KernelThreads.run(batchRows, rows, parts);
  }

  /** Copies rows {@code order[start + r]} of a dataset into the batch buffers, as a parallel range task. */
  private static final class BatchRows implements KernelThreads.Range {
    private Dataset data;
    private int[] order;
    private int start;
    private double[] xb;
    private double[] yb;
    private double[] wb;

    void set(Dataset data, int[] order, int start, double[] xb, double[] yb, double[] wb) {
      this.data = data;
      this.order = order;
      this.start = start;
      this.xb = xb;
      this.yb = yb;
      this.wb = wb;
    }

    @Override
    public void run(int from, int to) {
      int in = data.cols();
      int yc = data.targetCols();
      double[] x = data.x();
      double[] y = data.y();
      for (int r = from; r < to; r++) {
        int src = order[start + r];
        System.arraycopy(x, src * in, xb, r * in, in);
        if (yc == 1) {
          yb[r] = y[src];
        } else {
          System.arraycopy(y, src * yc, yb, r * yc, yc);
        }
        if (wb != null) {
          wb[r] = data.weights()[src];
        }
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

  @Override
  public Boolean higherIsBetter(String key) {
    List<Metric> all = new ArrayList<>(metrics);
    all.addAll(weightedMetrics);
    return Metrics.higherIsBetter(key, all);
  }
}

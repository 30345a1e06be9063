package dev.lamina.model;

import dev.lamina.loss.Loss;
import dev.lamina.loss.Losses;
import dev.lamina.metric.Metric;
import dev.lamina.metric.Metrics;
import dev.lamina.optim.Optimizer;
import dev.lamina.optim.Optimizers;
import dev.lamina.optim.Parameter;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.train.Callback;
import dev.lamina.train.Callbacks;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.Dataset;
import dev.lamina.train.Divergence;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled Sequential model: Keras's {@code Sequential} after {@code compile}, with
 * {@link #fit}, {@link #evaluate}, {@link #predict} and {@link #summary()}.
 *
 * <p>Built from a {@link ModelSpec}. When the first Dense layer has no {@code input_dim}, the
 * layers are built on the first call that sees data. All randomness (weights, dropout masks,
 * shuffling) derives from {@link #seed()}, so the same spec and data give the same weights and
 * history bit for bit.
 */
public final class Model {
  private final ModelSpec spec;
  private final long seed;
  private Network network;
  /** See {@link #allowNativeProducts}; applied to the network when it is built. */
  private boolean nativeAllowed = true;
  private Optimizer optimizer;
  private LossHead head;
  private List<Metric> metrics;
  private List<Metric> weightedMetrics;
  private ModelSaver saver = WeightsFile::write;
  private boolean dataDependentDone;
  private Divergence divergence;

  private Model(ModelSpec spec) {
    this.seed = spec.seed() != null ? spec.seed() : new SecureRandom().nextLong();
    this.spec = spec.withSeed(seed);
    Integer declared = NetworkBuilder.declaredInputWidth(spec);
    // Output width, parameter count and memory, before anything is allocated.
    NetworkSize.check(spec, declared, Runtime.getRuntime().maxMemory());
    if (declared != null) {
      build(declared);
    } else {
      validateNames();
    }
  }

  /** Builds (or prepares, when the input width is not declared) the model described by {@code spec}. */
  public static Model of(ModelSpec spec) {
    return new Model(spec);
  }

  /** Builds the model for inputs of {@code inputWidth} columns, overriding nothing the spec declares. */
  public static Model of(ModelSpec spec, int inputWidth) {
    Model m = new Model(spec);
    m.ensureBuilt(inputWidth);
    return m;
  }

  private void validateNames() {
    // Build against a dummy width so name and argument errors surface at construction time.
    compileParts(NetworkBuilder.build(spec, 1, seed));
  }

  private void build(int inputWidth) {
    NetworkSize.check(spec, inputWidth, Runtime.getRuntime().maxMemory());
    network = NetworkBuilder.build(spec, inputWidth, seed);
    if (!nativeAllowed) {
      network.allowNativeProducts(false);
    }
    compileParts(network);
  }

  private void compileParts(Network net) {
    if (spec.compile() == null) {
      return;
    }
    Loss loss = Losses.create(spec.compile().loss(), "compile.loss");
    Optimizer opt = Optimizers.create(spec.compile().optimizer(), "compile.optimizer");
    List<Metric> ms = new ArrayList<>();
    boolean sparse = loss.name().equals("sparse_categorical_crossentropy");
    for (int i = 0; i < spec.compile().metrics().size(); i++) {
      ms.add(Metrics.create(spec.compile().metrics().get(i), "compile.metrics[" + i + "]", net.outputWidth(), sparse));
    }
    List<Metric> wms = new ArrayList<>();
    for (int i = 0; i < spec.compile().weightedMetrics().size(); i++) {
      ComponentSpec c = spec.compile().weightedMetrics().get(i);
      String path = "compile.weighted_metrics[" + i + "]";
      Metric m = Metrics.create(c, path, net.outputWidth(), sparse);
      if (ms.stream().anyMatch(u -> u.name().equals(m.name()))) {
        // Keras's CompileMetrics.result: a weighted metric whose name is taken becomes weighted_<name>.
        String base = c.args().containsKey("name") ? String.valueOf(c.args().get("name")) : m.name();
        wms.add(Metrics.create(c.with("name", "weighted_" + base), path, net.outputWidth(), sparse));
      } else {
        wms.add(m);
      }
    }
    if (net == network) {
      this.optimizer = opt;
      this.optimizer.build(net.parameters());
      this.head = new LossHead(loss, net);
      this.metrics = ms;
      this.weightedMetrics = wms;
    }
  }

  /** Builds the layers for {@code width} input columns if not built yet; checks the width otherwise. */
  public void ensureBuilt(int width) {
    if (network == null) {
      build(width);
    } else if (network.inputWidth() != width) {
      throw new SpecException("layers[0].dense.input_dim", "layer 0 (" + spec.layers().get(0).kerasClassName()
          + ") expects " + network.inputWidth() + " input columns (input_dim: " + network.inputWidth()
          + "), but the data has " + width + ". Give rows of " + network.inputWidth()
          + " columns, or change input_dim to " + width);
    }
  }

  /**
   * Whether this model's wide Dense layers may run their products on OpenBLAS when it is installed
   * (default true; the system property {@code lamina.blas=java} turns it off for the whole JVM).
   * false keeps the Java kernels, for example to compare the two in one process.
   */
  public void allowNativeProducts(boolean allowed) {
    this.nativeAllowed = allowed;
    if (network != null) {
      network.allowNativeProducts(allowed);
    }
  }

  /** Whether the layers exist (the input width is known). */
  public boolean isBuilt() {
    return network != null;
  }

  Network network() {
    if (network == null) {
      throw new IllegalStateException("the model is not built yet: its input width is unknown. Set input_dim on the "
          + "first layer, or call fit first");
    }
    return network;
  }

  LossHead head() {
    return head;
  }

  private void requireCompiled() {
    if (spec.compile() == null) {
      throw new IllegalStateException("the model is not compiled: give it an optimizer and a loss (compile) before fit or evaluate");
    }
  }

  /**
   * Trains on {@code x}, {@code y} (binary labels or one value per row) as Keras's
   * {@code fit(x, y, epochs, batch_size, validation_split, shuffle)}.
   */
  public History fit(double[][] x, double[] y, Fit fit, Callback... extra) {
    return fit(Dataset.of(x, y), null, fit, extra);
  }

  /** Trains on multi-column targets (one-hot classes). */
  public History fit(double[][] x, double[][] y, Fit fit, Callback... extra) {
    return fit(Dataset.of(x, y), null, fit, extra);
  }

  /**
   * Trains on {@code train}, validating on {@code validation} when given (Keras's
   * {@code validation_data}, which overrides {@code validation_split}).
   */
  public History fit(Dataset train, Dataset validation, Fit fit, Callback... extra) {
    return fit(train, validation, fit, Checkpoints.NONE, extra);
  }

  /**
   * The {@code validation_split} values that leave both parts non-empty for {@code rows} training
   * rows: {@code floor(rows * (1 - v))} training rows must be 1 to rows - 1, so
   * {@code 0 < v <= 1 - 1/rows} ({@link Fit#largestValidationSplit}, a bound that itself works).
   */
  private static String validationRange(int rows) {
    if (rows < 2) {
      return "; one row cannot be split into training and validation rows: add rows, or remove validation_split";
    }
    String shown = Fit.largestValidationSplit(rows).toPlainString();
    return "; with " + rows + " training rows validation_split must be above 0 and at most " + shown + " (1 - 1/"
        + rows + "), or 0 for no validation rows";
  }

  /**
   * Trains as {@link #fit(Dataset, Dataset, Fit, Callback...)}, writing a {@link dev.lamina.train.TrainingState}
   * every {@code checkpoints.every()} epochs and, when {@code checkpoints.resumeFrom()} is set,
   * continuing from it; a resumed fit ends with the same weights and history, bit for bit, as an
   * uninterrupted one.
   */
  public History fit(Dataset train, Dataset validation, Fit fit, Checkpoints checkpoints, Callback... extra) {
    requireCompiled();
    ensureBuilt(train.cols());
    DataChecks.check(train, network, head.loss(), "x");
    Dataset trainPart = train;
    Dataset valPart = validation;
    if (valPart == null && fit.validationSplit() > 0) {
      int splitAt = fit.validationStart(train.rows());
      if (splitAt <= 0 || splitAt >= train.rows()) {
        throw new SpecException("fit.validation_split", "validation_split " + fit.validationSplit() + " leaves "
            + (splitAt <= 0 ? "no training rows" : "no validation rows") + " out of " + train.rows()
            + " training rows" + validationRange(train.rows()));
      }
      trainPart = train.slice(0, splitAt);
      valPart = train.slice(splitAt, train.rows());
    }
    if (fit.classWeight() != null) {
      // Keras applies class_weight to the training rows only; validation keeps its own sample weights.
      trainPart = trainPart.withWeights(fit.classWeight().rowWeights(trainPart));
    }
    if (valPart != null) {
      ensureBuilt(valPart.cols());
      DataChecks.check(valPart, network, head.loss(), "validation x");
    }
    List<Callback> callbacks = new ArrayList<>();
    for (int i = 0; i < fit.callbacks().size(); i++) {
      callbacks.add(Callbacks.create(fit.callbacks().get(i), "fit.callbacks[" + i + "]"));
    }
    callbacks.addAll(List.of(extra));
    if (!dataDependentDone && LsuvInitialization.wanted(network)) {
      initializeDataDependent(trainPart.x(), trainPart.rows());
    }
    Trainer trainer = new Trainer(this, network, head, optimizer, metrics, weightedMetrics);
    try {
      return trainer.fit(trainPart, valPart, fit, callbacks, checkpoints);
    } finally {
      divergence = trainer.divergence();
    }
  }

  /**
   * Why the last {@code fit} stopped early on a NaN or infinite loss or gradient, or null when it
   * did not. The model then holds the last finite weights.
   */
  public Divergence lastDivergence() {
    return divergence;
  }

  /**
   * Runs the data-dependent initializers ({@code lsuv}) on {@code rows} row-major rows of
   * {@code x}; {@link #fit} calls it before the first epoch when a layer asks for it and the
   * weights were not set explicitly. Rows are drawn with the model seed, so it is reproducible.
   *
   * @return what happened to each LSUV layer, input layer first
   */
  public List<LsuvStep> initializeDataDependent(double[] x, int rows) {
    Network net = network();
    if (x.length < (long) rows * net.inputWidth()) {
      throw new IllegalArgumentException("x holds " + x.length + " values, fewer than " + rows + " rows of "
          + net.inputWidth() + " columns");
    }
    dataDependentDone = true;
    return LsuvInitialization.run(net, x, rows, seed);
  }

  /**
   * One forward pass (inference mode: dropout off) and one backward pass on {@code batch}, with no
   * weight update, for diagnostics: afterwards every layer holds its activations, its error
   * signal and its parameter gradients for this batch. Overwrites the parameter gradients.
   *
   * @return the batch's loss, regularization included
   */
  public double backpropagate(Dataset batch) {
    requireCompiled();
    ensureBuilt(batch.cols());
    DataChecks.check(batch, network, head.loss(), "x");
    int rows = batch.rows();
    network.allocate(rows);
    head.allocate(rows);
    double[] out = network.forward(batch.x(), rows, false);
    double loss = head.loss(out, batch.y(), batch.weights(), rows, true) + network.regularizationLoss();
    head.backward(rows);
    return loss;
  }

  /** Keras's {@code evaluate}: the loss (with regularization) and every metric, in inference mode. */
  public Map<String, Double> evaluate(double[][] x, double[] y) {
    return evaluate(Dataset.of(x, y), Fit.DEFAULT_BATCH_SIZE);
  }

  /** Evaluates a dataset in batches of {@code batchSize}. */
  public Map<String, Double> evaluate(Dataset data, int batchSize) {
    requireCompiled();
    ensureBuilt(data.cols());
    DataChecks.check(data, network, head.loss(), "x");
    return new Trainer(this, network, head, optimizer, metrics, weightedMetrics).evaluate(data, batchSize, "");
  }

  /** Keras's {@code predict}: the output for each row (probabilities for sigmoid/softmax outputs). */
  public double[][] predict(double[][] x) {
    Dataset d = Dataset.features(x);
    ensureBuilt(d.cols());
    DataChecks.checkFeatures(d, network, "x");
    int out = network.outputWidth();
    double[] flat = predictFlat(d.x(), d.rows());
    double[][] r = new double[d.rows()][out];
    for (int i = 0; i < d.rows(); i++) {
      System.arraycopy(flat, i * out, r[i], 0, out);
    }
    return r;
  }

  /** Predicts {@code rows} rows of row-major {@code x}; returns row-major outputs. */
  public double[] predictFlat(double[] x, int rows) {
    Network net = network();
    int out = net.outputWidth();
    int in = net.inputWidth();
    int batch = Math.min(Math.max(rows, 1), 1024);
    net.allocate(batch);
    double[] result = new double[rows * out];
    double[] xb = new double[batch * in];
    for (int start = 0; start < rows; start += batch) {
      int n = Math.min(batch, rows - start);
      System.arraycopy(x, start * in, xb, 0, n * in);
      double[] o = net.forward(xb, n, false);
      System.arraycopy(o, 0, result, start * out, n * out);
    }
    return result;
  }

  /** The probability of class 1 for each row, for a single-output model. */
  public double[] predictProbabilities(double[][] x) {
    requireSingleOutput();
    Dataset d = Dataset.features(x);
    ensureBuilt(d.cols());
    DataChecks.checkFeatures(d, network, "x");
    return predictFlat(d.x(), d.rows());
  }

  /**
   * Keras's {@code predict} on the features of {@code data} (its targets are ignored), without
   * copying them: row-major outputs, {@code data.rows() x outputWidth()}, the same values as
   * {@link #predict(double[][])} on the same rows.
   */
  public double[] predict(Dataset data) {
    ensureBuilt(data.cols());
    DataChecks.checkFeatures(data, network, "x");
    return predictFlat(data.x(), data.rows());
  }

  /** {@link #predictProbabilities(double[][])} on the features of {@code data}, without copying them. */
  public double[] predictProbabilities(Dataset data) {
    requireSingleOutput();
    return predict(data);
  }

  /** Class predictions with the article's threshold: 1 when the probability is greater than 0.5. */
  public int[] predictClasses(double[][] x) {
    return predictClasses(x, 0.5);
  }

  /**
   * Class predictions: for one output, 1 when the probability is strictly greater than
   * {@code threshold} (Keras's {@code predict(x) > 0.5}); for several, the arg-max.
   */
  public int[] predictClasses(double[][] x, double threshold) {
    double[][] p = predict(x);
    int[] c = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      if (p[i].length == 1) {
        c[i] = p[i][0] > threshold ? 1 : 0;
      } else {
        int best = 0;
        for (int j = 1; j < p[i].length; j++) {
          if (p[i][j] > p[i][best]) {
            best = j;
          }
        }
        c[i] = best;
      }
    }
    return c;
  }

  private void requireSingleOutput() {
    if (network().outputWidth() != 1) {
      throw new IllegalStateException("the model has " + network.outputWidth() + " outputs; use predict for per-class probabilities");
    }
  }

  /** A Keras-like summary with each layer's fans, initializer and target standard deviation. */
  public String summary() {
    return Summary.render(this);
  }

  /** The spec, with the seed actually used. */
  public ModelSpec spec() {
    return spec;
  }

  /** The spec with the input width filled in on the first Dense layer (for saving). */
  public ModelSpec resolvedSpec() {
    if (network == null) {
      return spec;
    }
    List<LayerSpec> layers = new ArrayList<>(spec.layers());
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DenseSpec d) {
        layers.set(i, d.withInputDim(network.inputWidth()));
        break;
      }
    }
    return spec.withLayers(layers);
  }

  /** The seed of every random number of this model. */
  public long seed() {
    return seed;
  }

  /** The built layers (empty before the input width is known). */
  public List<dev.lamina.layer.Layer> layers() {
    return network == null ? List.of() : network.layers();
  }

  /** All trainable tensors (live). */
  public List<Parameter> parameters() {
    return network().parameters();
  }

  /** Non-trainable state tensors (BatchNormalization's moving statistics), live; saved with the weights. */
  public List<Parameter> state() {
    return network().state();
  }

  /**
   * Every tensor a saved model holds: the trainable ones ({@link #parameters()}) followed by the
   * non-trainable state ({@link #state()}), as Keras's {@code get_weights()}.
   */
  public List<Parameter> tensors() {
    return network().tensors();
  }

  /** Number of input columns. */
  public int inputWidth() {
    return network().inputWidth();
  }

  /** Number of outputs. */
  public int outputWidth() {
    return network().outputWidth();
  }

  /** The optimizer (null when uncompiled). */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** The names of the compiled metrics, in order (unweighted, then weighted). */
  public List<String> metricNames() {
    List<String> names = new ArrayList<>();
    if (metrics != null) {
      for (Metric m : metrics) {
        names.add(m.name());
      }
      for (Metric m : weightedMetrics) {
        names.add(m.name());
      }
    }
    return names;
  }

  /** The compiled loss's name. */
  public String lossName() {
    return head == null ? null : head.loss().name();
  }

  /** How {@code ModelCheckpoint} and {@code save} write this model (the default writes a weights file). */
  public void setSaver(ModelSaver saver) {
    this.saver = saver;
  }

  /** Saves the model with the configured saver. */
  public void save(Path path) {
    saver.save(this, path);
  }

  /** A deep copy of all weights, non-trainable state included (as Keras's {@code get_weights()}). */
  public double[][] weights() {
    List<Parameter> ps = tensors();
    double[][] w = new double[ps.size()][];
    for (int i = 0; i < ps.size(); i++) {
      w[i] = ps.get(i).value().clone();
    }
    return w;
  }

  /**
   * Replaces all weights, trainable and state (shapes must match {@link #tensors()});
   * data-dependent initialization is then considered done, since the weights were given.
   */
  public void setWeights(double[][] w) {
    dataDependentDone = true;
    List<Parameter> ps = tensors();
    if (w.length != ps.size()) {
      throw new IllegalArgumentException("expected " + ps.size() + " weight tensors, got " + w.length);
    }
    for (int i = 0; i < ps.size(); i++) {
      if (w[i].length != ps.get(i).size()) {
        throw new IllegalArgumentException(ps.get(i).name() + " has " + ps.get(i).size() + " values, got " + w[i].length);
      }
      ps.get(i).setValue(w[i]);
    }
  }

  /** Saves a model somewhere (a weights file by default; the model-file format in the front end). */
  @FunctionalInterface
  public interface ModelSaver {
    /** Writes {@code model} to {@code path} atomically. */
    void save(Model model, Path path);
  }
}

package dev.lamina.optim;

import dev.lamina.parallel.KernelThreads;
import dev.lamina.spec.SpecException;
import java.util.List;

/**
 * The base of every optimizer, mirroring Keras 3's {@code BaseOptimizer}: one step clips the
 * gradients ({@code clipnorm} per tensor, {@code clipvalue} element-wise, {@code global_clipnorm}),
 * applies decoupled weight decay {@code w -= w * weight_decay * lr} when set, then runs the
 * subclass's {@link #update} for each parameter, then increments {@link #iterations()}. A rule
 * that updates each element on its own ({@link #updatesByElement()}: Adam, AdamW, SGD) has its
 * large parameters split into ranges over the kernel threads, with the same bits as one thread.
 *
 * <p>Precision: a float32 parameter ({@link Parameter#singlePrecision()}) is decayed in float32,
 * and updated in float32 with float32 slots by every rule here ({@link #hasSinglePrecisionRule()}).
 * Clipping, and a rule without a single-precision form, compute in double on the parameter's
 * double views, which are rounded back to float32 afterwards: float32 storage still, at the cost
 * of converting the tensor twice per step.
 *
 * <p>Clipping uses Keras's exact formulas: {@code clipnorm = c} scales each gradient tensor by
 * {@code c / max(||g||, c)}; {@code global_clipnorm = c} scales every gradient by
 * {@code c * min(1 / N, 1 / c)} with {@code N} the norm of all gradients together;
 * {@code clipvalue = c} clips each element to {@code [-c, c]}.
 *
 * <p>Lifecycle: {@link #build(List)} once with the model's parameters (subclasses allocate their
 * slots there), then {@link #step(List)} once per batch with the gradients filled in. Optimizer
 * state lives here, never in the layers. {@code step} allocates nothing.
 */
public abstract class Optimizer {
  /**
   * Elements of one parameter from which an element-wise update is split between the kernel
   * threads: below it, waking a second thread costs more than the update.
   */
  static final int PARALLEL_MIN_ELEMENTS = 1 << 14;

  private final String name;
  private final LearningRateSchedule schedule;
  private double learningRate;
  private final Clipping clipping;
  private final Double clipnorm;
  private final Double clipvalue;
  private final Double globalClipnorm;
  private final Double weightDecay;
  private long iterations;
  private int threads = KernelThreads.defaultThreads();
  private final RangeUpdate rangeUpdate = new RangeUpdate();

  /**
   * @param name canonical Keras name
   * @param learningRate the constant rate (ignored when {@code schedule} is set); must be a
   *     positive finite number otherwise
   * @param schedule a schedule or null
   * @param clipping clipnorm / clipvalue / global_clipnorm / weight_decay (each may be null)
   * @throws SpecException at path {@code learning_rate} for a rate that is not positive and finite
   */
  protected Optimizer(String name, double learningRate, LearningRateSchedule schedule, Clipping clipping) {
    if (schedule == null) {
      checkLearningRate("learning_rate", learningRate);
    }
    this.name = name;
    this.learningRate = learningRate;
    this.schedule = schedule;
    this.clipping = clipping == null ? Clipping.NONE : clipping;
    this.clipnorm = this.clipping.clipnorm();
    this.clipvalue = this.clipping.clipvalue();
    this.globalClipnorm = this.clipping.globalClipnorm();
    this.weightDecay = this.clipping.weightDecay();
  }

  private static void checkLearningRate(String path, double lr) {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new SpecException(path, "learning_rate must be a positive finite number, got " + lr
          + "; typical values are 1e-4 to 1e-1");
    }
  }

  /**
   * Keras's common optimizer arguments. At most one of the three clip arguments may be set; each
   * that is set must be positive and finite; {@code weight_decay}, when set, must be finite and
   * not negative. Errors are {@link SpecException}s whose path is the Keras argument name.
   *
   * @param clipnorm per-tensor norm cap, or null
   * @param clipvalue element-wise cap, or null
   * @param globalClipnorm cap on the norm of all gradients together, or null
   * @param weightDecay decoupled weight decay, or null
   */
  public record Clipping(Double clipnorm, Double clipvalue, Double globalClipnorm, Double weightDecay) {
    /** No clipping and no weight decay. */
    public static final Clipping NONE = new Clipping(null, null, null, null);

    /** Validates the values and that at most one clip argument is set. */
    public Clipping {
      checkClip("clipnorm", clipnorm);
      checkClip("clipvalue", clipvalue);
      checkClip("global_clipnorm", globalClipnorm);
      int set = (clipnorm != null ? 1 : 0) + (clipvalue != null ? 1 : 0) + (globalClipnorm != null ? 1 : 0);
      if (set > 1) {
        String second = clipnorm != null && clipvalue != null ? "clipvalue" : "global_clipnorm";
        throw new SpecException(second, "only one of clipnorm, clipvalue and global_clipnorm can be set, got "
            + "clipnorm=" + clipnorm + ", clipvalue=" + clipvalue + ", global_clipnorm=" + globalClipnorm
            + "; keep one of them");
      }
      if (weightDecay != null && (!(weightDecay >= 0) || Double.isInfinite(weightDecay))) {
        throw new SpecException("weight_decay", "weight_decay must be a finite number >= 0, got "
            + weightDecay + "; typical values are 1e-4 to 1e-2");
      }
    }

    private static void checkClip(String key, Double v) {
      if (v != null && (!(v > 0) || Double.isInfinite(v))) {
        throw new SpecException(key, key + " must be a positive finite number, got " + v
            + "; leave it out to disable clipping");
      }
    }

    /** The same clipping with {@code weight_decay} replaced. */
    public Clipping withWeightDecay(Double wd) {
      return new Clipping(clipnorm, clipvalue, globalClipnorm, wd);
    }
  }

  /** The canonical Keras name, for example {@code adam}. */
  public String name() {
    return name;
  }

  /** The clipping and weight-decay settings. */
  public Clipping clipping() {
    return clipping;
  }

  /** The learning-rate schedule, or null for a constant rate. */
  public LearningRateSchedule schedule() {
    return schedule;
  }

  /** Allocates per-parameter state; called once before the first step. */
  public abstract void build(List<Parameter> params);

  /**
   * Applies one update to parameter {@code index}. Subclasses override this, or, for an
   * element-wise rule, {@link #updatesByElement()} and the ranged
   * {@link #update(int, Parameter, double, long, int, int)}, which this then runs over the whole
   * tensor.
   *
   * @param lr the learning rate for this step
   * @param t the 1-based step number (iterations + 1), for bias corrections
   * @throws UnsupportedOperationException when the subclass implements neither
   */
  protected void update(int index, Parameter p, double lr, long t) {
    update(index, p, lr, t, 0, p.size());
  }

  /**
   * Called once per step before the updates, with the same arguments; where a subclass computes
   * what all its updates share (Adam's bias corrections), so that ranges running on several
   * threads only read it.
   */
  protected void beginStep(double lr, long t) {
  }

  /**
   * Whether the rule updates every element from that element's own gradient and slots only, so
   * that {@link #update(int, Parameter, double, long, int, int)} may run disjoint ranges of a
   * large parameter on different threads. False unless a subclass implements the ranged update.
   */
  protected boolean updatesByElement() {
    return false;
  }

  /**
   * Whether the rule has a single-precision form: float32 parameters updated in float32 arithmetic
   * with float32 slots (every optimizer of {@link Optimizers}). A rule without one computes in
   * double on the parameter's double views, with double slots, and its results are stored back in
   * float32 (false by default, so a new optimizer is correct before it is fast).
   */
  public boolean hasSinglePrecisionRule() {
    return false;
  }

  /**
   * Applies the update to elements {@code [from, to)} of parameter {@code index}, with exactly the
   * arithmetic of {@link #update(int, Parameter, double, long)}, so a split step is bit-identical
   * to a whole one. Only called when {@link #updatesByElement()} is true.
   *
   * @throws UnsupportedOperationException when the subclass does not implement it
   */
  protected void update(int index, Parameter p, double lr, long t, int from, int to) {
    throw new UnsupportedOperationException(name + " updates whole tensors only");
  }

  /**
   * Sets how many threads one step may split a large element-wise update over (default: the
   * {@code lamina.threads} system property, else the number of processors). Results are
   * bit-identical for every value.
   *
   * @throws IllegalArgumentException when {@code n} is less than 1
   */
  public void setThreads(int n) {
    this.threads = KernelThreads.requireThreadCount(n);
  }

  /** How many threads one step may use. */
  public int threads() {
    return threads;
  }

  /** One optimization step over all parameters, using their current gradients. */
  public final void step(List<Parameter> params) {
    clip(params);
    double lr = currentLearningRate();
    long t = iterations + 1;
    int n = params.size();
    if (weightDecay != null) {
      double wd = weightDecay;
      for (int i = 0; i < n; i++) {
        Parameter p = params.get(i);
        if (p.singlePrecision()) {
          decaySingle(p.floatValue(), (float) wd, (float) lr);
          continue;
        }
        double[] w = p.value();
        for (int k = 0; k < w.length; k++) {
          // Keras's order of operations: w - w * wd * lr.
          w[k] = w[k] - w[k] * wd * lr;
        }
      }
    }
    beginStep(lr, t);
    boolean split = threads > 1 && updatesByElement();
    for (int i = 0; i < n; i++) {
      Parameter p = params.get(i);
      int size = p.size();
      if (split && size >= PARALLEL_MIN_ELEMENTS) {
        rangeUpdate.set(i, p, lr, t);
        KernelThreads.run(rangeUpdate, size, threads);
      } else {
        update(i, p, lr, t);
      }
      if (p.singlePrecision() && !hasSinglePrecisionRule()) {
        p.floatValue(); // rounds what the double rule wrote, so the weights are float32 values at once
      }
    }
    iterations++;
  }

  /** The weight decay of a float32 parameter in float32 arithmetic (the loop above, operation for operation). */
  private static void decaySingle(float[] w, float wd, float lr) {
    for (int k = 0; k < w.length; k++) {
      w[k] = w[k] - w[k] * wd * lr;
    }
  }

  /** The ranged update of one parameter as a reusable parallel task, so a split step allocates nothing. */
  private final class RangeUpdate implements KernelThreads.Range {
    private int index;
    private Parameter parameter;
    private double lr;
    private long t;

    void set(int index, Parameter parameter, double lr, long t) {
      this.index = index;
      this.parameter = parameter;
      this.lr = lr;
      this.t = t;
    }

    @Override
    public void run(int from, int to) {
      update(index, parameter, lr, t, from, to);
    }
  }

  private void clip(List<Parameter> params) {
    int n = params.size();
    if (clipnorm != null) {
      double c = clipnorm;
      for (int i = 0; i < n; i++) {
        double[] g = params.get(i).grad();
        double denom = Math.max(norm(g), c);
        for (int k = 0; k < g.length; k++) {
          g[k] = g[k] * c / denom;
        }
      }
    } else if (globalClipnorm != null) {
      double c = globalClipnorm;
      double sq = 0;
      for (int i = 0; i < n; i++) {
        double[] g = params.get(i).grad();
        for (double v : g) {
          sq += v * v;
        }
      }
      double total = Math.sqrt(sq);
      // Keras: c * min(1/N, 1/c), plus (N - N) so a non-finite norm poisons every gradient with NaN.
      double scale = c * Math.min(1.0 / total, 1.0 / c) + (total - total);
      for (int i = 0; i < n; i++) {
        double[] g = params.get(i).grad();
        for (int k = 0; k < g.length; k++) {
          g[k] *= scale;
        }
      }
    } else if (clipvalue != null) {
      double c = clipvalue;
      for (int i = 0; i < n; i++) {
        double[] g = params.get(i).grad();
        for (int k = 0; k < g.length; k++) {
          g[k] = Math.max(-c, Math.min(c, g[k]));
        }
      }
    }
  }

  private static double norm(double[] g) {
    double s = 0;
    for (double v : g) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  /** The learning rate the next step will use. */
  public double currentLearningRate() {
    return schedule == null ? learningRate : schedule.at(iterations);
  }

  /**
   * Sets a constant learning rate (used by ReduceLROnPlateau).
   *
   * @throws IllegalStateException when the rate comes from a schedule, as Keras refuses to set it
   *     then (check {@link #hasSchedule()} first)
   * @throws SpecException when {@code lr} is not positive and finite
   */
  public void setLearningRate(double lr) {
    if (schedule != null) {
      throw new IllegalStateException("optimizer '" + name + "' takes its learning rate from the schedule '"
          + schedule.name() + "', so the rate cannot be set; use a constant learning_rate to let callbacks change it");
    }
    checkLearningRate("learning_rate", lr);
    this.learningRate = lr;
  }

  /** Whether the rate comes from a schedule (then ReduceLROnPlateau cannot change it). */
  public boolean hasSchedule() {
    return schedule != null;
  }

  /** Number of steps applied so far. */
  public long iterations() {
    return iterations;
  }

  /** Restores the step count, for resuming from a checkpoint. */
  public void setIterations(long iterations) {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
    }
    this.iterations = iterations;
  }

  /**
   * The optimizer's slot tensors in a fixed order (for checkpoints and export); each array is
   * live storage.
   */
  public abstract List<double[]> slots();
}

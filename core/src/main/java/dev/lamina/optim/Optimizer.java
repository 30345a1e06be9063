package dev.lamina.optim;

import java.util.List;

/**
 * The base of every optimizer, mirroring Keras 3's {@code BaseOptimizer}: one step clips the
 * gradients ({@code clipnorm} per tensor, {@code clipvalue} element-wise, {@code global_clipnorm}),
 * applies decoupled weight decay {@code w -= lr * weight_decay * w} when set, then runs the
 * subclass's {@link #update} for each parameter, then increments {@link #iterations()}.
 *
 * <p>Lifecycle: {@link #build(List)} once with the model's parameters (subclasses allocate their
 * slots there), then {@link #step(List)} once per batch with the gradients filled in. Optimizer
 * state lives here, never in the layers. {@code step} allocates nothing.
 */
public abstract class Optimizer {
  private final String name;
  private final LearningRateSchedule schedule;
  private double learningRate;
  private final Double clipnorm;
  private final Double clipvalue;
  private final Double globalClipnorm;
  private final Double weightDecay;
  private long iterations;

  /**
   * @param name canonical Keras name
   * @param learningRate the constant rate (ignored when {@code schedule} is set)
   * @param schedule a schedule or null
   * @param clipping clipnorm / clipvalue / global_clipnorm / weight_decay (each may be null)
   */
  protected Optimizer(String name, double learningRate, LearningRateSchedule schedule, Clipping clipping) {
    this.name = name;
    this.learningRate = learningRate;
    this.schedule = schedule;
    this.clipnorm = clipping.clipnorm();
    this.clipvalue = clipping.clipvalue();
    this.globalClipnorm = clipping.globalClipnorm();
    this.weightDecay = clipping.weightDecay();
  }

  /**
   * Keras's common optimizer arguments. At most one of the three clip arguments may be set.
   *
   * @param clipnorm per-tensor norm cap, or null
   * @param clipvalue element-wise cap, or null
   * @param globalClipnorm cap on the norm of all gradients together, or null
   * @param weightDecay decoupled weight decay, or null
   */
  public record Clipping(Double clipnorm, Double clipvalue, Double globalClipnorm, Double weightDecay) {
    /** No clipping and no weight decay. */
    public static final Clipping NONE = new Clipping(null, null, null, null);
  }

  /** The canonical Keras name, for example {@code adam}. */
  public String name() {
    return name;
  }

  /** Allocates per-parameter state; called once before the first step. */
  public abstract void build(List<Parameter> params);

  /**
   * Applies one update to parameter {@code index}.
   *
   * @param lr the learning rate for this step
   * @param t the 1-based step number (iterations + 1), for bias corrections
   */
  protected abstract void update(int index, Parameter p, double lr, long t);

  /** One optimization step over all parameters, using their current gradients. */
  public final void step(List<Parameter> params) {
    clip(params);
    double lr = currentLearningRate();
    long t = iterations + 1;
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      if (weightDecay != null && weightDecay != 0) {
        double[] w = p.value();
        double f = lr * weightDecay;
        for (int k = 0; k < w.length; k++) {
          w[k] -= w[k] * f;
        }
      }
      update(i, p, lr, t);
    }
    iterations++;
  }

  private void clip(List<Parameter> params) {
    if (clipnorm != null) {
      for (Parameter p : params) {
        double[] g = p.grad();
        double n = norm(g);
        if (n > clipnorm) {
          double f = clipnorm / n;
          for (int k = 0; k < g.length; k++) {
            g[k] *= f;
          }
        }
      }
    }
    if (globalClipnorm != null) {
      double sq = 0;
      for (Parameter p : params) {
        double n = norm(p.grad());
        sq += n * n;
      }
      double n = Math.sqrt(sq);
      if (n > globalClipnorm) {
        double f = globalClipnorm / n;
        for (Parameter p : params) {
          double[] g = p.grad();
          for (int k = 0; k < g.length; k++) {
            g[k] *= f;
          }
        }
      }
    }
    if (clipvalue != null) {
      double c = clipvalue;
      for (Parameter p : params) {
        double[] g = p.grad();
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

  /** Sets a constant learning rate (used by ReduceLROnPlateau); a schedule, if any, is kept. */
  public void setLearningRate(double lr) {
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
    this.iterations = iterations;
  }

  /**
   * The optimizer's slot tensors in a fixed order (for checkpoints and export); each array is
   * live storage.
   */
  public abstract List<double[]> slots();
}

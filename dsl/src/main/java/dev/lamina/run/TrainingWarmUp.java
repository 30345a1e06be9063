package dev.lamina.run;

import dev.lamina.layer.Simd;
import dev.lamina.model.Model;
import dev.lamina.random.Rng;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Callback;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import dev.lamina.train.TrainingContext;
import java.util.List;

/**
 * While the command line's run reads its data, trains a throw-away copy of the run's model on
 * synthetic rows on a second thread, so that HotSpot has compiled the training loop's hot methods
 * (the layers' products, the activations, the optimizer's update, the loss) with its optimizing
 * compiler by the time the real training starts.
 *
 * <p>Why: a run is one cold JVM. Without this, the first part of every training runs in the
 * interpreter and in C1's profiling code until the methods get hot enough for C2 (for the Vector
 * API kernels of a wide layer, each vector operation is an object in the meantime), and that time
 * counts in {@code train_seconds}. Reading and encoding the CSV keeps one core busy for that
 * long anyway; the second core does the warm-up. The same idea as a server's warm-up requests.
 *
 * <p>What it can change: nothing but speed. The copy is a separate {@link Model} built from the
 * same spec (its own weights, buffers, optimizer state and random generators), trained on its own
 * rows; compiled code computes exactly what interpreted code computes (Java's floating point is
 * strict, the kernels' fused multiply-adds are explicit). The warm-up stops, and its thread is
 * joined, before {@link Runner#prepare} returns, so it never overlaps the real training nor holds
 * the kernel threads when the training wants them. It runs only in the command line's own JVM
 * ({@link #allowInThisProcess}; {@code -Dlamina.warmup=false} turns it off), only when the spec
 * declares its input width ({@code input_dim}), and for at most {@value #MAX_MILLIS} ms: for a
 * spec with a Dense layer of {@link Simd#MIN_UNITS}+ units, and for a narrow one in the JVM that
 * dsl's SharedArchive starts for a short narrow training ({@value #SHORT_NARROW_PROPERTY}; it
 * compiles with C1 but for a few kernels), there for {@value #NARROW_BATCHES} batches only.
 *
 * <p>Why only wide models, measured (quiet machine, 2026-12-07 03:04-03:12, alternating cold
 * runs): the wide 11-256-256-1 workload (990,000 rows) trained in 6.66 s with the warm-up against
 * 7.20 s without (medians of 3); the narrow churn model's training went from 0.393 s to 0.369 s
 * (medians of 7, inside the noise) while its whole process took 0.14 s longer and 0.35 s more
 * processor time: its CSV is read in a fraction of a second, too short for the warm-up to pay
 * for the JIT work it adds on two cores.
 *
 * <p>Why narrow models under C1 alone, measured (2026-12-07 13:20-13:25, alternating cold runs of
 * the churn example, a loaded machine, load 4.4-5.8): C1 compiles a method after a few hundred
 * calls, cheaply, so a short warm-up queues the whole training step early; the training took
 * 0.463 s instead of 0.558 s (medians of 6) with the warm-up stopped after 1,000 batches, while
 * the whole process took 2.90 s instead of 3.03 s and 2.85 s of processor time instead of 2.94 s.
 * Left to run while the data is read (21,000-48,000 batches), the warm-up trained 0.27 s instead
 * of 0.31 s but cost 0.12 s of wall time and 0.14 s of processor time (medians of 8, load 4.4).
 */
public final class TrainingWarmUp implements AutoCloseable {
  /**
   * The longest warm-up. Reading the data ends it earlier; this cap only bounds the processor
   * time spent on a very large file. It was 3 s, which was too short on two cores shared by the
   * data reading, the warm-up and both compilers: in a cold wide run (990,000 rows,
   * {@code -XX:+PrintCompilation}) only the six-row, three-vector kernel reached C2 in time, and
   * the two-vector, four-row and remainder kernels were compiled by C2 0.1-0.9 s into the real
   * training, which ran them as C1 code until then (the Vector API boxes every vector there). With
   * 8 s, every kernel was compiled by C2 1.7-5 s before the training started. What that had cost
   * was small, though: in async-profiler's annotated samples of one training each (load 5-6),
   * frames in the interpreter or in C1 code took 288 ms of the 8.7 s of training processor time
   * with the 3 s cap and 243 ms of 8.3 s with 8 s.
   */
  static final long MAX_MILLIS = 10_000;
  /**
   * The batches a narrow model's warm-up trains in a short narrow training's JVM: enough for
   * every method of the training step to pass C1's threshold (200 calls) and be compiled, a small
   * part of the time the data takes to read.
   */
  static final int NARROW_BATCHES = 1_000;
  /**
   * System property, {@code true} in the JVM that dsl's SharedArchive starts for a short narrow
   * training, with its compilers chosen on the command line (C1, and C2 for a few kernels): a
   * narrow model is warmed up there.
   */
  public static final String SHORT_NARROW_PROPERTY = "lamina.shortnarrow";
  /** Synthetic training rows per warm-up epoch (at least a few batches). */
  private static final int MIN_ROWS = 1_024;
  private static final int BATCHES_PER_EPOCH = 4;
  /** More epochs than the time limit allows: the limit or the end of the data reading stops it. */
  private static final int MAX_EPOCHS = 1_000_000;
  private static final TrainingWarmUp NONE = new TrainingWarmUp(null, 0, 0);

  /** System property: {@code false} turns the warm-up off (to measure what it gives). */
  public static final String PROPERTY = "lamina.warmup";

  private static volatile boolean commandLineProcess;

  private final Thread thread;
  /** The batches after which the warm-up stops by itself. */
  private final int maxBatches;
  private volatile boolean stop;
  private volatile int batches;

  private TrainingWarmUp(ModelSpec spec, int batchSize, int maxBatches) {
    this.maxBatches = maxBatches;
    if (spec == null) {
      thread = null;
      return;
    }
    thread = new Thread(() -> train(spec, batchSize), "lamina-training-warmup");
    thread.setDaemon(true);
  }

  /** Marks this JVM as the command line's own (called by {@code Main.main}, never by tests or libraries). */
  public static void allowInThisProcess() {
    allow(!"false".equalsIgnoreCase(System.getProperty(PROPERTY, "")));
  }

  /** Turns the warm-up of {@link #start} on or off in this JVM. */
  static void allow(boolean on) {
    commandLineProcess = on;
  }

  /**
   * Starts warming up the training of {@code spec} in the background when this is the command
   * line's JVM and {@code declared} (a model built from {@code spec}) knows its input width;
   * otherwise returns a warm-up that does nothing.
   */
  static TrainingWarmUp start(ModelSpec spec, Model declared, int batchSize) {
    if (!commandLineProcess || !declared.isBuilt() || spec.compile() == null) {
      return NONE;
    }
    if (Runner.widestDense(spec) >= Simd.MIN_UNITS) {
      return startAlways(spec, batchSize);
    }
    return Boolean.getBoolean(SHORT_NARROW_PROPERTY) ? startAlways(spec, batchSize, NARROW_BATCHES) : NONE;
  }

  /** Starts the warm-up of {@code spec} (whose first layer declares its input width) in any JVM. */
  static TrainingWarmUp startAlways(ModelSpec spec, int batchSize) {
    return startAlways(spec, batchSize, Integer.MAX_VALUE);
  }

  /** {@link #startAlways(ModelSpec, int)}, stopping by itself after {@code maxBatches} batches. */
  static TrainingWarmUp startAlways(ModelSpec spec, int batchSize, int maxBatches) {
    TrainingWarmUp w = new TrainingWarmUp(spec, batchSize, maxBatches);
    w.thread.start();
    return w;
  }

  /** The batches the throw-away model has trained so far. */
  int batches() {
    return batches;
  }

  /** Whether a warm-up thread was started. */
  boolean started() {
    return thread != null;
  }

  /** Stops the warm-up and waits for its thread (at most one batch of the throw-away model). */
  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    stop = true;
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void train(ModelSpec spec, int batch) {
    try {
      Model copy = Model.of(spec);
      int cols = copy.inputWidth();
      int rows = Math.max(MIN_ROWS, BATCHES_PER_EPOCH * batch);
      Rng rng = new Rng(1);
      double[] x = new double[Math.multiplyExact(rows, cols)];
      for (int i = 0; i < x.length; i++) {
        x[i] = rng.nextGaussian();
      }
      // Class 0 / target 0 for every row: a valid target for every loss the engine has.
      boolean classIndexes = "sparse_categorical_crossentropy".equals(copy.lossName());
      int targetCols = classIndexes ? 1 : copy.outputWidth();
      double[] y = new double[Math.multiplyExact(rows, targetCols)];
      if ("categorical_crossentropy".equals(copy.lossName())) {
        for (int i = 0; i < rows; i++) {
          y[i * targetCols] = 1;
        }
      }
      long deadline = System.nanoTime() + MAX_MILLIS * 1_000_000L;
      Callback until = new Callback() {
        private TrainingContext context;

        @Override
        public void onTrainBegin(TrainingContext c, int epochs, int stepsPerEpoch) {
          context = c;
        }

        @Override
        public void onBatchEnd(int epoch, int b, double batchLoss, double runningLoss) {
          batches++; // one writer (this thread); readers only look
          if (stop || batches >= maxBatches || System.nanoTime() > deadline) {
            context.stopTraining();
          }
        }
      };
      copy.fit(new Dataset(x, rows, cols, y, targetCols, null), null,
          new Fit(MAX_EPOCHS, batch, 0, true, List.of()), until);
    } catch (RuntimeException | LinkageError e) {
      // Only a speed-up: the real training reports any problem of the spec or the data itself.
    }
  }
}

package dev.lamina.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes of the run folder that do not depend on each other - the PNG plots - done on
 * {@value #THREADS} background threads while the caller writes the other files.
 *
 * <p>Why: drawing a plot is the slowest write (XChart strokes each of the thousands of segments
 * of a ROC or precision-recall curve as its own shape), every plot has all its data once training
 * and evaluation are done, and each draws into its own image, so two of them can be drawn at once
 * on a second core instead of one after the other. The bytes of every file are the same; only the
 * order in which the files appear changes.
 *
 * <p>{@link #awaitAll()} waits for every task and rethrows the first failure in submission
 * order, as a serial run would have thrown it. {@link #close()} also lets the submitted writes
 * finish (their failures are dropped then), so when another write of the run fails, the plots
 * started before it are complete, as they would be in a serial run. The threads are daemons.
 */
final class ParallelWrites implements AutoCloseable {
  /** Background threads: the 2 cores of a small machine, with the caller's thread alongside. */
  static final int THREADS = 2;

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ExecutorService pool;
  private final List<Future<?>> pending = new ArrayList<>();

  ParallelWrites() {
    int id = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    pool = Executors.newFixedThreadPool(THREADS, task -> {
      Thread t = new Thread(task, "lamina-writes-" + id + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts {@code write} in the background. */
  void submit(Runnable write) {
    pending.add(pool.submit(write));
  }

  /**
   * Waits for every submitted write.
   *
   * @throws RuntimeException the first write's failure, as it was thrown
   */
  void awaitAll() {
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing the run folder", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      }
    }
    pending.clear();
  }

  /** Lets the submitted writes finish and ends the threads; a failure was or will be reported by the caller. */
  @Override
  public void close() {
    pool.shutdown();
    boolean interrupted = false;
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        // Reported by awaitAll, or superseded by the failure that made the caller close early.
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

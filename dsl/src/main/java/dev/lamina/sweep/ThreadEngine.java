package dev.lamina.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a sweep on {@code threads} threads of this JVM. Each run builds its own model from its own
 * seed and shares only read-only data, so results are identical for any thread count; they are
 * stored by plan index, so their order is too.
 */
public final class ThreadEngine implements SweepEngine {
  private final int threads;

  /** An engine with {@code threads} worker threads (at least 1). */
  public ThreadEngine(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  /** The number of worker threads. */
  public int threads() {
    return threads;
  }

  @Override
  public <T extends Serializable, R extends Serializable> List<R> map(List<T> runs, Task<T, R> trainer, Consumer<R> done) {
    @SuppressWarnings("unchecked")
    R[] results = (R[]) new Serializable[runs.size()];
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sweep-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        int slot = i;
        futures.add(pool.submit(() -> {
          R r = trainer.apply(runs.get(slot));
          results[slot] = r;
          synchronized (done) {
            done.accept(r);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the trainings were interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a worker failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return Arrays.asList(results);
  }
}

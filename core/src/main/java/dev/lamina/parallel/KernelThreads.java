package dev.lamina.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process-wide pool of daemon threads that the large matrix products split their work over.
 * Created once (lazily, on the first parallel product), never per batch; a parallel call allocates
 * nothing.
 *
 * <p>Determinism: callers split their output into disjoint ranges (rows of the result) whose
 * values do not depend on which thread computes them or on how many ranges there are, so the
 * results are bit-identical for every thread count. Only the speed depends on the pool.
 *
 * <p>{@link #run} splits into equal parts; {@link #runGuided} (the matrix products) into unequal
 * ones, so a thread that starts late costs less. Waiting threads spin, then yield, then park.
 *
 * <p>When another training holds the pool (several models trained concurrently), the caller runs
 * every range itself instead of waiting, which gives the same results.
 */
public final class KernelThreads {
  /** System property that overrides the default thread count (the number of processors). */
  public static final String THREADS_PROPERTY = "lamina.threads";
  /** How long a waiting caller spins before it starts yielding, in spin iterations. */
  private static final int SPINS = 2_000;
  /**
   * How long an idle worker keeps polling for the next task before parking, in nanoseconds. One
   * training step dispatches about fifteen operations with short serial work between them; a
   * parked worker on a virtual machine can take longer to wake than a whole product part, and then
   * the caller runs both parts itself. Like OpenMP's spin-wait before sleeping (GOMP_SPINCOUNT).
   */
  private static final long WORKER_SPIN_NANOS = 2_000_000;
  /**
   * For how long of that window the worker busy-polls; after it, it yields the processor between
   * polls, so other runnable threads (a second training in a sweep, the JIT) are not starved by a
   * worker waiting for work.
   */
  private static final long WORKER_BUSY_NANOS = 50_000;
  /** Spin iterations between two reads of the clock. */
  private static final int SPINS_PER_CLOCK_READ = 64;
  private static final int GENERATION_SHIFT = 32;
  private static final int HIGH_SHIFT = 16;
  private static final long PART_MASK = 0xFFFF;
  private static final int MAX_PARTS = 0xFFFF;

  /** One unit of parallel work: computes the part {@code [from, to)} of the result. */
  public interface Range {
    /** Computes the items {@code [from, to)}. */
    void run(int from, int to);
  }

  private static final class Holder {
    static final KernelThreads POOL = new KernelThreads(Runtime.getRuntime().availableProcessors() - 1);
  }

  private final Thread[] workers;
  private final ReentrantLock lock = new ReentrantLock();
  /**
   * The claim counter: generation (high 32 bits), then the unclaimed parts {@code [low, high)}
   * (16 bits each). The caller claims from the low end and the workers from the high end, so with
   * two threads the caller runs the first part and the worker the last one of every product: a
   * row range computed by one core in one layer is read by the same core in the next (its L2 cache
   * still holds it), unless a late worker left both parts to the caller. A thread claims a part
   * only by a compare-and-set within the generation it woke for, so a late worker can never run a
   * stale task or claim a part of the next one.
   */
  private final AtomicLong ticket = new AtomicLong();
  private final AtomicInteger donePart = new AtomicInteger();
  private Thread caller;
  private Range task;
  private int items;
  private int parts;
  /** Whether the parts of the current task are {@link #runGuided}'s unequal ones. */
  private boolean guided;
  private volatile Throwable failure;

  private KernelThreads(int workerCount) {
    workers = new Thread[Math.max(0, workerCount)];
    for (int i = 0; i < workers.length; i++) {
      Thread t = new Thread(this::workLoop, "lamina-kernel-" + i);
      t.setDaemon(true);
      workers[i] = t;
      t.start();
    }
  }

  /**
   * A thread count as given to a {@code setThreads} method: returned unchanged when at least 1.
   *
   * @throws IllegalArgumentException when {@code n} is less than 1
   */
  public static int requireThreadCount(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + n);
    }
    return n;
  }

  /**
   * The default number of threads for a layer: the {@code lamina.threads} system property when
   * set, otherwise the number of available processors.
   */
  public static int defaultThreads() {
    Integer p = Integer.getInteger(THREADS_PROPERTY);
    return p != null && p > 0 ? p : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs {@code task} over {@code [0, n)} split into {@code parts} contiguous ranges (part
   * {@code c} is {@code [n c / parts, n (c + 1) / parts)}), using up to {@code parts} threads
   * including the caller; returns when every range is done.
   */
  public static void run(Range task, int n, int parts) {
    int p = Math.min(parts, n);
    if (p <= 1) {
      task.run(0, n);
      return;
    }
    Holder.POOL.dispatch(task, n, p, false);
  }

  /**
   * Runs {@code task} over {@code [0, n)} on up to {@code threads} threads (caller included), in
   * twice as many parts as threads, of unequal size: with two threads {@code [0, 3n/8)}, {@code [3n/8,
   * n/2)}, {@code [n/2, 5n/8)}, {@code [5n/8, n)} (boundaries rounded to multiples of four, the row
   * tile of the matrix kernels). Each thread starts with a large part and then takes the small
   * ones; when one thread starts late (preempted, or still waking), the other takes its small part
   * and waits for at most a quarter of the work instead of doing all of it. Measured before this:
   * in a third of a million 2-part products, the worker missed the whole of about one in ten
   * large ones, which then took twice as long.
   */
  public static void runGuided(Range task, int n, int threads) {
    int t = Math.min(threads, n);
    if (t <= 1) {
      task.run(0, n);
      return;
    }
    Holder.POOL.dispatch(task, n, Math.min(2 * t, n), true);
  }

  private void dispatch(Range t, int n, int p, boolean unequal) {
    if (workers.length == 0 || p > MAX_PARTS || !lock.tryLock()) {
      for (int c = 0; c < p; c++) {
        t.run(bound(n, p, c, unequal), bound(n, p, c + 1, unequal));
      }
      return;
    }
    try {
      task = t;
      items = n;
      parts = p;
      guided = unequal;
      caller = Thread.currentThread();
      donePart.set(0);
      long g = (ticket.get() >>> GENERATION_SHIFT) + 1;
      ticket.set((g << GENERATION_SHIFT) | ((long) p << HIGH_SHIFT)); // publishes task, items, parts, caller
      int wake = Math.min(workers.length, p - 1);
      for (int i = 0; i < wake; i++) {
        LockSupport.unpark(workers[i]);
      }
      runParts(g, false);
      awaitParts(p);
      task = null;
      Throwable f = failure;
      if (f != null) {
        failure = null;
        if (f instanceof Error e) {
          throw e;
        }
        throw (RuntimeException) f;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until all {@code p} parts are done: spins, then yields between polls, and parks only
   * after {@link #WORKER_SPIN_NANOS}. Measured in the wide training before this change, on the
   * project's virtual machine: a third of the steps had a parked wait, of 275-340 us on average,
   * about 5% of the run; a thread that parks there is slow to wake (likely because an idle
   * virtual processor halts and needs the host to wake it).
   */
  private void awaitParts(int p) {
    int spins = 0;
    long since = 0;
    while (donePart.get() < p) {
      if (spins < SPINS) {
        spins++;
        Thread.onSpinWait();
        continue;
      }
      long now = System.nanoTime();
      if (since == 0) {
        since = now;
      }
      if (now - since < WORKER_SPIN_NANOS) {
        Thread.yield();
      } else {
        LockSupport.park(this);
      }
    }
  }

  private static int start(int n, int p, int c) {
    return (int) ((long) n * c / p);
  }

  /**
   * The start of part {@code c} of {@code p} over {@code n} items: equal parts, or
   * {@link #runGuided}'s (the first {@code ceil(p/4)} and the last {@code floor(p/4)} parts weigh
   * three, the others one).
   */
  static int bound(int n, int p, int c, boolean unequal) {
    if (!unequal || p < 4 || (p & 1) != 0) {
      return start(n, p, c);
    }
    if (c >= p) {
      return n;
    }
    int threads = p / 2;
    int front = (threads + 1) / 2;
    int back = threads / 2;
    long weight = 0;
    for (int i = 0; i < c; i++) {
      weight += i < front || i >= p - back ? 3 : 1;
    }
    long b = n * weight / (4L * threads);
    if (n >= 16 * p) {
      b = (b + 2) & ~3L;
    }
    return (int) b;
  }

  /** Claims and runs parts of generation {@code g} until none is left: from the low end, or from the high end. */
  private void runParts(long g, boolean fromHigh) {
    while (true) {
      long v = ticket.get();
      if (v >>> GENERATION_SHIFT != g) {
        return;
      }
      int high = (int) ((v >>> HIGH_SHIFT) & PART_MASK);
      int low = (int) (v & PART_MASK);
      if (low >= high) {
        return;
      }
      int c = fromHigh ? high - 1 : low;
      if (!ticket.compareAndSet(v, fromHigh ? v - (1L << HIGH_SHIFT) : v + 1)) {
        continue;
      }
      // Read after the claim: the generation cannot end (and these cannot change) before this part is done.
      Range t = task;
      int n = items;
      int p = parts;
      boolean unequal = guided;
      try {
        t.run(bound(n, p, c, unequal), bound(n, p, c + 1, unequal));
      } catch (RuntimeException | Error e) {
        failure = e;
      } finally {
        if (donePart.incrementAndGet() == p) {
          LockSupport.unpark(caller);
        }
      }
    }
  }

  private void workLoop() {
    long seen = 0;
    long idleSince = System.nanoTime();
    int spins = 0;
    while (true) {
      long g = ticket.get() >>> GENERATION_SHIFT;
      if (g == seen) {
        if (++spins % SPINS_PER_CLOCK_READ != 0) {
          Thread.onSpinWait();
          continue;
        }
        long idle = System.nanoTime() - idleSince;
        if (idle > WORKER_SPIN_NANOS) {
          LockSupport.park(this);
          idleSince = System.nanoTime();
        } else if (idle > WORKER_BUSY_NANOS) {
          Thread.yield();
        }
        continue;
      }
      seen = g;
      runParts(g, true);
      idleSince = System.nanoTime();
    }
  }
}

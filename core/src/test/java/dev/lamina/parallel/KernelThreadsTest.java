package dev.lamina.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shared kernel pool runs every item of a range exactly once, for any number of parts. */
class KernelThreadsTest {
  @ParameterizedTest(name = "n={0} parts={1}")
  @CsvSource({"1,1", "1,4", "10,2", "11,3", "1000,2", "1000,7", "5,64"})
  void everyItemRunsExactlyOnce(int n, int parts) {
    assertEveryItemRunsOnce(n, task -> KernelThreads.run(task, n, parts));
  }

  /** Runs {@code split} 200 times over a counting task of {@code n} items; each item must run once a round. */
  private static void assertEveryItemRunsOnce(int n, Consumer<KernelThreads.Range> split) {
    for (int round = 0; round < 200; round++) {
      AtomicIntegerArray hits = new AtomicIntegerArray(n);
      split.accept((from, to) -> {
        for (int i = from; i < to; i++) {
          hits.incrementAndGet(i);
        }
      });
      for (int i = 0; i < n; i++) {
        assertThat(hits.get(i)).as("item %d in round %d", i, round).isEqualTo(1);
      }
    }
  }

  @ParameterizedTest(name = "n={0} threads={1}")
  @CsvSource({"1,2", "3,2", "10,2", "256,2", "255,2", "256,3", "1000,4", "7,8"})
  void guidedRunsEveryItemExactlyOnce(int n, int threads) {
    assertEveryItemRunsOnce(n, task -> KernelThreads.runGuided(task, n, threads));
  }

  @Test
  void guidedPartsOfTwoThreadsAreThreeEighthsThenOneEighthInRowTiles() {
    int[] b = new int[5];
    for (int c = 0; c <= 4; c++) {
      b[c] = KernelThreads.bound(256, 4, c, true);
    }
    assertThat(b).containsExactly(0, 96, 128, 160, 256);
    // 250 rows: the same shares, each boundary on a multiple of four.
    assertThat(KernelThreads.bound(250, 4, 1, true)).isEqualTo(92);
    assertThat(KernelThreads.bound(250, 4, 2, true)).isEqualTo(124);
    assertThat(KernelThreads.bound(250, 4, 3, true)).isEqualTo(156);
  }

  @Test
  void guidedPartsAreNonDecreasingAndCoverTheRange() {
    for (int threads = 2; threads <= 6; threads++) {
      int p = 2 * threads;
      for (int n = p; n < 600; n += 7) {
        assertThat(KernelThreads.bound(n, p, 0, true)).isZero();
        assertThat(KernelThreads.bound(n, p, p, true)).isEqualTo(n);
        for (int c = 0; c < p; c++) {
          assertThat(KernelThreads.bound(n, p, c + 1, true)).as("n=%d p=%d c=%d", n, p, c)
              .isGreaterThanOrEqualTo(KernelThreads.bound(n, p, c, true));
        }
      }
    }
  }

  @Test
  void workersClaimPartsFromTheBack() {
    Thread caller = Thread.currentThread();
    for (int round = 0; round < 2000; round++) {
      AtomicIntegerArray onWorker = new AtomicIntegerArray(2);
      KernelThreads.run((from, to) -> {
        if (Thread.currentThread() != caller) {
          onWorker.set(from == 0 ? 0 : 1, 1);
        }
      }, 100, 2);
      // A worker reaches the first part only after taking the last one (when the caller was late).
      if (onWorker.get(0) == 1) {
        assertThat(onWorker.get(1)).as("round %d: a worker ran part 0 but not part 1", round).isEqualTo(1);
      }
    }
  }

  @Test
  void anIdleWorkerStopsSpinningAndParks() throws InterruptedException {
    KernelThreads.run((from, to) -> { }, 2, 2);
    Thread worker = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("lamina-kernel-")).findFirst().orElseThrow();
    // The spin window is 2 ms; poll well past it rather than asserting a time.
    Thread.State state = worker.getState();
    for (int i = 0; i < 500 && state != Thread.State.WAITING; i++) {
      Thread.sleep(10);
      state = worker.getState();
    }
    assertThat(state).as("an idle kernel worker must not keep a core busy").isEqualTo(Thread.State.WAITING);
  }

  @Test
  void anExceptionInAnyPartReachesTheCaller() {
    assertThatThrownBy(() -> KernelThreads.run((from, to) -> {
      if (from > 0) {
        throw new IllegalStateException("part starting at " + from);
      }
    }, 100, 2)).isInstanceOf(IllegalStateException.class);
  }
}

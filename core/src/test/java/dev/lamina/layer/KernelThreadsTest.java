package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shared kernel pool runs every item of a range exactly once, for any number of parts. */
class KernelThreadsTest {
  @ParameterizedTest(name = "n={0} parts={1}")
  @CsvSource({"1,1", "1,4", "10,2", "11,3", "1000,2", "1000,7", "5,64"})
  void everyItemRunsExactlyOnce(int n, int parts) {
    for (int round = 0; round < 200; round++) {
      AtomicIntegerArray hits = new AtomicIntegerArray(n);
      KernelThreads.run((from, to) -> {
        for (int i = from; i < to; i++) {
          hits.incrementAndGet(i);
        }
      }, n, parts);
      for (int i = 0; i < n; i++) {
        assertThat(hits.get(i)).as("item %d in round %d", i, round).isEqualTo(1);
      }
    }
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

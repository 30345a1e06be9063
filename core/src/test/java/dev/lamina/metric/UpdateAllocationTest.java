package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.ComponentSpec;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpdateAllocationTest {
  /** Slack for the measurement itself; a per-update allocation would cost at least 16 bytes x 20,000. */
  private static final long SLACK_BYTES = 4096;
  private static final int UPDATES = 20_000;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"binary_accuracy", "categorical_accuracy", "precision", "recall", "auc"})
  void updateAndResultAllocateNothing(String name) {
    ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertThat(bean.isThreadAllocatedMemoryEnabled()).as("per-thread allocation counting").isTrue();
    Metric m = Metrics.create(ComponentSpec.of(name), "m", 2, false);
    double[] pred = {0.2, 0.8, 0.6, 0.4, 0.9, 0.1};
    double[] target = {0, 1, 1, 0, 0, 1};
    double[] weights = {1, 2, 0.5};
    for (int i = 0; i < 1000; i++) {
      m.update(pred, target, weights, 3, 2);
      m.result();
    }
    long before = bean.getCurrentThreadAllocatedBytes();
    double sink = 0;
    for (int i = 0; i < UPDATES; i++) {
      m.update(pred, target, weights, 3, 2);
      sink += m.result();
    }
    long allocated = bean.getCurrentThreadAllocatedBytes() - before;
    assertThat(sink).isFinite();
    assertThat(allocated).isLessThan(SLACK_BYTES);
  }
}

package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.train.Fit;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The training loop allocates nothing per batch: the bytes allocated by a 20-epoch fit exceed
 * those of a 10-epoch fit by only the per-epoch bookkeeping (logs map, history entries), never by
 * anything proportional to the 500 batches per epoch.
 */
class AllocationTest {
  @Test
  void trainingLoopAllocatesNothingPerBatch() {
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[][] x = Fixtures.features(5000, 11, 1);
    double[] y = Fixtures.labels(x, 1);
    Model warm = Model.of(Fixtures.churn("he_uniform", 1));
    warm.fit(x, y, Fit.epochs(3).batchSize(10));
    long tenEpochs = allocated(bean, x, y, 10);
    long twentyEpochs = allocated(bean, x, y, 20);
    long perEpoch = (twentyEpochs - tenEpochs) / 10;
    assertThat(perEpoch).as("bytes allocated per epoch of 500 batches").isLessThan(4_000);
  }

  private static long allocated(com.sun.management.ThreadMXBean bean, double[][] x, double[] y, int epochs) {
    Model m = Model.of(Fixtures.churn("he_uniform", 1));
    long id = Thread.currentThread().getId();
    long before = bean.getThreadAllocatedBytes(id);
    m.fit(x, y, Fit.epochs(epochs).batchSize(10));
    return bean.getThreadAllocatedBytes(id) - before;
  }
}

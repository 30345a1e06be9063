package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.random.Rng;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dataset above the size from which the trainer gathers each shuffled batch on all threads
 * trains to the same bits as on one thread, sample weights included.
 */
class LargeDatasetGatherTest {
  private static final int COLS = 4;
  private static final int ROWS = Trainer.LARGE_DATASET_DOUBLES / COLS + 1000;

  private static Dataset data() {
    Rng rng = new Rng(3);
    double[] x = new double[ROWS * COLS];
    double[] y = new double[ROWS];
    double[] w = new double[ROWS];
    for (int r = 0; r < ROWS; r++) {
      double s = 0;
      for (int c = 0; c < COLS; c++) {
        double v = rng.nextGaussian();
        x[r * COLS + c] = v;
        s += c % 2 == 0 ? v : -v;
      }
      y[r] = s > 0 ? 1 : 0;
      w[r] = 0.5 + (r % 3);
    }
    return new Dataset(x, ROWS, COLS, y, 1, w);
  }

  private static Model train(Dataset data, int threads, History[] history) {
    Model m = Model.of(new ModelSpec("gather", 9L, List.of(Fixtures.dense(8, "relu", "he_uniform", COLS),
        Fixtures.dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"),
            List.of(ComponentSpec.of("accuracy")))));
    m.network().setThreads(threads);
    m.optimizer().setThreads(threads);
    history[0] = m.fit(data, null, Fit.epochs(1).batchSize(4096));
    return m;
  }

  @Test
  void batchesGatheredOnTwoThreadsTrainToTheSameBitsAsOnOne() {
    Dataset data = data();
    assertThat(data.x().length).isGreaterThan(Trainer.LARGE_DATASET_DOUBLES);
    History[] one = new History[1];
    History[] two = new History[1];
    double[][] a = train(data, 1, one).weights();
    double[][] b = train(data, 2, two).weights();
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).as("tensor %d", i).isEqualTo(a[i]);
    }
    assertThat(two[0]).isEqualTo(one[0]);
  }
}
